package org.ccft.published;

/**
 * A reader's query that is not answered, with the one-line reason the reader is given and a fixed
 * code for the record ({@code not_a_mart}, {@code query_failed}): the reason may quote the query,
 * the code never does, so only the code is written to the team's access log.
 */
public final class RefusedQuery extends Exception {

    /** Why a query is not answered, as the access log records it. */
    public enum Code {
        NO_QUERY,
        NOT_A_SELECT,
        DOES_NOT_PARSE,
        MORE_THAN_ONE_QUERY,
        TABLE_FUNCTION,
        SYSTEM_FUNCTION,
        QUALIFIED_NAME,
        TIME_TRAVEL,
        TEAM_ONLY,
        NOT_A_MART,
        QUERY_FAILED,
        TIMED_OUT,
        TOO_MANY_ROWS,
        TOO_LONG,
        TOO_COMPLEX,
        NOT_PUBLISHED,
        RELEASE_OUTSIDE
    }

    private final Code code;

    public RefusedQuery(Code code, String reason) {
        super(reason);
        this.code = code;
    }

    /** A refusal of what is published rather than of the query (no publication, no such tag). */
    public RefusedQuery(String reason) {
        this(Code.NOT_PUBLISHED, reason);
    }

    public Code code() {
        return code;
    }

    /** The code as the access log writes it: {@code not_a_mart}. */
    public String logged() {
        return code.name().toLowerCase(java.util.Locale.ROOT);
    }
}
