package org.ccft.sat;

/** A SAT row that breaks its contract: skipped by the chunk step and sent to quarantine. */
public class SatRowRejected extends RuntimeException {

    private final long line;
    private final String rule;
    private final String month;

    public SatRowRejected(long line, String rule, String month) {
        super("sat/ehcp_monthly.csv line " + line + ": " + rule);
        this.line = line;
        this.rule = rule;
        this.month = month;
    }

    public long line() {
        return line;
    }

    public String rule() {
        return rule;
    }

    public String month() {
        return month;
    }
}
