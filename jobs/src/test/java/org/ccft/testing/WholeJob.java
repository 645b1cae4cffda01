package org.ccft.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * A test that runs whole jobs (nightly runs, crashes and restarts, the operations, the demo) over a
 * warehouse on disk: the top of the test pyramid. {@code mvn test} leaves these out and runs the
 * unit level (one rule, one mart, one parser at a time); {@code mvn verify} adds them
 * (maven-failsafe). Use it where a unit cannot hold the rule: a guarantee of the job as a whole.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag(WholeJob.TAG)
public @interface WholeJob {

    String TAG = "whole-job";
}
