package org.ccft.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.util.concurrent.CountDownLatch;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.StepExecutionListener;
import org.springframework.batch.core.step.AbstractStep;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Fault injection for a nightly run in a child JVM: with {@code -Dcrash.before=<step>} the run
 * stops dead just as that step starts (its start already recorded in the job repository), says so
 * on stdout and waits to be killed with SIGKILL by the test. {@link CrashingLogStore} does the same
 * inside a Delta write.
 */
@Configuration
public class CrashPoints {

    public static final String MARKER = "CRASH-POINT ";

    public static final String PAUSED = "PAUSED ";

    /**
     * {@code -Dcrash.before=<step>}: freeze as the step starts, for a kill; {@code
     * -Dpause.before=<step>}: wait there for a line on stdin, then go on.
     */
    @Bean
    public static BeanPostProcessor crashBeforeStep() {
        String crash = System.getProperty("crash.before", "");
        String pause = System.getProperty("pause.before", "");
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (bean instanceof AbstractStep s
                        && (s.getName().equals(crash) || s.getName().equals(pause))) {
                    s.registerStepExecutionListener(
                            new StepExecutionListener() {
                                @Override
                                public void beforeStep(StepExecution execution) {
                                    if (s.getName().equals(crash)) {
                                        freeze("before " + crash);
                                    }
                                    System.out.println(PAUSED + "before " + pause);
                                    System.out.flush();
                                    try {
                                        new BufferedReader(new InputStreamReader(System.in))
                                                .readLine();
                                    } catch (IOException e) {
                                        throw new UncheckedIOException(e);
                                    }
                                }
                            });
                }
                return bean;
            }
        };
    }

    /** Tells the test where we are, then waits for its kill -9: nothing after this point runs. */
    static void freeze(String where) {
        System.out.println(MARKER + where);
        System.out.flush();
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            Runtime.getRuntime().halt(137);
        }
    }
}
