package org.ccft.config;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ccft.published.disclosure.PublicationPolicy;
import org.ccft.quality.QualityPolicy;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Every setting of the warehouse, bound from {@code application.yml} (profiles and environment
 * overrides as Spring Boot does them: {@code CCFT_SPARK_MASTER=local[4]}, {@code
 * --spring.profiles.active=cluster}). Every default is written once, there: the fields here have
 * none of their own (a setting {@code application.yml} does not give is null, 0 or false).
 */
@ConfigurationProperties(prefix = "ccft")
public class CcftProperties {

    /** The warehouse root: a local folder or an object-store URI (s3a://bucket/ccft). */
    private String warehouse;

    /** The landing area the CMS and the SAT drop their files into. */
    private String landing;

    private final Spark spark = new Spark();
    private final JobRepository jobRepository = new JobRepository();
    private final Sat sat = new Sat();
    private final Quality quality = new Quality();
    private final Council council = new Council();
    private final Pseudonymisation pseudonymisation = new Pseudonymisation();
    private final Maintenance maintenance = new Maintenance();
    private final Serving serving = new Serving();
    private final Disclosure disclosure = new Disclosure();
    private final Guards guards = new Guards();
    private final Retention retention = new Retention();

    /** How often a long step logs its progress (rows, rate, elapsed). */
    private Duration progressInterval;

    /** A CMS file larger than this is parsed in pieces of about this size, one task each. */
    private DataSize csvPieceSize;

    public String getWarehouse() {
        return warehouse;
    }

    public void setWarehouse(String warehouse) {
        this.warehouse = warehouse;
    }

    public String getLanding() {
        return landing;
    }

    public void setLanding(String landing) {
        this.landing = landing;
    }

    public Spark getSpark() {
        return spark;
    }

    public JobRepository getJobRepository() {
        return jobRepository;
    }

    public Sat getSat() {
        return sat;
    }

    public Quality getQuality() {
        return quality;
    }

    public Council getCouncil() {
        return council;
    }

    public Pseudonymisation getPseudonymisation() {
        return pseudonymisation;
    }

    public Maintenance getMaintenance() {
        return maintenance;
    }

    public Serving getServing() {
        return serving;
    }

    public Disclosure getDisclosure() {
        return disclosure;
    }

    public Guards getGuards() {
        return guards;
    }

    public Retention getRetention() {
        return retention;
    }

    public DataSize getCsvPieceSize() {
        return csvPieceSize;
    }

    public void setCsvPieceSize(DataSize csvPieceSize) {
        this.csvPieceSize = csvPieceSize;
    }

    public Duration getProgressInterval() {
        return progressInterval;
    }

    public void setProgressInterval(Duration progressInterval) {
        this.progressInterval = progressInterval;
    }

    /** How long personal data is kept, applied by ccft maintain (0: for ever). */
    public static class Retention {
        /** Raw rows of a case closed and unchanged for this many years go. */
        private int closedCaseYears;

        /** Landing folders of drops settled (loaded or refused) this many months ago go. */
        private int landingDropMonths;

        /**
         * Cases touching child protection are under a legal hold: never removed by the retention
         * policy.
         */
        private List<String> holdServiceAreas = new ArrayList<>();

        private List<String> holdFeedbackTypes = new ArrayList<>();

        public int getClosedCaseYears() {
            return closedCaseYears;
        }

        public void setClosedCaseYears(int years) {
            this.closedCaseYears = years;
        }

        public int getLandingDropMonths() {
            return landingDropMonths;
        }

        public void setLandingDropMonths(int months) {
            this.landingDropMonths = months;
        }

        public List<String> getHoldServiceAreas() {
            return holdServiceAreas;
        }

        public void setHoldServiceAreas(List<String> areas) {
            this.holdServiceAreas = areas;
        }

        public List<String> getHoldFeedbackTypes() {
            return holdFeedbackTypes;
        }

        public void setHoldFeedbackTypes(List<String> types) {
            this.holdFeedbackTypes = types;
        }
    }

    /** Limits on what a drop may do before a row of it is loaded. */
    public static class Guards {
        /** How far a drop's extracted_at may lie after the run's clock (clocks differ a little). */
        private Duration clockTolerance;

        /** The share of a table's live records a FULL export may delete before the run stops. */
        private double fullExportMaxDeletions;

        /** Deletions of fewer records than this never stop the run, whatever their share. */
        private long fullExportDeletionFloor;

        /** The largest file a drop may hold. */
        private DataSize maxFileSize;

        public Duration getClockTolerance() {
            return clockTolerance;
        }

        public void setClockTolerance(Duration clockTolerance) {
            this.clockTolerance = clockTolerance;
        }

        public double getFullExportMaxDeletions() {
            return fullExportMaxDeletions;
        }

        public void setFullExportMaxDeletions(double share) {
            this.fullExportMaxDeletions = share;
        }

        public long getFullExportDeletionFloor() {
            return fullExportDeletionFloor;
        }

        public void setFullExportDeletionFloor(long floor) {
            this.fullExportDeletionFloor = floor;
        }

        public DataSize getMaxFileSize() {
            return maxFileSize;
        }

        public void setMaxFileSize(DataSize maxFileSize) {
            this.maxFileSize = maxFileSize;
        }
    }

    /** ccft maintain: how far back the files of earlier table versions are kept. */
    public static class Maintenance {
        private double retainHours;

        public double getRetainHours() {
            return retainHours;
        }

        public void setRetainHours(double retainHours) {
            this.retainHours = retainHours;
        }
    }

    /** The council whose figures the warehouse holds, as DfE's statistics name it. */
    /**
     * A PostgreSQL database each publish copies the marts into, for BI tools; none when jdbc-url is
     * empty.
     */
    public static class Disclosure {
        private int threshold;
        private Map<String, String> symbols = new LinkedHashMap<>();
        private Exact exact = new Exact();

        public int getThreshold() {
            return threshold;
        }

        public void setThreshold(int threshold) {
            this.threshold = threshold;
        }

        public Map<String, String> getSymbols() {
            return symbols;
        }

        public void setSymbols(Map<String, String> symbols) {
            this.symbols = symbols;
        }

        public Exact getExact() {
            return exact;
        }

        public void setExact(Exact exact) {
            this.exact = exact;
        }

        /** The council's publication policy, as these settings say it. */
        public PublicationPolicy policy() {
            return new PublicationPolicy(
                    threshold,
                    new PublicationPolicy.Symbols(
                            symbols.getOrDefault("suppressed", "c"),
                            symbols.getOrDefault("low", "low"),
                            symbols.getOrDefault("not-available", "x"),
                            symbols.getOrDefault("not-applicable", "z")),
                    exact.getPeriods(),
                    exact.getBy());
        }
    }

    /** Figures published exactly: a period, and at most one classification (its coordinates). */
    public static class Exact {
        private List<String> periods = new ArrayList<>();
        private Map<String, List<String>> by = new LinkedHashMap<>();

        public List<String> getPeriods() {
            return periods;
        }

        public void setPeriods(List<String> periods) {
            this.periods = periods;
        }

        public Map<String, List<String>> getBy() {
            return by;
        }

        public void setBy(Map<String, List<String>> by) {
            this.by = by;
        }
    }

    public static class Serving {
        private String jdbcUrl;
        private String username;
        private String password;

        public String getJdbcUrl() {
            return jdbcUrl;
        }

        public void setJdbcUrl(String jdbcUrl) {
            this.jdbcUrl = jdbcUrl;
        }

        public String getUsername() {
            return username;
        }

        public void setUsername(String username) {
            this.username = username;
        }

        public String getPassword() {
            return password;
        }

        public void setPassword(String password) {
            this.password = password;
        }

        public boolean enabled() {
            return jdbcUrl != null && !jdbcUrl.isBlank();
        }
    }

    public static class Council {
        private String laCode;
        private String name;
        private String oldLaCode;
        private String regionCode;
        private String regionName;

        /**
         * From when the Ombudsman's Complaint Handling Code applies to this council's complaints
         * (null: the reference file's date, 1 April 2026); an earlier date shows what the Code
         * would have shown in earlier years.
         */
        private LocalDate complaintCodeFrom;

        public LocalDate getComplaintCodeFrom() {
            return complaintCodeFrom;
        }

        public void setComplaintCodeFrom(LocalDate complaintCodeFrom) {
            this.complaintCodeFrom = complaintCodeFrom;
        }

        public String getOldLaCode() {
            return oldLaCode;
        }

        public void setOldLaCode(String oldLaCode) {
            this.oldLaCode = oldLaCode;
        }

        public String getRegionCode() {
            return regionCode;
        }

        public void setRegionCode(String regionCode) {
            this.regionCode = regionCode;
        }

        public String getRegionName() {
            return regionName;
        }

        public void setRegionName(String regionName) {
            this.regionName = regionName;
        }

        public String getLaCode() {
            return laCode;
        }

        public void setLaCode(String laCode) {
            this.laCode = laCode;
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }
    }

    /**
     * The secret key of the keyed hash that gives each case its pseudonymous reference in the
     * marts.
     */
    public static class Pseudonymisation {
        private String key;
        private String keyFile;

        /** Set by ccft demo only: the demo makes (and accepts) a key marked as the demo's. */
        private boolean demo;

        public String getKey() {
            return key;
        }

        public void setKey(String key) {
            this.key = key;
        }

        public String getKeyFile() {
            return keyFile;
        }

        public void setKeyFile(String keyFile) {
            this.keyFile = keyFile;
        }

        public boolean isDemo() {
            return demo;
        }

        public void setDemo(boolean demo) {
            this.demo = demo;
        }
    }

    public static class Spark {
        /** Master URL; empty when spark-submit provides it. */
        private String master;

        private String appName;
        private int shufflePartitions;

        /**
         * Spark's spill and scratch folder; empty: the warehouse's ops/spark-local (a local
         * warehouse).
         */
        private String localDir;

        /** Any further spark.* settings. */
        private Map<String, String> conf = new LinkedHashMap<>();

        public String getMaster() {
            return master;
        }

        public void setMaster(String master) {
            this.master = master;
        }

        public String getAppName() {
            return appName;
        }

        public void setAppName(String appName) {
            this.appName = appName;
        }

        public int getShufflePartitions() {
            return shufflePartitions;
        }

        public void setShufflePartitions(int shufflePartitions) {
            this.shufflePartitions = shufflePartitions;
        }

        public String getLocalDir() {
            return localDir;
        }

        public void setLocalDir(String localDir) {
            this.localDir = localDir;
        }

        public Map<String, String> getConf() {
            return conf;
        }

        public void setConf(Map<String, String> conf) {
            this.conf = conf;
        }
    }

    public static class JobRepository {
        /**
         * JDBC URL of the Spring Batch job repository; empty for an embedded H2 file inside the
         * warehouse.
         */
        private String url;

        private String username;
        private String password;

        public String getUrl() {
            return url;
        }

        public void setUrl(String url) {
            this.url = url;
        }

        public String getUsername() {
            return username;
        }

        public void setUsername(String username) {
            this.username = username;
        }

        public String getPassword() {
            return password;
        }

        public void setPassword(String password) {
            this.password = password;
        }
    }

    public static class Sat {
        private int chunkSize;

        /** Bad rows the SAT file may have before the step fails. */
        private int skipLimit;

        public int getChunkSize() {
            return chunkSize;
        }

        public void setChunkSize(int chunkSize) {
            this.chunkSize = chunkSize;
        }

        public int getSkipLimit() {
            return skipLimit;
        }

        public void setSkipLimit(int skipLimit) {
            this.skipLimit = skipLimit;
        }
    }

    /**
     * The data-quality policy: severities that differ from quality/checks.yml, and the anomaly
     * bounds.
     */
    public static class Quality {
        /** Check name or rule family to error, warning, critical or off. */
        private Map<String, String> severity = new LinkedHashMap<>();

        private final Anomaly anomaly = new Anomaly();

        public Map<String, String> getSeverity() {
            return severity;
        }

        public void setSeverity(Map<String, String> severity) {
            this.severity = severity;
        }

        public Anomaly getAnomaly() {
            return anomaly;
        }

        public QualityPolicy policy() {
            return new QualityPolicy(
                    severity,
                    new QualityPolicy.AnomalyBounds(
                            anomaly.minHistory,
                            anomaly.window,
                            anomaly.lowRatio,
                            anomaly.highRatio,
                            anomaly.rateMaxChange));
        }
    }

    public static class Anomaly {
        private int minHistory;
        private int window;
        private double lowRatio;
        private double highRatio;
        private double rateMaxChange;

        public int getMinHistory() {
            return minHistory;
        }

        public void setMinHistory(int minHistory) {
            this.minHistory = minHistory;
        }

        public int getWindow() {
            return window;
        }

        public void setWindow(int window) {
            this.window = window;
        }

        public double getLowRatio() {
            return lowRatio;
        }

        public void setLowRatio(double lowRatio) {
            this.lowRatio = lowRatio;
        }

        public double getHighRatio() {
            return highRatio;
        }

        public void setHighRatio(double highRatio) {
            this.highRatio = highRatio;
        }

        public double getRateMaxChange() {
            return rateMaxChange;
        }

        public void setRateMaxChange(double rateMaxChange) {
            this.rateMaxChange = rateMaxChange;
        }
    }
}
