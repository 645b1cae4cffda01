package org.ccft.nightly;

import java.util.List;
import java.util.Map;
import org.ccft.landing.Drop;
import org.ccft.landing.FoundDrops;
import org.ccft.landing.SoundDrops;
import org.ccft.landing.VerifiedDrops;
import org.ccft.marts.BuiltMarts;
import org.ccft.pipeline.Handoff;
import org.ccft.raw.LandedDrops;
import org.ccft.staging.ValidatedRows;
import org.springframework.batch.item.ExecutionContext;

/**
 * What one nightly run did, read from the results its steps handed on ({@link Handoff}): the new
 * drops found, those refused and why, the rows accepted and quarantined per table, the rows of
 * erased cases refused, the marts built and as at when, the severities this run's configuration
 * changed, and, for a night with nothing new, the run whose publication stays. A step that has not
 * run reads as nothing done.
 */
public record RunPlan(
        List<Drop> drops,
        Map<String, String> refused,
        Map<String, Long> accepted,
        Map<String, Long> quarantined,
        Map<String, Long> erasedRows,
        Map<String, Long> martVersions,
        String asAtDate,
        List<String> severityOverrides,
        Long unchangedSince) {

    public static RunPlan of(ExecutionContext job) {
        FoundDrops found = Handoff.read(job, FoundDrops.class).orElse(FoundDrops.none());
        VerifiedDrops verified =
                Handoff.read(job, VerifiedDrops.class)
                        .orElse(new VerifiedDrops(Map.of(), List.of()));
        LandedDrops landed = Handoff.read(job, LandedDrops.class).orElse(LandedDrops.none());
        ValidatedRows rows =
                Handoff.read(job, ValidatedRows.class)
                        .orElse(new ValidatedRows(Map.of(), Map.of()));
        BuiltMarts built =
                Handoff.read(job, BuiltMarts.class).orElse(new BuiltMarts(null, Map.of()));
        return new RunPlan(
                found.drops(),
                SoundDrops.of(found, verified.refused(), landed.refused()).refused(),
                rows.accepted(),
                rows.quarantined(),
                landed.erasedRows(),
                built.versions(),
                built.asAtDate(),
                verified.severityOverrides(),
                found.unchangedSince());
    }

    /** The drops loaded: found, and not refused. */
    public List<String> soundIds() {
        return drops.stream().map(Drop::exportId).filter(id -> !refused.containsKey(id)).toList();
    }
}
