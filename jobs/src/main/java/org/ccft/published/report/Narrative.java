package org.ccft.published.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.Link;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;

/**
 * The team's own words for the annual report: a folder of Markdown files, one per section ({@link
 * ReportSection#file()}), kept by the team under version control. A figure in the text is a
 * placeholder naming a published table and column, {@code {{complaints_summary.received}}}, filled
 * from the marts the report is built from: the report's year by default, another with {@code
 * [year=previous]} or {@code [year=2021-22]}, a row picked by other columns with {@code
 * [measure=compliments]}, and printed as the column reads unless {@code as percent}, {@code as
 * count}, {@code as money} or {@code as decimal} says otherwise. A placeholder that names no
 * figure, or more than one, fails the report with its file and line. {@code [[Graph 3]]} on a line
 * of its own places the section's graph or table of that name there.
 *
 * <p>In the public version a sentence (or list item, or quotation) holding a protected figure is
 * left out, and the section says once that some figures are not given.
 */
public final class Narrative {

    /** What a reader is told where a sentence was left out of the public version. */
    static final String LEFT_OUT =
            "Figures small enough to identify someone are not given here; the published tables show"
                    + " them as c.";

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(.*?)}}");
    private static final Pattern FIGURE =
            Pattern.compile(
                    "\\s*([a-z][a-z0-9_]*)\\.([a-z][a-z0-9_]*)\\s*(?:\\[([^\\]]*)])?\\s*"
                            + "(?:as\\s+(percent|count|money|decimal)\\s*)?");
    private static final Pattern SELECTOR =
            Pattern.compile("\\s*([a-z][a-z0-9_]*)\\s*=\\s*([^,=]+?)\\s*");
    private static final Pattern PLACE = Pattern.compile("\\[\\[([^\\]]+)]]");

    /** Stands in the text for a protected figure until its sentence is left out. */
    private static final String PROTECTED = "\u2063c\u2063";

    /** A placeholder as the text wrote it: the figure it names and how to print it. */
    public record Placeholder(String mart, String column, Map<String, String> where, String as) {}

    /** A placeholder filled: the figure as printed, or protected (public version only). */
    public record Filled(String text, boolean protectedFigure) {}

    /** Looks up the figure a placeholder names, or says why it names none. */
    @FunctionalInterface
    public interface Figures {
        Filled fill(Placeholder placeholder) throws BadNarrative.Problem;
    }

    /** A narrative file that cannot be printed: its file, line and what is wrong. */
    public static final class BadNarrative extends Exception {

        public BadNarrative(String message) {
            super(message);
        }

        /** What is wrong with a placeholder; its file and line are added where it is read. */
        public static final class Problem extends Exception {
            public Problem(String message) {
                super(message);
            }
        }
    }

    private final Path folder;
    private final Map<ReportSection, String> texts;

    private Narrative(Path folder, Map<ReportSection, String> texts) {
        this.folder = folder;
        this.texts = texts;
    }

    /** No text for any section: the staff version shows where each goes. */
    public static Narrative none() {
        return new Narrative(null, new EnumMap<>(ReportSection.class));
    }

    /**
     * The narrative folder's sections. A Markdown file that is no section's is refused (a misspelt
     * name would otherwise drop its text silently).
     */
    public static Narrative read(Path folder) throws BadNarrative {
        if (!Files.isDirectory(folder)) {
            throw new BadNarrative(folder + " is not a folder of the report's narrative");
        }
        Map<ReportSection, String> texts = new EnumMap<>(ReportSection.class);
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString();
                if (!name.toLowerCase(Locale.ROOT).endsWith(".md")) {
                    continue;
                }
                Optional<ReportSection> section = ReportSection.ofFile(name);
                if (section.isEmpty()) {
                    throw new BadNarrative(
                            folder.resolve(name)
                                    + ": no section of the report is called that; the sections' files are "
                                    + Arrays.stream(ReportSection.values())
                                            .map(ReportSection::file)
                                            .collect(Collectors.joining(", ")));
                }
                texts.put(section.get(), Files.readString(file, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new BadNarrative("cannot read " + folder + ": " + e.getMessage());
        }
        return new Narrative(folder, texts);
    }

    /** Whether the team has written the section. */
    public boolean has(ReportSection section) {
        return !texts.getOrDefault(section, "").isBlank();
    }

    /** Where a section's text goes, as the staff version says where it is missing. */
    String whereToWrite(ReportSection section) {
        return "The team's text for \""
                + section.title()
                + "\" goes here: write it in "
                + section.file()
                + (folder == null
                        ? " in the report's narrative folder (ccft report --narrative FOLDER)."
                        : " in " + folder + ".");
    }

    /**
     * The section's blocks: the team's text with its figures filled, and each of {@code placed}
     * ("Graph 3" to its chart) where the text puts it, or after the text where it does not.
     */
    List<ReportDocument.Block> blocks(
            ReportSection section, Figures figures, Map<String, List<ReportDocument.Block>> placed)
            throws BadNarrative {
        String file = (folder == null ? "" : folder.getFileName() + "/") + section.file();
        String filled = fill(file, texts.getOrDefault(section, ""), figures, placed.keySet());
        List<ReportDocument.Block> out = new ArrayList<>();
        Map<String, List<ReportDocument.Block>> left = new LinkedHashMap<>(placed);
        boolean leftOut = false;
        Node document = Parser.builder().build().parse(filled);
        for (Node n = document.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof Heading h) {
                String text = inline(h);
                if (text.contains(PROTECTED)) {
                    leftOut = true;
                } else {
                    out.add(new ReportDocument.Heading(Math.min(3, h.getLevel() + 1), text));
                }
            } else if (n instanceof org.commonmark.node.Paragraph p) {
                String text = inline(p);
                Matcher place = PLACE.matcher(text.trim());
                if (place.matches()) {
                    List<ReportDocument.Block> blocks = left.remove(place.group(1).trim());
                    if (blocks != null) {
                        out.addAll(blocks);
                    }
                    continue;
                }
                String kept = sentences(text);
                leftOut |= !kept.equals(text);
                if (!kept.isBlank()) {
                    out.add(new ReportDocument.Paragraph(kept));
                }
            } else if (n instanceof BulletList || n instanceof OrderedList) {
                List<String> items = new ArrayList<>();
                for (Node item = n.getFirstChild(); item != null; item = item.getNext()) {
                    if (item instanceof ListItem) {
                        String text = inline(item);
                        if (text.contains(PROTECTED)) {
                            leftOut = true;
                        } else {
                            items.add(text);
                        }
                    }
                }
                if (!items.isEmpty()) {
                    out.add(new ReportDocument.Bullets(items));
                }
            } else if (n instanceof BlockQuote q) {
                List<String> lines = new ArrayList<>();
                for (Node c = q.getFirstChild(); c != null; c = c.getNext()) {
                    StringBuilder line = new StringBuilder();
                    for (Node i = c.getFirstChild(); i != null; i = i.getNext()) {
                        if (i instanceof SoftLineBreak || i instanceof HardLineBreak) {
                            lines.add(line.toString().trim());
                            line.setLength(0);
                        } else {
                            node(i, line);
                        }
                    }
                    lines.add(line.toString().trim());
                }
                String said = String.join(" ", lines);
                if (said.contains(PROTECTED)) {
                    leftOut = true;
                    continue;
                }
                String attribution = "";
                if (lines.size() > 1 && lines.get(lines.size() - 1).matches("^[—–-].*")) {
                    attribution = lines.remove(lines.size() - 1).replaceFirst("^[—–-]+\\s*", "");
                }
                out.add(new ReportDocument.Quote(String.join(" ", lines), attribution));
            }
        }
        left.values().forEach(out::addAll);
        if (leftOut) {
            out.add(new ReportDocument.Paragraph(LEFT_OUT));
        }
        return out;
    }

    /** The text with each placeholder filled, checked line by line so a fault names its line. */
    private static String fill(String file, String text, Figures figures, Iterable<String> places)
            throws BadNarrative {
        String[] lines = text.split("\n", -1);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            Matcher place = PLACE.matcher(line.trim());
            if (place.matches()) {
                String name = place.group(1).trim();
                boolean known = false;
                for (String p : places) {
                    known |= p.equals(name);
                }
                if (!known) {
                    throw new BadNarrative(
                            file
                                    + " line "
                                    + (i + 1)
                                    + ": [["
                                    + name
                                    + "]] is not a graph or table of this section; it has "
                                    + String.join(", ", places));
                }
            }
            Matcher m = PLACEHOLDER.matcher(line);
            StringBuilder filled = new StringBuilder();
            while (m.find()) {
                Filled figure;
                try {
                    figure = figures.fill(parse(m.group(1)));
                } catch (BadNarrative.Problem e) {
                    throw new BadNarrative(
                            file + " line " + (i + 1) + ": " + m.group() + " " + e.getMessage());
                }
                m.appendReplacement(
                        filled,
                        Matcher.quoteReplacement(
                                figure.protectedFigure() ? PROTECTED : figure.text()));
            }
            m.appendTail(filled);
            if (filled.indexOf("{{") >= 0 || filled.indexOf("}}") >= 0) {
                throw new BadNarrative(
                        file
                                + " line "
                                + (i + 1)
                                + ": a placeholder is not closed; a figure is written"
                                + " {{table.column}}");
            }
            out.append(filled).append('\n');
        }
        return out.toString();
    }

    static Placeholder parse(String inside) throws BadNarrative.Problem {
        Matcher m = FIGURE.matcher(inside);
        if (!m.matches()) {
            throw new BadNarrative.Problem(
                    "names no figure: write {{table.column}}, with [column=value, ...] to pick the"
                            + " row and 'as percent' (or count, money, decimal) to say how it prints");
        }
        Map<String, String> where = new LinkedHashMap<>();
        if (m.group(3) != null && !m.group(3).isBlank()) {
            for (String pair : m.group(3).split(",")) {
                Matcher s = SELECTOR.matcher(pair);
                if (!s.matches()) {
                    throw new BadNarrative.Problem(
                            "picks its row with '" + pair.trim() + "': write column=value");
                }
                where.put(s.group(1), s.group(2));
            }
        }
        return new Placeholder(m.group(1), m.group(2), where, m.group(4));
    }

    /**
     * The paragraph without its sentences that hold a protected figure. Sentences end at a full
     * stop, question or exclamation mark followed by a space.
     */
    private static String sentences(String text) {
        if (!text.contains(PROTECTED)) {
            return text;
        }
        return Arrays.stream(text.split("(?<=[.!?])\\s+"))
                .filter(s -> !s.contains(PROTECTED))
                .collect(Collectors.joining(" "));
    }

    /** A block's text as a reader reads it: emphasis and code as plain words, a link's address. */
    private static String inline(Node block) {
        StringBuilder b = new StringBuilder();
        inline(block, b);
        return b.toString().replaceAll("\\s+", " ").trim();
    }

    private static void inline(Node parent, StringBuilder b) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
            node(n, b);
        }
    }

    private static void node(Node n, StringBuilder b) {
        if (n instanceof Text t) {
            b.append(t.getLiteral());
        } else if (n instanceof Code c) {
            b.append(c.getLiteral());
        } else if (n instanceof SoftLineBreak || n instanceof HardLineBreak) {
            b.append(' ');
        } else if (n instanceof Link l) {
            int from = b.length();
            inline(l, b);
            String label = b.substring(from);
            String address = l.getDestination().replaceFirst("^mailto:", "");
            if (!label.equals(address)) {
                b.append(" (").append(address).append(')');
            }
        } else {
            inline(n, b);
            if (n instanceof org.commonmark.node.Paragraph) {
                b.append(' ');
            }
        }
    }
}
