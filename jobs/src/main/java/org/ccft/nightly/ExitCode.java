package org.ccft.nightly;

/** The exit codes of {@code ccft}, as the README documents them. */
public final class ExitCode {

    /** Everything asked for was done. */
    public static final int OK = 0;

    /**
     * The run failed; nothing new was published (the previous marts stay). Run again to restart it.
     */
    public static final int FAILED = 1;

    /** The command line was wrong. */
    public static final int USAGE = 2;

    /**
     * The run completed and published, but one or more damaged drops were refused (named on
     * stdout).
     */
    public static final int DROPS_REFUSED = 3;

    /**
     * The report's narrative was refused: a placeholder names no published figure, or a file is no
     * section's (the file and line are on stderr). Nothing was written.
     */
    public static final int NARRATIVE_REFUSED = 3;

    /** A query or request could not be answered (bad SQL, nothing published yet). */
    public static final int QUERY_FAILED = 4;

    /**
     * A critical data-quality check failed (named on stdout and in {@code ccft dq}): nothing new
     * was published, the previous marts stay. The next run starts afresh from the landing area.
     */
    public static final int QUALITY_FAILED = 5;

    /**
     * Another nightly run is going on the same warehouse: this one did not start, and the other
     * goes on undisturbed. (A lock left by a run that died does not cause this: it is cleared.)
     */
    public static final int RUN_IN_PROGRESS = 6;

    private ExitCode() {}
}
