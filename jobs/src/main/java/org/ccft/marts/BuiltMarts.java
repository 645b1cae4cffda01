package org.ccft.marts;

import java.util.Map;

/**
 * What the mart build made (its hand-off): the as-at date (the date, UTC, of the newest export
 * loaded) and each mart's new Delta version; none when no CMS drop has ever been loaded.
 */
public record BuiltMarts(String asAtDate, Map<String, Long> versions) {}
