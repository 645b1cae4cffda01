package org.ccft.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * The same settings as the application context binds ({@code application.yml}, its profile
 * documents for the active profiles, environment variables over them), bound without starting a
 * context: for the commands a person waits on ({@code ccft sql}), which must answer in well under
 * two seconds.
 */
public final class StandaloneSettings {

    private StandaloneSettings() {}

    public static CcftProperties load() {
        StandardEnvironment env = new StandardEnvironment();
        Set<String> active = Arrays.stream(env.getActiveProfiles()).collect(Collectors.toSet());
        try {
            List<PropertySource<?>> documents =
                    new YamlPropertySourceLoader()
                            .load("application.yml", new ClassPathResource("application.yml"));
            // Later documents win, as Spring Boot orders them; the environment wins over all of
            // them.
            for (PropertySource<?> document : documents) {
                Object profile = document.getProperty("spring.config.activate.on-profile");
                if (profile == null || active.contains(profile.toString())) {
                    env.getPropertySources()
                            .addAfter(
                                    StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                                    document);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read application.yml", e);
        }
        ConfigurationPropertySources.attach(env);
        return Binder.get(env).bind("ccft", CcftProperties.class).orElseGet(CcftProperties::new);
    }
}
