package org.ccft.testing;

import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.StepExecutionListener;
import org.springframework.batch.core.step.AbstractStep;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Fault injection for a nightly run in this JVM: with the setting {@value #FAIL_BEFORE}{@code
 * =<step>} the run fails as that step starts (its start already recorded in the job repository), as
 * a step that throws does, and the next run restarts it there. {@link CrashPoints} kills a child
 * JVM at such a point instead.
 */
@Configuration
public class FailurePoints {

    public static final String FAIL_BEFORE = "test.fail-before";

    /** The failure a run ends with at the point. */
    public static final class Injected extends RuntimeException {
        Injected(String step) {
            super("failure injected as step " + step + " starts");
        }
    }

    @Bean
    public static BeanPostProcessor failBeforeStep(Environment environment) {
        String step = environment.getProperty(FAIL_BEFORE, "");
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (bean instanceof AbstractStep s && s.getName().equals(step)) {
                    s.registerStepExecutionListener(
                            new StepExecutionListener() {
                                @Override
                                public void beforeStep(StepExecution execution) {
                                    throw new Injected(step);
                                }
                            });
                }
                return bean;
            }
        };
    }
}
