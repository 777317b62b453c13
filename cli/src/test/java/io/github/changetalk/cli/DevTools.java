package io.github.changetalk.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A headless Chromium driven over the DevTools protocol, for tests: the JDK's own HTTP and WebSocket
 * client (java.net.http) talks to the browser on a loopback port it picks itself, so no test library
 * is needed. One page; {@link #open} loads a file and records what the page logged and requested.
 * Chromium runs with its background networking, updates and sync off and a throw-away profile.
 */
final class DevTools implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long WAIT_SECONDS = 30;

    /** What loading one page gave: console errors and exceptions, and every request the page made. */
    record Load(List<String> errors, List<String> requests) {
    }

    private final Process process;
    private final Path profile;
    private WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final List<JsonNode> events = new CopyOnWriteArrayList<>();

    private DevTools(Process process, Path profile) {
        this.process = process;
        this.profile = profile;
    }

    /** The Chromium to use: $CHROMIUM, else the first of chromium, chromium-browser, google-chrome on the PATH; null if none. */
    static Path findChromium() {
        String env = System.getenv("CHROMIUM");
        if (env != null && !env.isBlank() && Files.isExecutable(Path.of(env))) {
            return Path.of(env);
        }
        String path = System.getenv("PATH");
        for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
            for (String dir : (path == null ? "" : path).split(File.pathSeparator)) {
                Path p = Path.of(dir.isEmpty() ? "." : dir, name);
                if (Files.isExecutable(p)) {
                    return p;
                }
            }
        }
        return null;
    }

    static DevTools launch(Path chromium, Path work) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory(work, "chromium-profile");
        Process process = new ProcessBuilder(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--no-default-browser-check", "--disable-extensions", "--disable-default-apps", "--mute-audio", "--hide-scrollbars",
                "--remote-debugging-port=0", "--user-data-dir=" + profile, "about:blank")
                .redirectErrorStream(true).redirectOutput(profile.resolveSibling(profile.getFileName() + ".log").toFile()).start();
        // Chromium writes the port it picked, then the browser's path, into DevToolsActivePort.
        Path portFile = profile.resolve("DevToolsActivePort");
        for (int i = 0; i < WAIT_SECONDS * 10 && !(Files.exists(portFile) && Files.readAllLines(portFile).size() >= 2); i++) {
            if (!process.isAlive()) {
                throw new IOException("chromium exited with status " + process.exitValue() + " before it listened");
            }
            Thread.sleep(100);
        }
        int port = Integer.parseInt(Files.readAllLines(portFile).get(0).strip());
        HttpClient http = HttpClient.newHttpClient();
        String list = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        String pageUrl = null;
        for (JsonNode target : JSON.readTree(list)) {
            if (target.path("type").asText().equals("page")) {
                pageUrl = target.path("webSocketDebuggerUrl").asText();
                break;
            }
        }
        if (pageUrl == null) {
            process.destroyForcibly();
            throw new IOException("chromium opened no page: " + list);
        }
        DevTools d = new DevTools(process, profile);
        try {
            d.socket = http.newWebSocketBuilder().buildAsync(URI.create(pageUrl), d.listener()).get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            d.close();
            throw new IOException("cannot connect to chromium's page: " + e, e);
        }
        return d;
    }

    private WebSocket.Listener listener() {
        return new WebSocket.Listener() {
            private final StringBuilder partial = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                partial.append(data);
                if (last) {
                    receive(partial.toString());
                    partial.setLength(0);
                }
                ws.request(1);
                return null;
            }
        };
    }

    private void receive(String message) {
        try {
            JsonNode m = JSON.readTree(message);
            if (m.has("id")) {
                CompletableFuture<JsonNode> f = pending.remove(m.get("id").asInt());
                if (f != null) {
                    if (m.has("error")) {
                        f.completeExceptionally(new IOException(m.get("error").toString()));
                    } else {
                        f.complete(m.path("result"));
                    }
                }
            } else {
                events.add(m);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Sends a command and waits for its result. */
    JsonNode send(String method, ObjectNode params) throws Exception {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonNode> f = new CompletableFuture<>();
        pending.put(id, f);
        ObjectNode m = JSON.createObjectNode().put("id", id).put("method", method);
        m.set("params", params == null ? JSON.createObjectNode() : params);
        socket.sendText(JSON.writeValueAsString(m), true).get(WAIT_SECONDS, TimeUnit.SECONDS);
        return f.get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    static ObjectNode params() {
        return JSON.createObjectNode();
    }

    /** Loads {@code file} in a viewport {@code width} wide and returns what the page logged and requested. */
    Load open(Path file, int width) throws Exception {
        send("Page.enable", null);
        send("Runtime.enable", null);
        send("Log.enable", null);
        send("Network.enable", null);
        send("Emulation.setDeviceMetricsOverride", params().put("width", width).put("height", 900).put("deviceScaleFactor", 1).put("mobile", false));
        events.clear();
        String url = file.toUri().toString();
        send("Page.navigate", params().put("url", url));
        for (int i = 0; i < WAIT_SECONDS * 100 && events.stream().noneMatch(e -> e.path("method").asText().equals("Page.loadEventFired")); i++) {
            Thread.sleep(10);
        }
        if (events.stream().noneMatch(e -> e.path("method").asText().equals("Page.loadEventFired"))) {
            throw new IOException(url + ": no load event");
        }
        evaluate("1"); // a round trip, so that events sent during the load have arrived
        List<String> errors = new ArrayList<>();
        List<String> requests = new ArrayList<>();
        for (JsonNode e : events) {
            JsonNode p = e.path("params");
            switch (e.path("method").asText()) {
                case "Runtime.exceptionThrown" -> errors.add("exception: " + p.path("exceptionDetails"));
                case "Runtime.consoleAPICalled" -> {
                    if (List.of("error", "assert").contains(p.path("type").asText())) {
                        errors.add("console." + p.path("type").asText() + ": " + p.path("args"));
                    }
                }
                case "Log.entryAdded" -> {
                    if (p.path("entry").path("level").asText().equals("error")) {
                        errors.add("log: " + p.path("entry").path("text").asText() + " " + p.path("entry").path("url").asText());
                    }
                }
                case "Network.requestWillBeSent" -> requests.add(p.path("request").path("url").asText());
                default -> {
                }
            }
        }
        return new Load(errors, requests);
    }

    /** Evaluates a JavaScript expression in the page (the test's, not the page's: pages carry no script). */
    JsonNode evaluate(String expression) throws Exception {
        JsonNode r = send("Runtime.evaluate", params().put("expression", expression).put("returnByValue", true));
        if (r.has("exceptionDetails")) {
            throw new IOException("evaluate failed: " + r.get("exceptionDetails"));
        }
        return r.path("result").path("value");
    }

    /** A PNG of the page from the top, {@code height} CSS pixels tall (0: the whole page). */
    void screenshot(Path png, int height) throws Exception {
        JsonNode metrics = send("Page.getLayoutMetrics", null);
        double width = metrics.path("cssContentSize").path("width").asDouble();
        double full = metrics.path("cssContentSize").path("height").asDouble();
        ObjectNode clip = params().put("x", 0).put("y", 0).put("width", width).put("height", height > 0 ? Math.min(height, full) : full)
                .put("scale", 1);
        ObjectNode p = params().put("format", "png").put("captureBeyondViewport", true);
        p.set("clip", clip);
        JsonNode shot = send("Page.captureScreenshot", p);
        Files.createDirectories(png.getParent());
        Files.write(png, Base64.getDecoder().decode(shot.path("data").asText()));
    }

    @Override
    public void close() throws IOException {
        try {
            if (socket != null) {
                socket.sendClose(WebSocket.NORMAL_CLOSURE, "").get(5, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            // the browser is ended below either way
        }
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (Stream<Path> walk = Files.walk(profile)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
