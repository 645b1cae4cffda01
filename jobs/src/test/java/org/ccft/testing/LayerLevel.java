package org.ccft.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * A test of one layer's rules run on the nightly job's own stages ({@link Stages}: from the landing
 * area to the conformed tables, their checks and the ledger), night after night, without the rest
 * of the job (no marts built, nothing published): the middle of the test pyramid. Seconds a night
 * rather than a unit's milliseconds, so {@code mvn verify} runs them with the whole-job tests
 * (maven-failsafe) and {@code mvn test} keeps to the units.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag(LayerLevel.TAG)
public @interface LayerLevel {

    String TAG = "layers";
}
