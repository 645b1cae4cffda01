package org.ccft.config;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Every setting of the warehouse, bound from {@code application.yml} (profiles and environment
 * overrides as Spring Boot does them: {@code CCFT_SPARK_MASTER=local[4]}, {@code --spring.profiles.active=cluster}).
 */
@ConfigurationProperties(prefix = "ccft")
public class CcftProperties {

    /** The warehouse root: a local folder or an object-store URI (s3a://bucket/ccft). */
    private String warehouse = "warehouse";
    /** The landing area the CMS and the SAT drop their files into. */
    private String landing = "landing";
    private final Spark spark = new Spark();
    private final JobRepository jobRepository = new JobRepository();
    private final Sat sat = new Sat();
    private final Quality quality = new Quality();
    private final Council council = new Council();
    private final Pseudonymisation pseudonymisation = new Pseudonymisation();
    private final Maintenance maintenance = new Maintenance();
    private final Serving serving = new Serving();
    private final Disclosure disclosure = new Disclosure();
    /** How often a long step logs its progress (rows, rate, elapsed). */
    private java.time.Duration progressInterval = java.time.Duration.ofSeconds(30);

    public String getWarehouse() { return warehouse; }
    public void setWarehouse(String warehouse) { this.warehouse = warehouse; }
    public String getLanding() { return landing; }
    public void setLanding(String landing) { this.landing = landing; }
    public Spark getSpark() { return spark; }
    public JobRepository getJobRepository() { return jobRepository; }
    public Sat getSat() { return sat; }
    public Quality getQuality() { return quality; }
    public Council getCouncil() { return council; }
    public Pseudonymisation getPseudonymisation() { return pseudonymisation; }
    public Maintenance getMaintenance() { return maintenance; }
    public Serving getServing() { return serving; }
    public Disclosure getDisclosure() { return disclosure; }
    public java.time.Duration getProgressInterval() { return progressInterval; }
    public void setProgressInterval(java.time.Duration progressInterval) { this.progressInterval = progressInterval; }

    /** ccft maintain: how far back the files of earlier table versions are kept. */
    public static class Maintenance {
        private double retainHours = 168;

        public double getRetainHours() { return retainHours; }
        public void setRetainHours(double retainHours) { this.retainHours = retainHours; }
    }

    /** The council whose figures the warehouse holds, as DfE's statistics name it. */
    /** A PostgreSQL database each publish copies the marts into, for BI tools; none when jdbc-url is empty. */
    public static class Disclosure {
        private int threshold = 5;

        public int getThreshold() { return threshold; }
        public void setThreshold(int threshold) { this.threshold = threshold; }
    }

    public static class Serving {
        private String jdbcUrl = "";
        private String username = "";
        private String password = "";

        public String getJdbcUrl() { return jdbcUrl; }
        public void setJdbcUrl(String jdbcUrl) { this.jdbcUrl = jdbcUrl; }
        public String getUsername() { return username; }
        public void setUsername(String username) { this.username = username; }
        public String getPassword() { return password; }
        public void setPassword(String password) { this.password = password; }
        public boolean enabled() { return jdbcUrl != null && !jdbcUrl.isBlank(); }
    }

    public static class Council {
        private String laCode = "E10000003";
        private String name = "Cambridgeshire";

        public String getLaCode() { return laCode; }
        public void setLaCode(String laCode) { this.laCode = laCode; }
        public String getName() { return name; }
        public void setName(String name) { this.name = name; }
    }

    /** The secret key of the keyed hash that gives each case its pseudonymous reference in the marts. */
    public static class Pseudonymisation {
        private String key = "";
        private String keyFile = "";

        public String getKey() { return key; }
        public void setKey(String key) { this.key = key; }
        public String getKeyFile() { return keyFile; }
        public void setKeyFile(String keyFile) { this.keyFile = keyFile; }
    }

    public static class Spark {
        /** Master URL; empty when spark-submit provides it. */
        private String master = "local[2]";
        private String appName = "ccft";
        private int shufflePartitions = 4;
        /** Any further spark.* settings. */
        private Map<String, String> conf = new LinkedHashMap<>();

        public String getMaster() { return master; }
        public void setMaster(String master) { this.master = master; }
        public String getAppName() { return appName; }
        public void setAppName(String appName) { this.appName = appName; }
        public int getShufflePartitions() { return shufflePartitions; }
        public void setShufflePartitions(int shufflePartitions) { this.shufflePartitions = shufflePartitions; }
        public Map<String, String> getConf() { return conf; }
        public void setConf(Map<String, String> conf) { this.conf = conf; }
    }

    public static class JobRepository {
        /** JDBC URL of the Spring Batch job repository; empty for an embedded H2 file inside the warehouse. */
        private String url = "";
        private String username = "";
        private String password = "";

        public String getUrl() { return url; }
        public void setUrl(String url) { this.url = url; }
        public String getUsername() { return username; }
        public void setUsername(String username) { this.username = username; }
        public String getPassword() { return password; }
        public void setPassword(String password) { this.password = password; }
    }

    public static class Sat {
        private int chunkSize = 50;
        /** Bad rows the SAT file may have before the step fails. */
        private int skipLimit = 12;

        public int getChunkSize() { return chunkSize; }
        public void setChunkSize(int chunkSize) { this.chunkSize = chunkSize; }
        public int getSkipLimit() { return skipLimit; }
        public void setSkipLimit(int skipLimit) { this.skipLimit = skipLimit; }
    }

    /** The data-quality policy: severities that differ from quality/checks.yml, and the anomaly bounds. */
    public static class Quality {
        /** Check name or rule family to error, warning, critical or off. */
        private Map<String, String> severity = new LinkedHashMap<>();
        private final Anomaly anomaly = new Anomaly();

        public Map<String, String> getSeverity() { return severity; }
        public void setSeverity(Map<String, String> severity) { this.severity = severity; }
        public Anomaly getAnomaly() { return anomaly; }

        public org.ccft.quality.QualityPolicy policy() {
            return new org.ccft.quality.QualityPolicy(severity, new org.ccft.quality.QualityPolicy.AnomalyBounds(
                    anomaly.minHistory, anomaly.window, anomaly.lowRatio, anomaly.highRatio, anomaly.rateMaxChange));
        }
    }

    public static class Anomaly {
        private int minHistory = 3;
        private int window = 10;
        private double lowRatio = 0.2;
        private double highRatio = 5.0;
        private double rateMaxChange = 0.1;

        public int getMinHistory() { return minHistory; }
        public void setMinHistory(int minHistory) { this.minHistory = minHistory; }
        public int getWindow() { return window; }
        public void setWindow(int window) { this.window = window; }
        public double getLowRatio() { return lowRatio; }
        public void setLowRatio(double lowRatio) { this.lowRatio = lowRatio; }
        public double getHighRatio() { return highRatio; }
        public void setHighRatio(double highRatio) { this.highRatio = highRatio; }
        public double getRateMaxChange() { return rateMaxChange; }
        public void setRateMaxChange(double rateMaxChange) { this.rateMaxChange = rateMaxChange; }
    }
}
