package org.ccft.published.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A paragraph of the report, a sentence at a time, as readers expect figures in prose: a sentence
 * that would print a protected figure ({@code c} in the public tables) is left out rather than
 * printing the symbol, and the paragraph says, once, that some figures are not given. A protected
 * figure may be a small count or one hidden beside it, so no sentence guesses at its size.
 */
final class Prose {

    static final String LEFT_OUT =
            "Figures small enough to identify someone are not given here; the published tables show them as c.";

    /** A figure as a sentence prints it, and whether it is protected. */
    record Said(String text, boolean protectedFigure) {}

    private final List<String> sentences = new ArrayList<>();
    private boolean leftOut;

    static Said count(Figure f) {
        return new Said(f.text(), f.suppressed());
    }

    static Said share(Figure f) {
        return new Said(f.percent(), f.suppressed());
    }

    /** {@code 456 (445)}; {@code 456} alone when last year's is protected. */
    static Said bracketed(Figure now, Figure before) {
        return new Said(
                before.suppressed() ? now.text() : now.withPrevious(before), now.suppressed());
    }

    /** The sentence, its {@code %s} filled with the figures, unless one of them is protected. */
    Prose say(String template, Said... figures) {
        if (Arrays.stream(figures).anyMatch(Said::protectedFigure)) {
            leftOut = true;
        } else {
            sentences.add(
                    String.format(
                            template,
                            Arrays.stream(figures).map(Said::text).toArray(Object[]::new)));
        }
        return this;
    }

    /** The paragraph, if any sentence is left in it. */
    Optional<ReportDocument.Paragraph> paragraph() {
        List<String> all = new ArrayList<>(sentences);
        if (leftOut) {
            all.add(LEFT_OUT);
        }
        return all.isEmpty()
                ? Optional.empty()
                : Optional.of(new ReportDocument.Paragraph(String.join(" ", all)));
    }
}
