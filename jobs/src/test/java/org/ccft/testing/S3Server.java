package org.ccft.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.auth.AWSStaticCredentialsProvider;
import com.amazonaws.auth.BasicAWSCredentials;
import com.amazonaws.client.builder.AwsClientBuilder;
import com.amazonaws.services.s3.AmazonS3;
import com.amazonaws.services.s3.AmazonS3ClientBuilder;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.conf.Configuration;

/**
 * A real S3-compatible server on the loopback address: s3proxy (from Maven Central, module {@code
 * test-s3-server}) in a JVM of its own, keeping its objects in memory: its other stores (files, and
 * memory through NIO.2) answer for a key with what is stored under the key and a slash, which S3
 * does not, and S3A then takes a folder for a file. Started by the test, stopped when closed.
 */
public final class S3Server implements AutoCloseable {

    /** The file holding s3proxy's class path, written by the build of module test-s3-server. */
    public static final String CLASSPATH_FILE = "test.s3proxy.classpath";

    private static final String IDENTITY = "local-identity";
    private static final String CREDENTIAL = "local-credential-not-a-secret";

    private final Process process;
    private final int port;

    private S3Server(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts the server with one empty bucket per name, its settings and log under {@code dir}. */
    public static S3Server start(Path dir, String... bucketNames) throws Exception {
        String file = System.getProperty(CLASSPATH_FILE);
        assertThat(file)
                .as(
                        "system property %s (set by the build: run mvn verify from the repository's root)",
                        CLASSPATH_FILE)
                .isNotBlank();
        assertThat(Path.of(file)).as("s3proxy's class path, written by test-s3-server").exists();
        Files.createDirectories(dir);
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Path properties = dir.resolve("s3proxy.properties");
        Files.writeString(
                properties,
                String.join(
                        "\n",
                        "s3proxy.endpoint=http://127.0.0.1:" + port,
                        "s3proxy.authorization=aws-v2-or-v4",
                        "s3proxy.identity=" + IDENTITY,
                        "s3proxy.credential=" + CREDENTIAL,
                        "jclouds.provider=transient",
                        "jclouds.identity=" + IDENTITY,
                        "jclouds.credential=" + CREDENTIAL,
                        ""));
        Path log = dir.resolve("s3proxy.log");
        Path logging = dir.resolve("logback.xml"); // its requests, not every byte of them
        Files.writeString(
                logging,
                "<configuration><appender name=\"out\" class=\"ch.qos.logback.core.ConsoleAppender\">"
                        + "<encoder><pattern>%d %level %logger - %msg%n</pattern></encoder></appender>"
                        + "<root level=\"INFO\"><appender-ref ref=\"out\"/></root></configuration>");
        Process process =
                new ProcessBuilder(
                                List.of(
                                        Path.of(System.getProperty("java.home"), "bin", "java")
                                                .toString(),
                                        "-Xmx256m",
                                        "-XX:TieredStopAtLevel=1",
                                        "-Dlogback.configurationFile=" + logging,
                                        "-cp",
                                        Files.readString(Path.of(file)).trim(),
                                        "org.gaul.s3proxy.Main",
                                        "--properties",
                                        properties.toString()))
                        .redirectErrorStream(true)
                        .redirectOutput(log.toFile())
                        .start();
        S3Server server = new S3Server(process, port);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (true) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 500);
                break;
            } catch (IOException notYet) {
                if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                    server.close();
                    throw new IllegalStateException(
                            "s3proxy did not start on port " + port + "; its log: " + log);
                }
                Thread.sleep(200);
            }
        }
        AmazonS3 client =
                AmazonS3ClientBuilder.standard()
                        .withEndpointConfiguration(
                                new AwsClientBuilder.EndpointConfiguration(
                                        "http://127.0.0.1:" + port, "us-east-1"))
                        .withPathStyleAccessEnabled(true)
                        .withCredentials(
                                new AWSStaticCredentialsProvider(
                                        new BasicAWSCredentials(IDENTITY, CREDENTIAL)))
                        .build();
        try {
            for (String bucket : bucketNames) {
                client.createBucket(bucket);
            }
        } finally {
            client.shutdown();
        }
        return server;
    }

    /** The settings of Hadoop's S3A connector that reach this server, as the README gives them. */
    public Map<String, String> s3aSettings() {
        return Map.ofEntries(
                Map.entry("fs.s3a.endpoint", "http://127.0.0.1:" + port),
                Map.entry("fs.s3a.path.style.access", "true"),
                Map.entry("fs.s3a.connection.ssl.enabled", "false"),
                Map.entry(
                        "fs.s3a.aws.credentials.provider",
                        "org.apache.hadoop.fs.s3a.SimpleAWSCredentialsProvider"),
                Map.entry("fs.s3a.access.key", IDENTITY),
                Map.entry("fs.s3a.secret.key", CREDENTIAL),
                // Directory markers kept (Hadoop's advice for any store since 3.3.1), and deletes
                // one object a request: s3proxy does not answer S3A's bulk delete of markers.
                Map.entry("fs.s3a.directory.marker.retention", "keep"),
                Map.entry("fs.s3a.multiobjectdelete.enable", "false"));
    }

    /** Applies {@link #s3aSettings()} to a Hadoop configuration. */
    public void configure(Configuration hadoop) {
        s3aSettings().forEach(hadoop::set);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
