package org.ccft.nightly;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ccft.drops.Drop;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.item.ExecutionContext;

/**
 * What one nightly run is doing, kept in the job's execution context so that a restarted run carries
 * on with the same drops: the new drops found, those refused and why, the rows accepted and
 * quarantined per table, and the marts built.
 */
public final class RunPlan {

    private static final String KEY = "ccft.runPlan";
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    public List<Drop> drops = new ArrayList<>();
    public Map<String, String> refused = new LinkedHashMap<>();
    public Map<String, Long> accepted = new LinkedHashMap<>();
    public Map<String, Long> quarantined = new LinkedHashMap<>();
    public Map<String, Long> martVersions = new LinkedHashMap<>();
    /** From the ledger, read once when the run starts: the FULL exports loaded before, and the newest extract. */
    public List<org.ccft.drops.LedgerEntry> earlierFullExports = new ArrayList<>();
    public String newestEarlierExtract;
    public String asAtDate;
    /** The severities this run's configuration changed, as the summary prints them. */
    public List<String> severityOverrides = new ArrayList<>();

    /** The drops still going through this run: found, and not refused. */
    public List<Drop> sound() {
        return drops.stream().filter(d -> !refused.containsKey(d.exportId())).toList();
    }

    public List<String> soundIds() {
        return sound().stream().map(Drop::exportId).toList();
    }

    public static RunPlan of(ExecutionContext jobContext) {
        Object json = jobContext.get(KEY);
        if (json == null) {
            return new RunPlan();
        }
        try {
            return JSON.readValue((String) json, RunPlan.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the job's run plan cannot be read", e);
        }
    }

    public static RunPlan of(ChunkContext chunk) {
        return of(jobContext(chunk));
    }

    public void saveTo(ChunkContext chunk) {
        saveTo(jobContext(chunk));
    }

    public void saveTo(ExecutionContext jobContext) {
        try {
            jobContext.put(KEY, JSON.writeValueAsString(this));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ExecutionContext jobContext(ChunkContext chunk) {
        return chunk.getStepContext().getStepExecution().getJobExecution().getExecutionContext();
    }
}
