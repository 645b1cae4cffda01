package org.ccft.landing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.ccft.config.CcftProperties;
import org.ccft.config.StandaloneSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tonight's inputs, fingerprinted without Spark: the same landing area, settings and code give the
 * same fingerprint; any drop folder, manifest, SAT or DfE file, or setting that shapes a run gives
 * another; what a run does not read (a data file of a drop whose manifest is unchanged, Spark's
 * settings) does not.
 */
class NightInputsTest {

    private static void write(Path file, String content) throws Exception {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    @Test
    void anythingANightReadsChangesTheFingerprintAndNothingElseDoes(@TempDir Path landing)
            throws Exception {
        CcftProperties settings = StandaloneSettings.load();
        LandingArea area = new LandingArea(landing.toString(), new Configuration());
        NightInputs inputs = NightInputs.of(settings, "K1");
        List<String> seen = new ArrayList<>();

        write(landing.resolve("cms/20230101T020000Z/manifest.json"), "{\"export_id\": 1}");
        write(landing.resolve("cms/20230101T020000Z/feedback_records.csv"), "a\n");
        write(landing.resolve("sat/ehcp_monthly.csv"), "month\n2022-04\n");
        write(landing.resolve("dfe/sen2/requests.csv"), "x\n");
        String first = inputs.fingerprint(area);
        seen.add(first);
        assertThat(inputs.fingerprint(area)).as("the same inputs").isEqualTo(first);
        assertThat(NightInputs.of(settings, "K1").fingerprint(area)).isEqualTo(first);

        // A data file changes under an unchanged manifest: the ledger does not read it again.
        write(landing.resolve("cms/20230101T020000Z/feedback_records.csv"), "b\n");
        assertThat(inputs.fingerprint(area)).isEqualTo(first);
        // Where Spark runs changes nothing a run loads.
        CcftProperties otherSpark = StandaloneSettings.load();
        otherSpark.getSpark().setShufflePartitions(99);
        assertThat(NightInputs.of(otherSpark, "K1").fingerprint(area)).isEqualTo(first);

        write(landing.resolve("cms/20230108T020000Z/feedback_records.csv"), "c\n");
        seen.add(inputs.fingerprint(area)); // a drop being written, no manifest yet
        write(landing.resolve("cms/20230108T020000Z/manifest.json"), "{}");
        seen.add(inputs.fingerprint(area)); // now complete
        write(landing.resolve("cms/20230108T020000Z/manifest.json"), "{\"resent\": 1}");
        seen.add(inputs.fingerprint(area)); // re-sent
        write(landing.resolve("sat/ehcp_monthly.csv"), "month\n2022-04\n2022-05\n");
        seen.add(inputs.fingerprint(area));
        write(landing.resolve("dfe/sen2/caseload.csv"), "y\n");
        seen.add(inputs.fingerprint(area));
        seen.add(NightInputs.of(settings, "K2").fingerprint(area)); // a new pseudonym key
        CcftProperties overridden = StandaloneSettings.load();
        overridden.getQuality().getSeverity().put("drop_volume", "warning");
        seen.add(NightInputs.of(overridden, "K1").fingerprint(area));
        CcftProperties threshold = StandaloneSettings.load();
        threshold.getDisclosure().setThreshold(10);
        seen.add(NightInputs.of(threshold, "K1").fingerprint(area));

        assertThat(seen).doesNotHaveDuplicates().hasSize(9);
    }
}
