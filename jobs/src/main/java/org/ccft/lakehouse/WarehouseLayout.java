package org.ccft.lakehouse;

/**
 * Where every table lives under the warehouse root. The folders tell the data's flow: {@code raw/}
 * (as delivered, the only layer with personal data) → {@code conformed/} (validated, typed, current
 * state per key) → {@code marts/} → {@code published/} (the mart versions readers see).
 */
public record WarehouseLayout(String root) {

    public WarehouseLayout {
        root = root.endsWith("/") ? root.substring(0, root.length() - 1) : root;
    }

    public String raw(String table) {
        return root + "/raw/" + table;
    }

    public String staging(String table) {
        return root + "/staging/" + table;
    }

    public String quarantine() {
        return root + "/quarantine/rows";
    }

    public String conformed(String table) {
        return root + "/conformed/" + table;
    }

    public String reference(String table) {
        return root + "/reference/" + table;
    }

    public String mart(String name) {
        return root + "/marts/" + name;
    }

    public String publishedPointer() {
        return root + "/published/current.json";
    }

    public String loadLedger() {
        return root + "/ops/load_ledger";
    }

    public String jobRepositoryFile() {
        return root + "/ops/jobrepo";
    }

    public String runLock() {
        return root + "/ops/nightly.lock";
    }

    public String runSummaries() {
        return root + "/ops/runs";
    }

    public String lastRunSummary() {
        return root + "/ops/last-run.json";
    }

    public String publishedTags() {
        return root + "/published/tags";
    }

    /**
     * Each publication's files (Parquet for every audience, CSV and a workbook for people), by
     * release.
     */
    public String publishedReleases() {
        return root + "/published/releases";
    }

    /** The current release's files for people, at paths that do not change from night to night. */
    public String publishedFiles() {
        return root + "/published/files";
    }

    /**
     * The dashboard sites of the current publication, one folder per audience ({@code internal/},
     * {@code public/}).
     */
    public String publishedSite() {
        return root + "/published/site";
    }

    /** Who read the team's lists, when, and how many rows (never the rows). */
    public String teamAccessLog() {
        return root + "/ops/access";
    }

    /**
     * One record per erasure: the request's reference, when, and rows per table (no personal data).
     */
    public String erasures() {
        return root + "/ops/erasures";
    }

    public String qualityResults() {
        return root + "/ops/dq/results";
    }

    public String qualityRuns() {
        return root + "/ops/dq/runs";
    }

    public String qualityMetrics() {
        return root + "/ops/dq/metrics.json";
    }

    public String checkedWarehouse() {
        return root + "/ops/dq/checked-warehouse.json";
    }
}
