package org.ccft.cli;

import java.util.Optional;
import java.util.concurrent.Callable;
import org.ccft.lakehouse.ProcessUmask;
import org.ccft.nightly.ExitCode;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ccft}: the command line of the children's complaints and feedback warehouse. */
@Command(
        name = "ccft",
        mixinStandardHelpOptions = true,
        version = "ccft 0.1.0",
        description =
                "Children's complaints and feedback warehouse: nightly load, marts, queries, data quality.",
        subcommands = {
            NightlyCommand.class,
            ScheduleCommand.class,
            HistoryCommand.class,
            SqlCommand.class,
            SiteCommand.class,
            ReportCommand.class,
            PublishCommand.class,
            MaintainCommand.class,
            EraseCommand.class,
            RotateKeyCommand.class,
            DqCommand.class,
            DictionaryCommand.class,
            YardstickCommand.class
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:done",
            "1:the run failed; the previous marts stay published (run again to restart it)",
            "2:bad command line",
            "3:run completed, but damaged drops were refused (named on stdout)",
            "4:the query could not be answered",
            "5:a critical data-quality check failed; nothing new published, the previous marts stay",
            "6:another nightly run is going on this warehouse; this one did not start"
        })
public final class Ccft implements Callable<Integer> {

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        // Spring Boot must not take over logging: logs go to stderr through log4j2.xml.
        System.setProperty("org.springframework.boot.logging.LoggingSystem", "none");
        System.exit(commandLine().execute(args));
    }

    public static CommandLine commandLine() {
        ProcessUmask.apply();
        CommandLine cl = new CommandLine(new Ccft());
        cl.setExitCodeExceptionMapper(
                t ->
                        t instanceof CommandLine.ParameterException
                                ? ExitCode.USAGE
                                : ExitCode.FAILED);
        cl.getCommandSpec().exitCodeOnInvalidInput(ExitCode.USAGE);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        // The descriptions are written in lines of up to 100 characters: shown as written, not
        // re-wrapped at 80.
        cl.setUsageHelpWidth(110);
        demoCommand().ifPresent(demo -> cl.addSubcommand("demo", demo));
        for (CommandLine sub : cl.getSubcommands().values()) {
            sub.getCommandSpec().exitCodeOnInvalidInput(ExitCode.USAGE);
        }
        return cl;
    }

    /**
     * {@code ccft demo}, where the demo is built in: the local jar has it, the cluster jar (mvn
     * -Pcluster) leaves the demo's generator and sample data out.
     */
    private static Optional<Object> demoCommand() {
        try {
            return Optional.of(
                    Class.forName("org.ccft.cli.DemoCommand")
                            .getDeclaredConstructor()
                            .newInstance());
        } catch (ClassNotFoundException e) {
            return Optional.empty();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot make the demo command", e);
        }
    }

    @Override
    public Integer call() {
        spec.commandLine()
                .getErr()
                .println("ccft: name a command: " + String.join(", ", spec.subcommands().keySet()));
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCode.USAGE;
    }
}
