package org.ccft.marts;

import org.ccft.config.CcftProperties;

/**
 * What the marts need from configuration: the council DfE's statistics compare, and the pseudonym
 * key.
 */
public record MartSettings(
        String councilLaCode, String pseudonymKey, String pseudonymKeyFile, boolean demo) {

    public static MartSettings of(CcftProperties properties) {
        var pseudonymisation = properties.getPseudonymisation();
        return new MartSettings(
                properties.getCouncil().getLaCode(),
                pseudonymisation.getKey(),
                pseudonymisation.getKeyFile(),
                pseudonymisation.isDemo());
    }

    /** The key, read (or created in its file) only when a build needs it. */
    public byte[] key() {
        return PseudonymKey.resolve(pseudonymKey, pseudonymKeyFile, demo);
    }
}
