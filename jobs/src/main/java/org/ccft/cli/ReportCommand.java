package org.ccft.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.ccft.config.CcftProperties;
import org.ccft.config.StandaloneSettings;
import org.ccft.marts.Audience;
import org.ccft.published.MartReader;
import org.ccft.published.RefusedQuery;
import org.ccft.published.ReleaseInfo;
import org.ccft.published.report.AnnualReport;
import org.ccft.published.report.ReportWriter;
import org.ccft.reference.calendar.FinancialYear;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "report",
        mixinStandardHelpOptions = true,
        description = {
            "Writes the statutory annual report's data pages for a financial year from the published",
            "marts (or a tag's), in the seed report's order with the year before in brackets: a Word",
            "document for the team to add its narrative and case studies to, a PDF and an HTML page.",
            "--audience public writes the version that leaves the council: every figure after disclosure",
            "control (c where suppressed). Prints the three files' paths on stdout."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:written",
            "2:bad command line",
            "4:nothing is published yet, or no such tag"
        })
public final class ReportCommand implements Callable<Integer> {

    @Option(names = "--warehouse", description = "warehouse root (default: ccft.warehouse)")
    String warehouse;

    @Option(
            names = "--year",
            required = true,
            paramLabel = "YYYY-YY",
            description = "financial year, e.g. 2022-23")
    String year;

    @Option(
            names = "--out",
            required = true,
            paramLabel = "DIR",
            description = "folder to write the report in")
    Path out;

    @Option(
            names = "--audience",
            paramLabel = "AUDIENCE",
            defaultValue = "internal",
            converter = AudienceOption.class,
            description =
                    "internal (default: exact figures, for staff) or public (disclosure-controlled)")
    Audience audience;

    @Option(names = "--as-of", paramLabel = "TAG", description = "the marts as a tag has them")
    String asOf;

    @Override
    public Integer call() throws IOException {
        Audience reader = audience;
        if (reader == Audience.TEAM) {
            System.err.println(
                    "ccft report: the report is for internal or public readers, not team");
            return ExitCode.USAGE;
        }
        if (!year.matches("\\d{4}-\\d{2}")
                || !FinancialYear.of(FinancialYear.start(year)).equals(year)) {
            System.err.println(
                    "ccft report: --year is a financial year such as 2022-23, not " + year);
            return ExitCode.USAGE;
        }
        CcftProperties settings = StandaloneSettings.load();
        try {
            MartReader marts =
                    MartReader.open(
                            warehouse != null ? warehouse : settings.getWarehouse(), reader, asOf);
            ReleaseInfo info = ReleaseInfo.of(marts, settings.getCouncil().getName());
            ReportWriter.Written written =
                    ReportWriter.write(
                            new AnnualReport(marts, year).build(info), out, fileName(year, reader));
            System.out.println(written.docx().toAbsolutePath());
            System.out.println(written.pdf().toAbsolutePath());
            System.out.println(written.html().toAbsolutePath());
            return ExitCode.OK;
        } catch (RefusedQuery e) {
            System.err.println("ccft report: " + e.getMessage());
            return ExitCode.QUERY_FAILED;
        }
    }

    /**
     * {@code annual-report-2022-23} for staff, {@code annual-report-2022-23-public} for the public.
     */
    public static String fileName(String year, Audience audience) {
        return "annual-report-" + year + (audience == Audience.PUBLIC ? "-public" : "");
    }
}
