package org.ccft.raw;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ccft.landing.Drop;
import org.ccft.landing.LandingArea;
import org.ccft.landing.Manifest;
import org.ccft.landing.Refusal;
import org.ccft.quality.CheckOutcome;
import org.ccft.quality.QualityPolicy;
import org.ccft.quality.Severity;
import org.ccft.schemas.CmsContract;
import org.ccft.schemas.ColumnSpec;
import org.ccft.schemas.FileContract;

/**
 * Checks each delivered file's header (line 1) against the contract before a row is read: a
 * required column missing (a new release, a wrong delimiter, an empty file) makes every row of the
 * file (or, for a conditionally required one, every row it applies to) meaningless, so it is
 * critical by default; an optional column missing is a warning (its values are read as empty),
 * unless a later release of the contract added it (a drop of the earlier release is not warned).
 * Columns are matched by name, so order does not matter and extra columns are kept.
 */
public final class FileHeaders {

    public static final String MISSING_COLUMN = "missing_column";
    public static final String MISSING_OPTIONAL_COLUMN = "missing_optional_column";

    private final LandingArea landing;
    private final QualityPolicy policy;

    public FileHeaders(LandingArea landing, QualityPolicy policy) {
        this.landing = landing;
        this.policy = policy;
    }

    /**
     * One outcome per file whose header lacks columns; one passing outcome per table and rule
     * otherwise.
     */
    public List<CheckOutcome> check(List<Drop> drops) {
        List<CheckOutcome> problems = new ArrayList<>();
        Map<TableRule, Integer> sound = new LinkedHashMap<>();
        for (Drop d : drops) {
            for (Manifest.ListedFile f : d.files()) {
                FileContract contract = CmsContract.cmsFile(f.name());
                List<String> header = header(d.filePath(f.name()));
                for (boolean required : List.of(true, false)) {
                    String rule = required ? MISSING_COLUMN : MISSING_OPTIONAL_COLUMN;
                    List<String> missing = missing(contract, header, required);
                    if (missing.isEmpty()) {
                        sound.merge(new TableRule(contract.table(), rule), 1, Integer::sum);
                        continue;
                    }
                    Severity s = severity(rule);
                    CheckOutcome.Status status =
                            s == Severity.OFF
                                    ? CheckOutcome.Status.SKIPPED
                                    : s == Severity.ERROR
                                            ? CheckOutcome.Status.REFUSED
                                            : CheckOutcome.statusFor(s, true);
                    problems.add(
                            new CheckOutcome(
                                    "files",
                                    "raw",
                                    rule,
                                    contract.table(),
                                    s,
                                    status,
                                    null,
                                    missing.size(),
                                    "header lacks " + String.join(", ", missing),
                                    List.of(d.exportId()),
                                    d.fileLabel(f.name()),
                                    1L));
                }
            }
        }
        List<CheckOutcome> outcomes = new ArrayList<>(problems);
        sound.forEach(
                (key, files) -> {
                    if (problems.stream()
                            .noneMatch(
                                    p ->
                                            p.table().equals(key.table())
                                                    && p.check().equals(key.rule()))) {
                        outcomes.add(
                                new CheckOutcome(
                                        "files",
                                        "raw",
                                        key.rule(),
                                        key.table(),
                                        severity(key.rule()),
                                        CheckOutcome.Status.PASSED,
                                        null,
                                        0,
                                        files
                                                + " files' headers have every "
                                                + (key.rule().equals(MISSING_COLUMN)
                                                        ? "required"
                                                        : "optional")
                                                + " column",
                                        List.of(),
                                        null,
                                        null));
                    }
                });
        return outcomes;
    }

    private record TableRule(String table, String rule) {}

    /** The refusal of the drop a header problem at severity error sets aside. */
    public static Refusal refusal(CheckOutcome o) {
        return new Refusal(
                o.offenders().get(0), o.check(), o.file(), o.file() + " line 1: " + o.figures());
    }

    private Severity severity(String rule) {
        return policy.severity(
                rule, rule.equals(MISSING_COLUMN) ? Severity.CRITICAL : Severity.WARNING);
    }

    private static List<String> missing(
            FileContract contract, List<String> header, boolean required) {
        return contract.columns().stream()
                .filter(c -> (c.required() || c.requiredWhen() != null) == required)
                .filter(c -> c.since() == null)
                .map(ColumnSpec::name)
                .filter(name -> !header.contains(name))
                .toList();
    }

    private List<String> header(String path) {
        try (InputStream in = landing.open(path)) {
            return CmsCsvParser.header(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the header of " + path, e);
        }
    }
}
