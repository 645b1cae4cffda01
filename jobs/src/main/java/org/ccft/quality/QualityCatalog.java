package org.ccft.quality;

import org.ccft.marts.MartDefinition;

/** Every declared check of the nightly load: {@code quality/checks.yml}'s, and each mart's own. */
public final class QualityCatalog {

    private QualityCatalog() {}

    public static DeclaredCheck.Catalog load() {
        return DeclaredCheck.load().with(MartDefinition.checksOfEveryMart());
    }
}
