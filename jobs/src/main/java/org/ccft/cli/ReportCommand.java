package org.ccft.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.ccft.config.CcftProperties;
import org.ccft.config.StandaloneSettings;
import org.ccft.marts.Audience;
import org.ccft.nightly.ExitCode;
import org.ccft.published.MartReader;
import org.ccft.published.RefusedQuery;
import org.ccft.published.ReleaseInfo;
import org.ccft.published.report.AnnualReport;
import org.ccft.published.report.CodeAnnualReport;
import org.ccft.published.report.Narrative;
import org.ccft.published.report.ReportWriter;
import org.ccft.published.report.SelfAssessment;
import org.ccft.reference.calendar.FinancialYear;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "report",
        mixinStandardHelpOptions = true,
        description = {
            "Writes the annual complaints and feedback report for a financial year: a Word document,",
            "a PDF and a web page, with a title page, contents, and each section's graphs and tables",
            "from the published figures (or a tag's), the year before in brackets. The team's own text",
            "for each section comes from --narrative: a folder of Markdown files (message.md,",
            "complaints.md, case-studies.md, ...) where a figure is written {{complaints_summary.received}}",
            "and filled in from the published figures. Without it, the staff version shows where the",
            "text goes. --audience public writes the version that leaves the council: every figure after",
            "disclosure control, no sentence printing a protected figure, and no unwritten section.",
            "--kind code-annual writes instead the complaints performance and service improvement report",
            "the Ombudsman's Complaint Handling Code asks for (its section 8): the self-assessment from",
            "self-assessment.csv in the --narrative folder (section,answer,evidence), the year's complaints",
            "received and refused against the Code's timescales, where the Code was not met, the learning",
            "from complaints, and the Ombudsman's three annual-letter figures (for staff; the public version",
            "takes every figure after disclosure control and leaves out the medians, the single changes and",
            "the letter's figures).",
            "Prints the three files' paths on stdout."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:written",
            "2:bad command line",
            "3:the narrative names a figure that is not published, or is not a section's, or the"
                    + " self-assessment is not the Code's (the file and line are on stderr)",
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

    /** Which report. */
    enum Kind {
        ANNUAL,
        CODE_ANNUAL
    }

    @Option(
            names = "--kind",
            paramLabel = "KIND",
            defaultValue = "annual",
            converter = KindOption.class,
            description =
                    "annual (default: the year in review) or code-annual (the Complaint Handling"
                            + " Code's annual performance and service improvement report)")
    Kind kind;

    /** {@code code-annual} as the user types it. */
    static final class KindOption implements picocli.CommandLine.ITypeConverter<Kind> {
        @Override
        public Kind convert(String value) {
            return switch (value) {
                case "annual" -> Kind.ANNUAL;
                case "code-annual" -> Kind.CODE_ANNUAL;
                default ->
                        throw new picocli.CommandLine.TypeConversionException(
                                "a report is annual or code-annual, not '" + value + "'");
            };
        }
    }

    @Option(names = "--as-of", paramLabel = "TAG", description = "the marts as a tag has them")
    String asOf;

    @Option(
            names = "--narrative",
            paramLabel = "DIR",
            description =
                    "the team's text for each section, one Markdown file per section (bin/ccft demo"
                            + " writes an example in its folder's narrative/)")
    Path narrative;

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
            ReportWriter.Written written;
            if (kind == Kind.CODE_ANNUAL) {
                written =
                        ReportWriter.write(
                                new CodeAnnualReport(marts, year, SelfAssessment.read(narrative))
                                        .build(info),
                                out,
                                CodeAnnualReport.fileName(year, reader));
            } else {
                Narrative text = narrative == null ? Narrative.none() : Narrative.read(narrative);
                written =
                        ReportWriter.write(
                                new AnnualReport(marts, year, text).build(info),
                                out,
                                fileName(year, reader));
            }
            System.out.println(written.docx().toAbsolutePath());
            System.out.println(written.pdf().toAbsolutePath());
            System.out.println(written.html().toAbsolutePath());
            return ExitCode.OK;
        } catch (RefusedQuery e) {
            System.err.println("ccft report: " + e.getMessage());
            return ExitCode.QUERY_FAILED;
        } catch (Narrative.BadNarrative e) {
            System.err.println("ccft report: " + e.getMessage());
            return ExitCode.NARRATIVE_REFUSED;
        }
    }

    /**
     * {@code annual-report-2022-23} for staff, {@code annual-report-2022-23-public} for the public.
     */
    public static String fileName(String year, Audience audience) {
        return "annual-report-" + year + (audience == Audience.PUBLIC ? "-public" : "");
    }
}
