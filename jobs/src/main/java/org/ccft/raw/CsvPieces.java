package org.ccft.raw;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a CSV file (RFC 4180) into pieces that start where a record starts, so that several tasks
 * can parse one large file. One pass over the bytes finds the record boundaries as the parser will
 * see them: a line break ends a record unless it is inside a quoted field, a quote opens a quoted
 * field only as a field's first character, and two quotes inside one are a quote. Each piece
 * carries the line breaks before it, so a row's line is the same as if the file were parsed whole.
 * Where the parser would stop (a character after a closing quote, a quote never closed), no
 * boundary is placed after it: the rest of the file is one piece, whose parse reports the error and
 * reads nothing after it, as a parse of the whole file does. A UTF-8 line break is one byte that no
 * other character contains, so the bytes can be cut without decoding them.
 */
public final class CsvPieces {

    /** Bytes [start, end) of a file, beginning on a record, after linesBefore line breaks. */
    public record Piece(long start, long end, long linesBefore) implements Serializable {

        /** The piece's bytes, from a stream of the whole file at its first byte. */
        public InputStream bytes(InputStream file) throws IOException {
            file.skipNBytes(start);
            return new FilterInputStream(file) {
                private long left = end - start;

                @Override
                public int read() throws IOException {
                    if (left <= 0) {
                        return -1;
                    }
                    int b = super.read();
                    if (b >= 0) {
                        left--;
                    }
                    return b;
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    if (left <= 0) {
                        return -1;
                    }
                    int n = super.read(buffer, offset, (int) Math.min(length, left));
                    if (n > 0) {
                        left -= n;
                    }
                    return n;
                }

                @Override
                public long skip(long n) throws IOException {
                    long skipped = super.skip(Math.min(n, left));
                    left -= skipped;
                    return skipped;
                }

                @Override
                public int available() throws IOException {
                    return (int) Math.min(super.available(), left);
                }

                @Override
                public boolean markSupported() {
                    return false;
                }
            };
        }
    }

    private enum State {
        FIELD_START,
        UNQUOTED,
        QUOTED,
        QUOTE_IN_QUOTED,
        AFTER_CLOSING_QUOTE,
        BROKEN
    }

    private CsvPieces() {}

    /**
     * The file's pieces, each at least {@code pieceBytes} long but the last (one piece for a file
     * no longer than that). Reads the stream to its end; does not close it.
     */
    public static List<Piece> of(InputStream file, long pieceBytes) throws IOException {
        if (pieceBytes < 1) {
            throw new IllegalArgumentException("a piece is at least one byte, not " + pieceBytes);
        }
        BufferedInputStream in = new BufferedInputStream(file, 1 << 16);
        List<Piece> pieces = new ArrayList<>();
        State state = State.FIELD_START;
        long offset = 0;
        long lines = 0;
        long pieceStart = 0;
        long linesAtStart = 0;
        boolean afterCr = false;
        if (CmsCsvParser.skipByteOrderMark(in)) {
            offset = 3; // the parser skips it too
        }
        // A record that ends in CR ends after the LF that may follow it: the cut waits a byte.
        boolean cutAfterCr = false;
        byte[] buffer = new byte[1 << 16];
        int read;
        while ((read = in.read(buffer)) > 0) {
            for (int i = 0; i < read; i++) {
                int b = buffer[i] & 0xFF;
                offset++;
                if (cutAfterCr) {
                    cutAfterCr = false;
                    long end = b == '\n' ? offset : offset - 1;
                    pieces.add(new Piece(pieceStart, end, linesAtStart));
                    pieceStart = end;
                    linesAtStart = lines;
                }
                boolean lineBreak = b == '\r' || (b == '\n' && !afterCr);
                if (lineBreak) {
                    lines++;
                }
                boolean crLf = b == '\n' && afterCr;
                afterCr = b == '\r';
                if (crLf) {
                    continue; // the second byte of a CRLF: already counted, and it already ended
                    // the record
                }
                boolean endOfLine = b == '\r' || b == '\n';
                boolean recordEnds = false;
                switch (state) {
                    case FIELD_START, UNQUOTED -> {
                        if (endOfLine) {
                            recordEnds = true;
                            state = State.FIELD_START;
                        } else if (b == ',') {
                            state = State.FIELD_START;
                        } else if (b == '"' && state == State.FIELD_START) {
                            state = State.QUOTED;
                        } else {
                            state = State.UNQUOTED;
                        }
                    }
                    case QUOTED -> {
                        if (b == '"') {
                            state = State.QUOTE_IN_QUOTED;
                        }
                    }
                    case QUOTE_IN_QUOTED, AFTER_CLOSING_QUOTE -> {
                        if (b == '"' && state == State.QUOTE_IN_QUOTED) {
                            state = State.QUOTED; // an escaped quote
                        } else if (endOfLine) {
                            recordEnds = true;
                            state = State.FIELD_START;
                        } else if (b == ',') {
                            state = State.FIELD_START;
                        } else if (b == ' ' || b == '\t') {
                            state = State.AFTER_CLOSING_QUOTE;
                        } else {
                            state = State.BROKEN;
                        }
                    }
                    case BROKEN -> {
                        // the parser stops here: no more boundaries
                    }
                }
                if (recordEnds && offset - pieceStart >= pieceBytes) {
                    if (b == '\r') {
                        cutAfterCr = true;
                    } else {
                        pieces.add(new Piece(pieceStart, offset, linesAtStart));
                        pieceStart = offset;
                        linesAtStart = lines;
                    }
                }
            }
        }
        if (cutAfterCr) {
            pieces.add(new Piece(pieceStart, offset, linesAtStart));
            pieceStart = offset;
        }
        if (offset > pieceStart || pieces.isEmpty()) {
            pieces.add(new Piece(pieceStart, offset, linesAtStart));
        }
        return pieces;
    }
}
