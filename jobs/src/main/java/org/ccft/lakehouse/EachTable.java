package org.ccft.lakehouse;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Work done to every table of a list, a few tables at once: on a small table each piece (OPTIMIZE,
 * VACUUM, a checkpoint) is a few small Spark jobs and file listings, mostly waiting on the driver
 * and the file system, so tables side by side use the cores one table leaves idle.
 */
public final class EachTable {

    /** Tables worked on at once. */
    static final int AT_ONCE = 4;

    private EachTable() {}

    /** Applies {@code work} to each table, returning the results in the tables' order. */
    public static <T> List<T> apply(List<String> tables, Function<String, T> work) {
        ExecutorService pool = Executors.newFixedThreadPool(AT_ONCE);
        try {
            List<Future<T>> running = new ArrayList<>();
            for (String table : tables) {
                running.add(pool.submit(() -> work.apply(table)));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> f : running) {
                results.add(f.get());
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while working on the tables", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r
                    ? r
                    : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
