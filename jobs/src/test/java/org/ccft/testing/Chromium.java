package org.ccft.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A real headless Chromium (Debian's {@code chromium} package, or {@code CCFT_CHROMIUM}), driven
 * over the DevTools protocol: open a page, read what it shows, run a script in it, take a
 * screenshot, and see every console message and every request it made. Without a browser the test
 * is skipped, unless {@code CCFT_REQUIRE_BROWSER} is set (as {@code .ci/run} does), when it fails.
 */
public final class Chromium implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LISTENING =
            Pattern.compile("DevTools listening on (ws://[^\\s]+)");

    private final Process process;
    private final Path profile;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final List<JsonNode> events = new ArrayList<>();

    private Chromium(Process process, Path profile, WebSocket socket) {
        this.process = process;
        this.profile = profile;
        this.socket = socket;
    }

    /** The browser's path, or the test is skipped (failed when a browser is required). */
    public static String binary() {
        String configured = System.getenv("CCFT_CHROMIUM");
        for (String candidate :
                configured != null
                        ? List.of(configured)
                        : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return candidate;
            }
        }
        String why = "no Chromium (apt-get install chromium; .ci/run installs it)";
        if (System.getenv("CCFT_REQUIRE_BROWSER") != null) {
            throw new AssertionError(why);
        }
        Assumptions.abort(why);
        return null;
    }

    public static Chromium launch() throws Exception {
        Path profile = Files.createTempDirectory("ccft-chromium-");
        Process p =
                new ProcessBuilder(
                                binary(),
                                "--headless=new",
                                "--no-sandbox",
                                "--disable-gpu",
                                "--disable-dev-shm-usage",
                                "--remote-debugging-port=0",
                                "--user-data-dir=" + profile,
                                "--no-first-run",
                                "--no-default-browser-check",
                                "--disable-background-networking",
                                "--disable-component-update",
                                "--disable-sync",
                                "--disable-extensions",
                                "--disable-breakpad",
                                "--metrics-recording-only",
                                "--window-size=1280,1600",
                                "about:blank")
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .start();
        BufferedReader err =
                new BufferedReader(
                        new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8));
        String browserUrl = null;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        String line;
        StringBuilder seen = new StringBuilder();
        while (browserUrl == null
                && System.nanoTime() < deadline
                && (line = err.readLine()) != null) {
            seen.append(line).append('\n');
            Matcher m = LISTENING.matcher(line);
            if (m.find()) {
                browserUrl = m.group(1);
            }
        }
        if (browserUrl == null) {
            p.destroyForcibly();
            throw new IllegalStateException("Chromium did not start:\n" + seen);
        }
        Thread drain =
                new Thread(
                        () -> {
                            try {
                                while (err.readLine() != null) {
                                    // keep the pipe empty
                                }
                            } catch (IOException ignored) {
                                // the browser has gone
                            }
                        },
                        "chromium-stderr");
        drain.setDaemon(true);
        drain.start();
        URI browser = URI.create(browserUrl);
        HttpClient http = HttpClient.newHttpClient();
        JsonNode targets =
                JSON.readTree(
                        http.send(
                                        HttpRequest.newBuilder(
                                                        URI.create(
                                                                "http://"
                                                                        + browser.getHost()
                                                                        + ":"
                                                                        + browser.getPort()
                                                                        + "/json/list"))
                                                .build(),
                                        HttpResponse.BodyHandlers.ofString())
                                .body());
        String pageUrl = null;
        for (JsonNode t : targets) {
            if ("page".equals(t.path("type").asText())) {
                pageUrl = t.path("webSocketDebuggerUrl").asText();
                break;
            }
        }
        if (pageUrl == null) {
            throw new IllegalStateException("Chromium opened no page: " + targets);
        }
        Chromium[] self = new Chromium[1];
        WebSocket ws =
                http.newWebSocketBuilder()
                        .connectTimeout(Duration.ofSeconds(30))
                        .buildAsync(
                                URI.create(pageUrl),
                                new WebSocket.Listener() {
                                    private final StringBuilder frame = new StringBuilder();

                                    @Override
                                    public CompletionStage<?> onText(
                                            WebSocket webSocket, CharSequence data, boolean last) {
                                        frame.append(data);
                                        if (last) {
                                            String message = frame.toString();
                                            frame.setLength(0);
                                            self[0].received(message);
                                        }
                                        webSocket.request(1);
                                        return null;
                                    }
                                })
                        .join();
        self[0] = new Chromium(p, profile, ws);
        self[0].send("Page.enable", null);
        self[0].send("Runtime.enable", null);
        self[0].send("Log.enable", null);
        self[0].send("Network.enable", null);
        return self[0];
    }

    private void received(String message) {
        try {
            JsonNode m = JSON.readTree(message);
            if (m.has("id")) {
                CompletableFuture<JsonNode> f = pending.remove(m.get("id").asInt());
                if (f != null) {
                    f.complete(m);
                }
            } else {
                synchronized (events) {
                    events.add(m);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("not a DevTools message: " + message, e);
        }
    }

    /** Calls a DevTools method and returns its result. */
    public JsonNode send(String method, ObjectNode params) throws Exception {
        int id = ids.incrementAndGet();
        ObjectNode call = JSON.createObjectNode().put("id", id).put("method", method);
        call.set("params", params == null ? JSON.createObjectNode() : params);
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        pending.put(id, answer);
        socket.sendText(JSON.writeValueAsString(call), true).join();
        JsonNode reply = answer.get(120, TimeUnit.SECONDS);
        if (reply.has("error")) {
            throw new IllegalStateException(method + " failed: " + reply.get("error"));
        }
        return reply.get("result");
    }

    /** Opens a page and waits for its load event (its scripts have run by then). */
    public void open(String url) throws Exception {
        synchronized (events) {
            events.clear();
        }
        send("Page.navigate", JSON.createObjectNode().put("url", url));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (events("Page.loadEventFired").isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(url + " did not load in 60 s");
            }
            Thread.sleep(50);
        }
    }

    /** The events of a method since the page was opened. */
    public List<JsonNode> events(String method) {
        synchronized (events) {
            return events.stream().filter(e -> method.equals(e.path("method").asText())).toList();
        }
    }

    /** Console errors, uncaught exceptions and the browser's own error log entries, as text. */
    public List<String> errors() {
        List<String> out = new ArrayList<>();
        events("Runtime.consoleAPICalled").stream()
                .filter(e -> "error".equals(e.at("/params/type").asText()))
                .forEach(e -> out.add("console: " + e.at("/params/args")));
        events("Runtime.exceptionThrown")
                .forEach(e -> out.add("exception: " + e.at("/params/exceptionDetails")));
        events("Log.entryAdded").stream()
                .filter(e -> "error".equals(e.at("/params/entry/level").asText()))
                .forEach(
                        e ->
                                out.add(
                                        "log: "
                                                + e.at("/params/entry/text").asText()
                                                + " "
                                                + e.at("/params/entry/url").asText()));
        return out;
    }

    /** Every URL the page asked for. */
    public List<String> requests() {
        return events("Network.requestWillBeSent").stream()
                .map(e -> e.at("/params/request/url").asText())
                .toList();
    }

    /** Evaluates a script in the page and returns its value (a promise is awaited). */
    public JsonNode evaluate(String script) throws Exception {
        JsonNode r =
                send(
                        "Runtime.evaluate",
                        JSON.createObjectNode()
                                .put("expression", script)
                                .put("returnByValue", true)
                                .put("awaitPromise", true));
        if (r.has("exceptionDetails")) {
            throw new IllegalStateException("the script failed: " + r.get("exceptionDetails"));
        }
        return r.at("/result/value");
    }

    /** A full-page screenshot as PNG. */
    public byte[] screenshot() throws Exception {
        JsonNode r =
                send(
                        "Page.captureScreenshot",
                        JSON.createObjectNode()
                                .put("format", "png")
                                .put("captureBeyondViewport", true));
        return Base64.getDecoder().decode(r.get("data").asText());
    }

    @Override
    public void close() throws Exception {
        try {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "").get(5, TimeUnit.SECONDS);
        } catch (Exception ignored) {
            // the browser goes anyway
        }
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        try (Stream<Path> all = Files.walk(profile)) {
            all.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }
}
