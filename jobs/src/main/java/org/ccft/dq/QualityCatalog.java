package org.ccft.dq;

import org.ccft.marts.MartDefinition;
import org.ccft.quality.DeclaredCheck;

/** Every declared check of the nightly load: {@code quality/checks.yml}'s, and each mart's own. */
public final class QualityCatalog {

    private QualityCatalog() {}

    public static DeclaredCheck.Catalog load() {
        return DeclaredCheck.load().with(MartDefinition.checksOfEveryMart());
    }
}
