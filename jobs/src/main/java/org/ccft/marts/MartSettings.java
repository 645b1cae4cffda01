package org.ccft.marts;

import org.ccft.config.CcftProperties;

/** What the marts need from configuration: the council DfE's statistics compare, and the pseudonym key. */
public record MartSettings(String councilLaCode, String pseudonymKey, String pseudonymKeyFile) {

    public static MartSettings of(CcftProperties properties) {
        return new MartSettings(properties.getCouncil().getLaCode(), properties.getPseudonymisation().getKey(),
                properties.getPseudonymisation().getKeyFile());
    }

    /** The key, read (or created in its file) only when a build needs it. */
    byte[] key() {
        return PseudonymKey.resolve(pseudonymKey, pseudonymKeyFile);
    }
}
