package org.ccft.published.disclosure;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ccft.config.CcftProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/** The publication policy as application.yml sets it, read from the file itself. */
public final class PolicyFixture {

    private PolicyFixture() {}

    public static PublicationPolicy shipped() {
        try {
            StandardEnvironment env = new StandardEnvironment();
            new YamlPropertySourceLoader()
                    .load("application", new ClassPathResource("application.yml"))
                    .forEach(env.getPropertySources()::addLast);
            return Binder.get(env)
                    .bind("ccft", CcftProperties.class)
                    .get()
                    .getDisclosure()
                    .policy();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A policy with one classification per coordinate named, for hand-worked tables. */
    public static PublicationPolicy oneWay(int threshold, String... classifications) {
        Map<String, List<String>> by = new LinkedHashMap<>();
        for (String c : classifications) {
            by.put(c, List.of(c));
        }
        return new PublicationPolicy(
                threshold,
                new PublicationPolicy.Symbols("c", "low", "x", "z"),
                List.of("financial_year"),
                by);
    }

    /**
     * Puts a figure at coordinates into a table, named as the public figures name it, exact when
     * the policy (if any) says so; returns its id.
     */
    public static String figure(
            CountTable t, PublicationPolicy policy, String figure, long value, String... at) {
        Map<String, String> coordinates = new java.util.TreeMap<>();
        for (int i = 0; i < at.length; i += 2) {
            coordinates.put(at[i], at[i + 1]);
        }
        String id = figure + coordinates;
        coordinates.put("figure", figure);
        t.merge(id, coordinates, value, policy != null && policy.isExact(coordinates), false);
        return id;
    }
}
