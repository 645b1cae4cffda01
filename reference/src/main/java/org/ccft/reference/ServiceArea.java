package org.ccft.reference;

import java.io.Serializable;
import java.util.List;

/**
 * A CMS service area, whether it belongs to the SEND service, and the group the annual report
 * shows.
 */
public record ServiceArea(String code, String name, boolean sendService, String reportGroup)
        implements Serializable {

    public static List<ServiceArea> all() {
        return ReferenceFiles.csv(
                "service_areas.csv",
                r ->
                        new ServiceArea(
                                r.get("code"),
                                r.get("name"),
                                "Y".equals(r.get("send_service")),
                                r.get("report_group")));
    }
}
