package org.ccft.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.ccft.config.CcftProperties;
import org.ccft.lakehouse.WarehouseLayout;
import org.ccft.marts.PseudonymKey;
import org.ccft.nightly.ExitCode;
import org.ccft.nightly.RunLock;
import org.ccft.operations.ErasureRegister;
import org.ccft.published.PublicationTags;
import org.ccft.published.Republisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "rotate-key",
        mixinStandardHelpOptions = true,
        description = {
            "Replaces the pseudonymisation key file with a new random key, builds the team lists again",
            "under it and publishes them, and says which publication tags still hold pseudonyms made under an",
            "older key. The old key is kept beside the new one, owner-only, as <key-file>.<key id>.retired:",
            "it is what finds the case behind a pseudonym in those tags; delete it when they go. A key given",
            "in configuration (CCFT_PSEUDONYMISATION_KEY) is replaced there: the next run then rebuilds the",
            "lists. Takes the nightly run's lock."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:rotated",
            "1:failed (a key file others can read, or the demo's key: said on stderr)",
            "2:bad command line, or the key is set in configuration",
            "6:a nightly run is going on this warehouse; nothing was done"
        })
public final class RotateKeyCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(RotateKeyCommand.class);

    @Option(names = "--warehouse", description = "warehouse root (default: ccft.warehouse)")
    String warehouse;

    @Override
    public Integer call() throws Exception {
        try (var ctx = WarehouseContext.start(warehouse, Map.of())) {
            CcftProperties properties = ctx.getBean(CcftProperties.class);
            var configured = properties.getPseudonymisation();
            if (!configured.getKey().isBlank()) {
                LOG.error(
                        "the pseudonymisation key is set in configuration (ccft.pseudonymisation.key): put a new "
                                + "one there (at least {} characters); the next nightly run builds the team lists under it",
                        PseudonymKey.MIN_LENGTH);
                return ExitCode.USAGE;
            }
            SparkSession spark = ctx.getBean(SparkSession.class);
            WarehouseLayout layout = ctx.getBean(WarehouseLayout.class);
            try (RunLock lock = ctx.getBean(RunLock.Source.class).acquire()) {
                Path file = PseudonymKey.file(configured.getKeyFile());
                byte[] oldKey = null;
                if (Files.exists(file)) {
                    oldKey = PseudonymKey.read(file, configured.isDemo());
                    String oldId = PseudonymKey.id(oldKey);
                    Path retired =
                            file.resolveSibling(file.getFileName() + "." + oldId + ".retired");
                    Files.move(file, retired, StandardCopyOption.ATOMIC_MOVE);
                    System.out.println("old key " + oldId + " retired to " + retired);
                }
                PseudonymKey.create(file, configured.isDemo());
                byte[] newKey = PseudonymKey.read(file, configured.isDemo());
                String newId = PseudonymKey.id(newKey);
                System.out.println("new key " + newId + " in " + file);
                if (oldKey != null) {
                    new ErasureRegister(layout, spark.sparkContext().hadoopConfiguration())
                            .rewrap(oldKey, newKey);
                }
                new Republisher(spark, layout, properties)
                        .republish()
                        .ifPresentOrElse(
                                p ->
                                        System.out.println(
                                                "team lists rebuilt under key "
                                                        + newId
                                                        + " and published as release "
                                                        + p.release()),
                                () ->
                                        System.out.println(
                                                "nothing is published yet: the next nightly run uses the new key"));
                new PublicationTags(layout, spark.sparkContext().hadoopConfiguration())
                        .all().stream()
                                .filter(t -> !newId.equals(t.keyId()))
                                .forEach(
                                        t ->
                                                System.out.println(
                                                        "tag "
                                                                + t.tag()
                                                                + " holds pseudonyms made under "
                                                                + (t.keyId() == null
                                                                        ? "a key from before key ids"
                                                                        : "key " + t.keyId())));
                return ExitCode.OK;
            } catch (RunLock.Held held) {
                LOG.error(held.getMessage());
                return ExitCode.RUN_IN_PROGRESS;
            } catch (IllegalStateException refused) {
                LOG.error(refused.getMessage()); // a key file others can read, a demo key: nothing
                // was changed
                return ExitCode.FAILED;
            }
        }
    }
}
