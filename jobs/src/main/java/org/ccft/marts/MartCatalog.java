package org.ccft.marts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The models of the warehouse, found by listing their folders: {@code marts/intermediate/*.sql}
 * (views several marts read, never published: the current records, the complaint stages, the
 * financial years...) and {@code marts/*.sql} (the published marts, each with its definition {@code
 * marts/<mart>.yml} beside it). Build order comes from what each SQL reads ({@link SqlReads}): a
 * model is built after every model it reads. Adding a mart is adding its two files to the folder.
 */
public final class MartCatalog {

    private static final String MARTS_FOLDER = "marts/";
    private static final String INTERMEDIATE_FOLDER = "marts/intermediate/";

    /** Intermediate models, in build order. */
    public static final List<String> INTERMEDIATE;

    /** Every published mart, in build order; ties go contract marts first, then by name. */
    public static final List<String> MARTS;

    /**
     * The marts of marts.md (their definition says {@code contract: marts.md}), by the names
     * dashboards rely on.
     */
    public static final List<String> CONTRACT_MARTS;

    /** Marts that read other marts (built before them, at the version just written). */
    public static final Map<String, List<String>> READS_MARTS;

    /**
     * Intermediate models more than one model reads: computed once per build and held, rather than
     * once per query that reads them.
     */
    public static final Set<String> SHARED_INTERMEDIATE;

    private static final Map<String, String> SQL = new TreeMap<>();

    static {
        Map<String, String> intermediate = list(INTERMEDIATE_FOLDER);
        Map<String, String> marts = list(MARTS_FOLDER);
        SQL.putAll(intermediate);
        marts.keySet()
                .forEach(
                        m -> {
                            if (intermediate.containsKey(m)) {
                                throw new IllegalStateException(
                                        "marts/"
                                                + m
                                                + ".sql and marts/intermediate/"
                                                + m
                                                + ".sql share a name: a model's name is the view it makes, so it must be one");
                            }
                        });
        SQL.putAll(marts);
        Set<String> contract = new TreeSet<>();
        marts.keySet()
                .forEach(
                        m -> {
                            if ("marts.md".equals(MartDefinition.of(m).contract())) {
                                contract.add(m);
                            }
                        });
        INTERMEDIATE = buildOrder(intermediate, Set.of());
        MARTS = buildOrder(marts, contract);
        CONTRACT_MARTS = MARTS.stream().filter(contract::contains).toList();
        Map<String, List<String>> readsMarts = new LinkedHashMap<>();
        for (String mart : MARTS) {
            List<String> read =
                    SqlReads.of(marts.get(mart)).stream().filter(marts::containsKey).toList();
            if (!read.isEmpty()) {
                readsMarts.put(mart, read);
            }
        }
        READS_MARTS = Map.copyOf(readsMarts);
        Map<String, Integer> readers = new TreeMap<>();
        SQL.values()
                .forEach(
                        sql ->
                                SqlReads.of(sql).stream()
                                        .filter(intermediate::containsKey)
                                        .forEach(model -> readers.merge(model, 1, Integer::sum)));
        readers.values().removeIf(n -> n < 2);
        SHARED_INTERMEDIATE = Set.copyOf(readers.keySet());
    }

    private MartCatalog() {}

    public static String intermediateSql(String name) {
        return sql(name);
    }

    public static String martSql(String name) {
        return sql(name);
    }

    /** The SQL of the model (intermediate or mart) of that name. */
    public static String sql(String model) {
        String sql = SQL.get(model);
        if (sql == null) {
            throw new IllegalArgumentException(
                    "no model " + model + " in marts/ or marts/intermediate/");
        }
        return sql;
    }

    /**
     * The models the model reads (intermediate or marts); sources such as the reference tables are
     * left out.
     */
    public static Set<String> readsModels(String model) {
        Set<String> reads = new TreeSet<>(SqlReads.of(sql(model)));
        reads.retainAll(SQL.keySet());
        return reads;
    }

    /**
     * The models in an order where each comes after all it reads; among those ready at once, the
     * preferred first, then by name. A cycle is an error naming its models.
     */
    static List<String> buildOrder(Map<String, String> models, Set<String> preferred) {
        Map<String, Set<String>> waitingOn = new TreeMap<>();
        models.forEach(
                (name, sql) -> {
                    Set<String> reads = new TreeSet<>(SqlReads.of(sql));
                    reads.retainAll(models.keySet());
                    reads.remove(name);
                    waitingOn.put(name, reads);
                });
        List<String> order = new ArrayList<>();
        Comparator<String> first =
                Comparator.<String, Boolean>comparing(m -> !preferred.contains(m))
                        .thenComparing(Comparator.naturalOrder());
        while (!waitingOn.isEmpty()) {
            String next =
                    waitingOn.entrySet().stream()
                            .filter(e -> e.getValue().isEmpty())
                            .map(Map.Entry::getKey)
                            .min(first)
                            .orElseThrow(
                                    () ->
                                            new IllegalStateException(
                                                    "these models read each other in a circle: "
                                                            + waitingOn.keySet()));
            order.add(next);
            waitingOn.remove(next);
            waitingOn.values().forEach(reads -> reads.remove(next));
        }
        return List.copyOf(order);
    }

    /**
     * Every {@code <folder><name>.sql} on the classpath (a folder in development, a jar when
     * installed).
     */
    private static Map<String, String> list(String folder) {
        Map<String, String> models = new TreeMap<>();
        try {
            for (Resource r :
                    new PathMatchingResourcePatternResolver(MartCatalog.class.getClassLoader())
                            .getResources("classpath*:" + folder + "*.sql")) {
                String file = r.getFilename();
                String name = file.substring(0, file.length() - ".sql".length());
                try (InputStream in = r.getInputStream()) {
                    String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                    String previous = models.put(name, sql);
                    if (previous != null && !previous.equals(sql)) {
                        throw new IllegalStateException(
                                "two models named " + name + " on the classpath in " + folder);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the models in " + folder, e);
        }
        if (models.isEmpty()) {
            throw new IllegalStateException("no model found in " + folder + " on the classpath");
        }
        return models;
    }
}
