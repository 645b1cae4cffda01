package org.ccft.pipeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.item.ExecutionContext;

/**
 * The typed, immutable results the nightly job's steps hand each other (records), kept in the job's
 * execution context so that a restarted run carries on with them. Each is written by the one step
 * that owns it and read by the steps after it; none is changed once written (a step run again on a
 * restart writes its own result afresh).
 */
public final class Handoff {

    private static final ObjectMapper JSON =
            new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private Handoff() {}

    /** Hands the step's result on. */
    public static <T extends Record> void write(ChunkContext chunk, T result) {
        try {
            job(chunk).put(key(result.getClass()), JSON.writeValueAsString(result));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot keep " + result.getClass().getSimpleName(), e);
        }
    }

    /** The result an earlier step handed on, if it has run. */
    public static <T extends Record> Optional<T> read(ExecutionContext job, Class<T> type) {
        Object json = job.get(key(type));
        if (json == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue((String) json, type));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(
                    "the run's " + type.getSimpleName() + " cannot be read", e);
        }
    }

    /** The result an earlier step must have handed on. */
    public static <T extends Record> T require(ChunkContext chunk, Class<T> type) {
        return read(job(chunk), type)
                .orElseThrow(
                        () ->
                                new IllegalStateException(
                                        "no "
                                                + type.getSimpleName()
                                                + " in this run: the step that makes it has not run"));
    }

    private static String key(Class<?> type) {
        return "ccft." + type.getSimpleName();
    }

    private static ExecutionContext job(ChunkContext chunk) {
        return chunk.getStepContext().getStepExecution().getJobExecution().getExecutionContext();
    }
}
