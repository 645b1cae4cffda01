package org.ccft.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.ccft.config.CcftProperties;
import org.ccft.config.StandaloneSettings;
import org.ccft.marts.Audience;
import org.ccft.nightly.ExitCode;
import org.ccft.published.MartReader;
import org.ccft.published.RefusedQuery;
import org.ccft.published.ReleaseInfo;
import org.ccft.published.TeamAccessLog;
import org.ccft.published.site.DashboardSite;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "site",
        mixinStandardHelpOptions = true,
        description = {
            "Writes the dashboard, a static site of plain files that opens from a file share or any",
            "web server with nothing fetched from the network, from the published marts (or a tag's).",
            "Every publish writes the staff's and the public's under <warehouse>/published/site/; this",
            "writes one anywhere. Prints the front page's path on stdout.",
            "--audience public shows the figures after disclosure control (c where suppressed) and no team",
            "page; team adds the complaints team's overdue stages by reference (the build is logged in",
            "<warehouse>/ops/access/team-queries.jsonl)."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:written",
            "2:bad command line",
            "4:nothing is published yet, or no such tag"
        })
public final class SiteCommand implements Callable<Integer> {

    @Option(names = "--warehouse", description = "warehouse root (default: ccft.warehouse)")
    String warehouse;

    @Option(
            names = "--out",
            required = true,
            paramLabel = "DIR",
            description = "folder to write the site in")
    Path out;

    @Option(
            names = "--audience",
            paramLabel = "AUDIENCE",
            defaultValue = "internal",
            converter = AudienceOption.class,
            description = "public, internal (default) or team")
    Audience audience;

    @Option(names = "--as-of", paramLabel = "TAG", description = "the marts as a tag has them")
    String asOf;

    @Override
    public Integer call() {
        Audience reader = audience;
        CcftProperties settings = StandaloneSettings.load();
        MartReader marts;
        try {
            marts =
                    MartReader.open(
                            warehouse != null ? warehouse : settings.getWarehouse(), reader, asOf);
        } catch (RefusedQuery e) {
            System.err.println("ccft site: " + e.getMessage());
            return ExitCode.QUERY_FAILED;
        }
        ReleaseInfo info = ReleaseInfo.of(marts, settings.getCouncil().getName());
        if (reader == Audience.TEAM) {
            new TeamAccessLog(marts.warehouse())
                    .answered(
                            "ccft site --audience team",
                            marts.marts(),
                            0,
                            marts.source().description());
        }
        Path index = DashboardSite.write(marts, DashboardSite.Context.of(info, reader), out);
        System.out.println(index.toAbsolutePath());
        return ExitCode.OK;
    }
}
