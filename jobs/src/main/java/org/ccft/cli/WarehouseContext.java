package org.ccft.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.ccft.lakehouse.ProcessUmask;
import org.ccft.nightly.NightlyJobConfig;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the application context for a command: {@code application.yml} with its profiles and
 * environment overrides, and the command line's own settings on top.
 */
public final class WarehouseContext {

    private WarehouseContext() {}

    public static ConfigurableApplicationContext start(String warehouse, Map<String, Object> more) {
        return start(warehouse, more, new Class<?>[0]);
    }

    /**
     * With further configuration classes beside the nightly job's (fault injection in tests, say).
     */
    public static ConfigurableApplicationContext start(
            String warehouse, Map<String, Object> more, Class<?>... extraSources) {
        ProcessUmask.apply();
        Map<String, Object> props = new LinkedHashMap<>(more);
        if (warehouse != null) {
            props.put("ccft.warehouse", warehouse);
        }
        return new SpringApplicationBuilder(NightlyJobConfig.class)
                .sources(extraSources)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                // As arguments, not defaults: they must win over application.yml and the
                // environment.
                .run(
                        props.entrySet().stream()
                                .map(e -> "--" + e.getKey() + "=" + e.getValue())
                                .toArray(String[]::new));
    }
}
