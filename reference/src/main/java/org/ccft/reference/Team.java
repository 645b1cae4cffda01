package org.ccft.reference;

import java.io.Serializable;
import java.util.List;

/**
 * A team of the council, as the CMS names it in {@code team} and {@code owner_team}. Those columns
 * are free text, which could name a person: past raw, a value is kept only when it is on this list.
 */
public record Team(String name, String serviceArea) implements Serializable {

    public static List<Team> all() {
        return ReferenceFiles.csv("teams.csv", r -> new Team(r.get("team"), r.get("service_area")));
    }
}
