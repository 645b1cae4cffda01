package org.ccft.testing;

import java.util.Map;
import java.util.concurrent.Callable;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Settings for the commands one test runs, above every other source of them (the command line,
 * system properties, the environment), as an operator's environment variables would give them.
 * Failsafe runs two test classes at once in one JVM, so a test cannot set system properties for its
 * commands without setting them for the other's. Registered for every Spring context of the tests
 * in {@code META-INF/spring.factories}.
 */
public final class ThreadSettings
        implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    /** The settings of the commands this thread, and the threads it starts, run. */
    private static final InheritableThreadLocal<Map<String, Object>> SETTINGS =
            new InheritableThreadLocal<>();

    /** Runs the action with these settings for every command it runs. */
    public static <T> T with(Map<String, Object> settings, Callable<T> action) throws Exception {
        Map<String, Object> before = SETTINGS.get();
        SETTINGS.set(Map.copyOf(settings));
        try {
            return action.call();
        } finally {
            SETTINGS.set(before);
        }
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        Map<String, Object> settings = SETTINGS.get();
        if (settings != null) {
            context.getEnvironment()
                    .getPropertySources()
                    .addFirst(new MapPropertySource("this test's settings", settings));
        }
    }
}
