package dev.pitstop.testkit.release;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A local stand-in for GitHub releases, on 127.0.0.1 and random ports, for tests of anything that downloads
 * release assets.
 * <ul>
 *   <li>{@link #apiUrl()} answers {@code /repos/OWNER/REPO/releases/latest}, {@code /releases/tags/TAG} and
 *   {@code /releases?per_page=&page=} (with {@code Link} paging) in GitHub's JSON shape, with {@code ETag}
 *   and {@code 304} for {@code If-None-Match} and the {@code x-ratelimit-*} headers;</li>
 *   <li>{@code browser_download_url}s point at {@code /OWNER/REPO/releases/download/TAG/ASSET} on the same
 *   server, which redirects ({@code 302}) to a second server, as github.com redirects to its object store;</li>
 *   <li>{@link #faults()} injects 500s, dropped connections, slow bodies, rate limits, ignored {@code Range}
 *   and tampered bytes; {@link #requests()} shows what clients sent.</li>
 * </ul>
 * <pre>
 * try (ReleaseServer server = ReleaseServer.start()) {
 *     server.repo("nats-io/nats-server").release("v2.10.1")
 *           .asset("nats-server-v2.10.1-linux-amd64.tar.gz", Archives.tar().file("nats-server", bin, 0755).build("gz"))
 *           .checksums("SHA256SUMS");
 *     URI api = server.apiUrl();   // use as GITHUB_API_URL
 * }
 * </pre>
 */
public final class ReleaseServer implements AutoCloseable {
    private static final int CHUNK = 16 * 1024;
    private static final String SERVER_ATTRIBUTE = "pitstop.release-server";

    private final HttpServer api;
    private final HttpServer objects;
    private final ExecutorService executor;
    private final Map<String, RepoFixture> repos = new ConcurrentHashMap<>();
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private final Faults faults = new Faults();
    private final List<Consumer<RecordedRequest>> listeners = new CopyOnWriteArrayList<>();

    private ReleaseServer() throws IOException {
        AtomicInteger threads = new AtomicInteger();
        executor = Executors.newFixedThreadPool(8, r -> {
            Thread t = new Thread(r, "release-server-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        InetAddress loopback = InetAddress.getLoopbackAddress();
        api = HttpServer.create(new InetSocketAddress(loopback, 0), 0);
        objects = HttpServer.create(new InetSocketAddress(loopback, 0), 0);
        api.setExecutor(executor);
        objects.setExecutor(executor);
        api.createContext("/", ex -> handle("api", ex));
        objects.createContext("/", ex -> handle("objects", ex));
        api.start();
        objects.start();
    }

    /** Starts both servers; close it to stop them. */
    public static ReleaseServer start() {
        try {
            return new ReleaseServer();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the release server", e);
        }
    }

    /** The API base, e.g. {@code http://127.0.0.1:41234/} (what {@code GITHUB_API_URL} would be). */
    public URI apiUrl() {
        return URI.create("http://127.0.0.1:" + api.getAddress().getPort() + "/");
    }

    /** The host downloads are redirected to. */
    public URI objectsUrl() {
        return URI.create("http://127.0.0.1:" + objects.getAddress().getPort() + "/");
    }

    public RepoFixture repo(String ownerRepo) {
        return repos.computeIfAbsent(ownerRepo, RepoFixture::new);
    }

    public Faults faults() {
        return faults;
    }

    /** Every request answered so far, oldest first. */
    public List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    public void clearRequests() {
        requests.clear();
    }

    /**
     * Calls {@code listener} with every request as it is answered (its body not yet sent), on the server's
     * thread: to change the releases at an exact point, e.g. publish a new {@code latest} right after a client
     * read the old one.
     */
    public void onRequest(Consumer<RecordedRequest> listener) {
        listeners.add(listener);
    }

    /**
     * Writes every repository as a mirror folder: {@code OWNER/REPO/releases/latest.json},
     * {@code OWNER/REPO/releases/tags/TAG.json} and {@code OWNER/REPO/releases/download/TAG/ASSET}.
     */
    public void writeMirror(Path folder) throws IOException {
        for (RepoFixture repo : repos.values()) {
            Path releases = folder.resolve(repo.ownerRepo).resolve("releases");
            Files.createDirectories(releases.resolve("tags"));
            long id = 1;
            for (ReleaseFixture r : repo.releases) {
                String json = ReleaseJson.write(ReleaseJson.release(apiUrl(), apiUrl(), repo, r, id++));
                Files.writeString(releases.resolve("tags").resolve(r.tag + ".json"), json);
                Path download = releases.resolve("download").resolve(r.tag);
                Files.createDirectories(download);
                for (Map.Entry<String, byte[]> a : r.assets.entrySet()) {
                    Files.write(download.resolve(a.getKey()), a.getValue());
                }
            }
            Optional<ReleaseFixture> latest = latest(repo);
            if (latest.isPresent()) {
                Files.writeString(releases.resolve("latest.json"), ReleaseJson.write(
                        ReleaseJson.release(apiUrl(), apiUrl(), repo, latest.get(), 1 + repo.releases.indexOf(latest.get()))));
            }
        }
    }

    @Override
    public void close() {
        api.stop(0);
        objects.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void handle(String server, HttpExchange ex) {
        ex.setAttribute(SERVER_ATTRIBUTE, server);
        try (ex) {
            if ("api".equals(server)) {
                new ApiRoutes(this, ex).answer();
            } else {
                serveObject(ex);
            }
        } catch (IOException | RuntimeException e) {
            // a fault we injected (dropped connection) or a client that went away
        }
    }

    /**
     * Records the request, then sends the status line: recording first means a client that has its answer
     * always finds its request in {@link #requests()}.
     */
    void respond(HttpExchange ex, int status, long length) throws IOException {
        RecordedRequest request = new RecordedRequest((String) ex.getAttribute(SERVER_ATTRIBUTE),
                ex.getRequestMethod(), ex.getRequestURI().toString(), lowerCase(ex.getRequestHeaders()), status);
        requests.add(request);
        listeners.forEach(l -> l.accept(request));
        ex.sendResponseHeaders(status, length);
    }

    Optional<ReleaseFixture> latest(RepoFixture repo) {
        return repo.releases.stream().filter(r -> !r.draft && !r.prerelease).findFirst();
    }

    Map<String, RepoFixture> repos() {
        return repos;
    }

    Faults faultsState() {
        return faults;
    }

    ArrayNode emptyArray() {
        return ReleaseJson.array();
    }

    private int serveObject(HttpExchange ex) throws IOException {
        // /objects/OWNER/REPO/TAG/ASSET
        String[] p = ex.getRequestURI().getPath().split("/", 6);
        if (p.length != 6 || !"objects".equals(p[1])) {
            return send(ex, 404, "text/plain", "Not Found".getBytes(StandardCharsets.UTF_8));
        }
        RepoFixture repo = repos.get(p[2] + "/" + p[3]);
        Optional<byte[]> content = repo == null ? Optional.empty() : repo.releases.stream()
                .filter(r -> r.tag.equals(p[4])).findFirst().map(r -> r.assets.get(p[5]));
        if (content.isEmpty() || content.get() == null) {
            return send(ex, 404, "text/plain", "Not Found".getBytes(StandardCharsets.UTF_8));
        }
        if (faults.downloadErrors.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            return send(ex, 500, "text/plain", "Internal Server Error".getBytes(StandardCharsets.UTF_8));
        }
        byte[] bytes = content.get();
        if (p[5].equals(faults.tampered) && bytes.length > 0) {
            bytes = bytes.clone();
            bytes[bytes.length - 1] ^= 0x5a;
        }
        return sendRange(ex, bytes);
    }

    private int sendRange(HttpExchange ex, byte[] bytes) throws IOException {
        long from = 0;
        int status = 200;
        String range = ex.getRequestHeaders().getFirst("Range");
        if (range != null && faults.rangeSupported && range.startsWith("bytes=") && range.endsWith("-")) {
            from = Long.parseLong(range.substring(6, range.length() - 1));
            if (from >= bytes.length) {
                ex.getResponseHeaders().set("Content-Range", "bytes */" + bytes.length);
                respond(ex, 416, -1);
                return 416;
            }
            status = 206;
            ex.getResponseHeaders().set("Content-Range", "bytes " + from + "-" + (bytes.length - 1) + "/" + bytes.length);
        }
        if (faults.rangeSupported) {
            ex.getResponseHeaders().set("Accept-Ranges", "bytes");
        }
        ex.getResponseHeaders().set("Content-Type", "application/octet-stream");
        int length = (int) (bytes.length - from);
        respond(ex, status, length);
        boolean reset = faults.resets.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
        int limit = reset ? length / 2 : length;
        OutputStream out = ex.getResponseBody();
        for (int off = 0; off < limit; off += CHUNK) {
            out.write(bytes, (int) from + off, Math.min(CHUNK, limit - off));
            out.flush();
            pause();
        }
        if (reset) {
            // closing a fixed-length body early makes the server drop the connection: the client sees a reset
            out.close();
        }
        return status;
    }

    private void pause() {
        long millis = faults.chunkDelay.toMillis();
        if (millis > 0) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    int send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", type);
        respond(ex, status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            ex.getResponseBody().write(body);
        }
        return status;
    }

    static Instant now() {
        return Instant.now();
    }

    private static Map<String, List<String>> lowerCase(Headers headers) {
        Map<String, List<String>> map = new HashMap<>();
        headers.forEach((k, v) -> map.put(k.toLowerCase(Locale.ROOT), new ArrayList<>(v)));
        return map;
    }
}
