package org.ccft.demo;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/** What the demo's generated history must reproduce ({@code demo/calibration.yml}). */
public record DemoCalibration(
        String councilLaCode,
        List<String> financialYears,
        Map<String, Map<String, Integer>> received,
        Map<String, Map<String, Integer>> serviceAreas,
        Map<String, Integer> themes,
        Map<String, Integer> complainantRoles,
        double youngPersonAdvocateShare,
        Map<String, Integer> complaintOutcomes,
        Map<String, Integer> lgoOutcomes,
        double extendedShare,
        double lateShare,
        double reopenedShare,
        double reasonableAdjustmentsShare,
        double commitmentShare,
        ReportYear reportYear,
        Map<String, Double> chances) {

    /** The named probability of {@code chances:}; a name the file does not give is an error. */
    public double chance(String name) {
        Double p = chances == null ? null : chances.get(name);
        if (p == null || p < 0 || p > 1) {
            throw new IllegalStateException(
                    "demo/calibration.yml gives no probability chances." + name + " (0 to 1)");
        }
        return p;
    }

    /**
     * The report year's figures that count by response or decision, made exact by the generator.
     */
    public record ReportYear(
            String financialYear,
            int complaintsConcluded,
            int extended,
            int outsideTimescale,
            int lgoCarriedIn,
            int lgoDecided,
            Map<String, Integer> lgoDecisionThemes) {}

    public static DemoCalibration load() {
        ObjectMapper yaml =
                new ObjectMapper(new YAMLFactory())
                        .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                        .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
        try (InputStream in =
                DemoCalibration.class
                        .getClassLoader()
                        .getResourceAsStream("demo/calibration.yml")) {
            return yaml.readValue(in, DemoCalibration.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read demo/calibration.yml", e);
        }
    }
}
