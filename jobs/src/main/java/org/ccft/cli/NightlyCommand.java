package org.ccft.cli;

import java.util.Map;
import java.util.concurrent.Callable;
import org.ccft.config.CcftProperties;
import org.ccft.nightly.NightlyRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "nightly", mixinStandardHelpOptions = true,
        description = {"Loads the new CMS drops and the SAT's EHCP months, builds the marts and publishes them.",
                "A run that failed is restarted where it stopped."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:loaded and published", "1:failed; the previous marts stay published",
                "2:bad command line", "3:published, but damaged drops were refused (named on stdout)"})
public final class NightlyCommand implements Callable<Integer> {

    @Option(names = "--landing", description = "landing area holding cms/ and sat/ (default: ccft.landing)")
    String landing;

    @Option(names = "--warehouse", description = "warehouse root (default: ccft.warehouse)")
    String warehouse;

    @Override
    public Integer call() throws Exception {
        try (var ctx = WarehouseContext.start(warehouse, Map.of())) {
            String landingRoot = landing != null ? landing : ctx.getBean(CcftProperties.class).getLanding();
            NightlyRunner.Outcome outcome = ctx.getBean(NightlyRunner.class).run(landingRoot);
            outcome.summary().forEach(System.out::println);
            return outcome.exitCode();
        }
    }
}
