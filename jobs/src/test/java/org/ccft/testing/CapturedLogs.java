package org.ccft.testing;

import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.WriterAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.layout.PatternLayout;

/**
 * Everything this JVM logs at INFO and above while it is open, as production logs it (the tests'
 * own configuration logs warnings only): for tests that read what an operator's log would hold.
 */
public final class CapturedLogs implements AutoCloseable {

    private static final String NAME = "captured-for-test";

    /**
     * Spring Boot configures logging again when a context starts, which would drop this appender.
     */
    private static final String SPRING_LOGGING = "org.springframework.boot.logging.LoggingSystem";

    private final StringWriter text = new StringWriter();
    private final LoggerContext context = (LoggerContext) LogManager.getContext(false);
    private final LoggerConfig root;
    private final Level before;
    private final WriterAppender appender;
    private final Map<String, Appender> shown;
    private final String springLogging = System.getProperty(SPRING_LOGGING);

    public CapturedLogs() {
        System.setProperty(SPRING_LOGGING, "none");
        Configuration config = context.getConfiguration();
        appender =
                WriterAppender.newBuilder()
                        .setName(NAME)
                        .setTarget(text)
                        .setLayout(
                                PatternLayout.newBuilder()
                                        .withPattern("%level %c{1} - %msg%n%throwable")
                                        .build())
                        .build();
        appender.start();
        config.addAppender(appender);
        root = config.getRootLogger();
        before = root.getLevel();
        shown = new LinkedHashMap<>(root.getAppenders());
        // The console keeps showing what it showed (warnings); INFO goes to the captured text only.
        shown.keySet().forEach(root::removeAppender);
        shown.values().forEach(a -> root.addAppender(a, before, null));
        root.addAppender(appender, Level.INFO, null);
        root.setLevel(Level.INFO);
        context.updateLoggers();
    }

    public String text() {
        return text.toString();
    }

    @Override
    public void close() {
        if (springLogging == null) {
            System.clearProperty(SPRING_LOGGING);
        } else {
            System.setProperty(SPRING_LOGGING, springLogging);
        }
        root.removeAppender(NAME);
        shown.keySet().forEach(root::removeAppender);
        shown.values().forEach(a -> root.addAppender(a, null, null));
        root.setLevel(before);
        context.getConfiguration().getAppenders().remove(NAME);
        context.updateLoggers();
        appender.stop();
    }
}
