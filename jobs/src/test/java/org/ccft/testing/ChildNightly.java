package org.ccft.testing;

import java.util.Map;
import org.ccft.cli.WarehouseContext;
import org.ccft.nightly.ExitCode;
import org.ccft.nightly.NightlyRunner;
import org.ccft.nightly.RunLock;

/**
 * A nightly run in a JVM of its own, for tests that must kill it: args are the warehouse and the
 * landing; the crash points of {@link CrashPoints} and {@link CrashingLogStore} come as system
 * properties. Prints {@code EXIT <code>} and exits with it.
 */
public final class ChildNightly {

    public static final String EXIT = "EXIT ";

    private ChildNightly() {}

    public static void main(String[] args) throws Exception {
        System.setProperty("org.springframework.boot.logging.LoggingSystem", "none");
        int code;
        try (var ctx =
                WarehouseContext.start(
                        args[0],
                        Map.of(
                                "ccft.spark.shuffle-partitions",
                                TestSpark.SHUFFLE_PARTITIONS,
                                "ccft.spark.conf[spark.delta.logStore.file.impl]",
                                CrashingLogStore.class.getName()),
                        CrashPoints.class)) {
            code = ctx.getBean(NightlyRunner.class).run(args[1]).exitCode();
        } catch (RunLock.Held held) {
            code = ExitCode.RUN_IN_PROGRESS;
        }
        System.out.println(EXIT + code);
        System.out.flush();
        System.exit(code);
    }
}
