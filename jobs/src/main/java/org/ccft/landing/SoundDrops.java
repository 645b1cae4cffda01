package org.ccft.landing;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The drops still going through a run: found, and refused neither at verification nor landing. */
public record SoundDrops(List<Drop> drops, Map<String, String> refused) {

    /** From the drops found and each step's refusals so far. */
    @SafeVarargs
    public static SoundDrops of(FoundDrops found, Map<String, String>... refusals) {
        Map<String, String> refused = new LinkedHashMap<>();
        for (Map<String, String> r : refusals) {
            refused.putAll(r);
        }
        return new SoundDrops(
                found.drops().stream().filter(d -> !refused.containsKey(d.exportId())).toList(),
                Collections.unmodifiableMap(refused));
    }

    public List<String> ids() {
        return drops.stream().map(Drop::exportId).toList();
    }

    public boolean none() {
        return drops.isEmpty();
    }

    /**
     * Whether none of the drops has a row of the file: none lists it, or each that does says, in
     * its manifest, it has no rows (landing checks those counts, and refuses a drop they are wrong
     * for).
     */
    public boolean noRowsOf(String file) {
        return drops.stream()
                .flatMap(d -> d.files().stream())
                .filter(f -> file.equals(f.name()))
                .allMatch(f -> f.rows() != null && f.rows() == 0);
    }
}
