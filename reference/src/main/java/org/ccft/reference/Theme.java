package org.ccft.reference;

import java.io.Serializable;
import java.util.List;

/** A theme code that feedback is filed under. */
public record Theme(String code, String name) implements Serializable {

    public static List<Theme> all() {
        return ReferenceFiles.csv("themes.csv", r -> new Theme(r.get("code"), r.get("name")));
    }
}
