package org.ccft.published;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.ccft.cli.Ccft;
import org.ccft.marts.MartCatalog;
import org.ccft.marts.MartDefinition;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * What readers read speaks their language, not the project's: every command's help, the data
 * dictionary (which the workbook's Contents and Columns sheets print), and the dashboards' own text
 * hold none of the words only this project's developers use: the "seed" report or case we modelled
 * the demo on, "marts.md" and mart "yml" files, a "calibrated" demo, and column types as a database
 * names them.
 */
class ReadersWordsTest {

    static final Pattern OURS =
            Pattern.compile(
                    "\\bseed (report|council|case|annual)|marts\\.md|\\byml\\b|\\.yml\\b|calibrat"
                            + "|\\b(bigint|varchar|StructType|StructField|DataFrame)\\b",
                    Pattern.CASE_INSENSITIVE);

    private static List<String> ours(String where, String text) {
        List<String> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        var m = OURS.matcher(text);
        while (m.find()) {
            int from = Math.max(0, m.start() - 40);
            out.add(
                    where
                            + ": \""
                            + m.group()
                            + "\" in …"
                            + text.substring(from, Math.min(text.length(), m.end() + 40))
                                    .replace('\n', ' ')
                            + "…");
        }
        return out;
    }

    @Test
    void everyCommandsHelpUsesTheReadersWords() {
        List<String> found = new ArrayList<>();
        CommandLine ccft = Ccft.commandLine();
        found.addAll(ours("ccft --help", ccft.getUsageMessage()));
        ccft.getSubcommands()
                .forEach(
                        (name, command) ->
                                found.addAll(
                                        ours(
                                                "ccft " + name + " --help",
                                                command.getUsageMessage())));
        assertThat(found).isEmpty();
    }

    @Test
    void theDataDictionaryAndTheWorkbooksNotesUseTheReadersWords() {
        List<String> found = new ArrayList<>();
        found.addAll(
                ours(
                        "the dictionary's introduction",
                        DataDictionary.of(List.of(), "2023-04-06").markdown()));
        var shared = MartDefinition.sharedColumns();
        shared.forEach((column, meaning) -> found.addAll(ours("shared column " + column, meaning)));
        for (String mart : MartCatalog.MARTS) {
            MartDefinition d = MartDefinition.of(mart);
            for (String text :
                    List.of(
                            d.title(),
                            d.description(),
                            d.grain(),
                            String.valueOf(d.report()),
                            String.valueOf(d.notes()),
                            d.disclosure() == null ? "" : d.disclosure().summary())) {
                found.addAll(ours(mart, text));
            }
            d.columns()
                    .forEach((column, meaning) -> found.addAll(ours(mart + "." + column, meaning)));
        }
        assertThat(found).isEmpty();
    }

    @Test
    void theDashboardsOwnTextUsesTheReadersWords() throws IOException {
        List<String> found = new ArrayList<>();
        for (String asset : List.of("app.js", "charts.js", "site.css")) {
            try (InputStream in = getClass().getResourceAsStream("/site/assets/" + asset)) {
                found.addAll(ours(asset, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            }
        }
        assertThat(found).isEmpty();
    }

    @Test
    void theWordsAreCaught() {
        assertThat(ours("t", "in the seed report's order")).hasSize(1);
        assertThat(ours("t", "see marts.md and at_a_glance.yml")).hasSize(2);
        assertThat(ours("t", "the type is bigint")).hasSize(1);
        assertThat(ours("t", "--seed N: the random seed")).isEmpty();
    }
}
