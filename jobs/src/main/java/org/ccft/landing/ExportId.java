package org.ccft.landing;

import java.util.regex.Pattern;

/**
 * What a drop's folder may be called. The contract's export ids are timestamps such as {@code
 * 20230401T020000Z}; the warehouse accepts letters, digits, '.', '_' and '-' (up to 64, starting
 * with a letter or digit), so an id can be written into a path, a Delta predicate or a log line as
 * it is. A folder named otherwise (quotes, backslashes, commas, braces, '*') is refused as data,
 * never used in a path list, a pattern or SQL.
 */
public final class ExportId {

    public static final Pattern PATTERN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    public static final String RULE =
            "letters, digits, '.', '_' or '-', at most 64, starting with a letter or digit";

    private ExportId() {}

    public static boolean isValid(String id) {
        return id != null && PATTERN.matcher(id).matches();
    }

    /** The id, if it is one; else an error naming the value and the rule. */
    public static String require(String id) {
        if (!isValid(id)) {
            throw new IllegalArgumentException("not an export id (" + RULE + "): " + printable(id));
        }
        return id;
    }

    /**
     * A folder name as a message may show it: control characters escaped, at most 80 characters.
     */
    public static String printable(String name) {
        if (name == null) {
            return "null";
        }
        StringBuilder b = new StringBuilder();
        name.codePoints()
                .limit(80)
                .forEach(
                        c -> {
                            if (Character.isISOControl(c)) {
                                b.append(String.format("\\u%04x", c));
                            } else {
                                b.appendCodePoint(c);
                            }
                        });
        return name.codePointCount(0, name.length()) > 80 ? b + "..." : b.toString();
    }
}
