package org.ccft.raw;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import scala.Tuple2;

/** How the landing deals a night's file pieces to its parsing tasks (no Spark needed). */
class RawLandingTest {

    private static Tuple2<String, CsvPieces.Piece> piece(String file, long start, long end) {
        return new Tuple2<>(file, new CsvPieces.Piece(start, end, 0));
    }

    private static List<List<String>> dealt(
            List<Tuple2<String, CsvPieces.Piece>> pieces, int tasks) {
        return RawLanding.shares(pieces, tasks).stream()
                .map(share -> share.stream().map(p -> p._1() + "@" + p._2().start()).toList())
                .toList();
    }

    @Test
    void theLargestPiecesGoFirstEachToTheTaskWithTheFewestBytes() {
        // 100, 60, 50, 40 and 10 bytes over two tasks: 100 | 60; 50 to the 60; 40 to the 100
        // (140 against 110); 10 to the 110.
        List<Tuple2<String, CsvPieces.Piece>> pieces =
                List.of(
                        piece("small", 0, 10),
                        piece("big", 0, 100),
                        piece("big", 100, 140),
                        piece("mid", 0, 60),
                        piece("other", 0, 50));
        assertThat(dealt(pieces, 2))
                .containsExactly(
                        List.of("big@0", "big@100"), List.of("mid@0", "other@0", "small@0"));
    }

    @Test
    void aLargeFilesPiecesGoToDifferentTasks() {
        List<Tuple2<String, CsvPieces.Piece>> pieces =
                List.of(
                        piece("f", 0, 64),
                        piece("f", 64, 128),
                        piece("f", 128, 192),
                        piece("g", 0, 5),
                        piece("h", 0, 5));
        assertThat(dealt(pieces, 3))
                .containsExactly(List.of("f@0", "g@0"), List.of("f@64", "h@0"), List.of("f@128"));
    }

    @Test
    void noMoreTasksThanPieces() {
        assertThat(dealt(List.of(piece("f", 0, 10)), 8)).containsExactly(List.of("f@0"));
    }
}
