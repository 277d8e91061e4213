package dev.pitstop.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pitstop.control.LocalControl;
import dev.pitstop.testkit.FakeEngine;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Who gets in: the token once, then the cookie; a POST only with the CSRF header; no other origin or host. */
class AccessGateTest {
    final FakeEngine engine = new FakeEngine();
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    Dashboard dashboard;
    URI url;
    String base;
    String token;

    @BeforeEach
    void start() {
        dashboard = Dashboard.builder(new LocalControl(engine)).build();
        url = dashboard.start();
        base = url.toString().substring(0, url.toString().indexOf("/?token="));
        token = url.getQuery().substring("token=".length());
    }

    @AfterEach
    void stop() {
        dashboard.close();
    }

    @Test
    void listensOnLoopbackOnAFreePortAndTheUrlCarriesTheToken() {
        assertThat(url.getHost()).isEqualTo("127.0.0.1");
        assertThat(url.getPort()).isPositive();
        assertThat(token).hasSizeGreaterThanOrEqualTo(32);
        assertThat(Dashboard.builder(new LocalControl(engine)).build().url()).isNull();
    }

    @Test
    void withoutTheTokenEveryRequestIsRefused() throws Exception {
        assertThat(get("/", null).statusCode()).isEqualTo(401);
        assertThat(get("/api/stack", null).statusCode()).isEqualTo(401);
        assertThat(get("/app.js", null).statusCode()).isEqualTo(401);
        assertThat(get("/api/session?token=" + token.substring(1), null).statusCode()).isEqualTo(401);
        assertThat(get("/api/session", "pitstop_ui=" + token + "x").statusCode()).isEqualTo(401);
        assertThat(post("/api/processes/nats/restart", null, null).statusCode()).isEqualTo(401);
        assertThat(engine.calls).doesNotContain("restart nats");
    }

    @Test
    void theTokenSetsAnHttpOnlyStrictCookieThatAdmitsLaterRequests() throws Exception {
        HttpResponse<String> first = get("/?token=" + token, null);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).contains("<title>Pitstop</title>");
        String cookie = first.headers().firstValue("set-cookie").orElseThrow();
        assertThat(cookie).startsWith("pitstop_ui=" + token + ";").contains("HttpOnly", "SameSite=Strict", "Path=/");
        assertThat(first.headers().firstValue("referrer-policy")).contains("no-referrer");
        assertThat(first.headers().firstValue("content-security-policy").orElseThrow()).contains("default-src 'self'");

        HttpResponse<String> session = get("/api/session", "pitstop_ui=" + token);
        assertThat(session.statusCode()).isEqualTo(200);
        assertThat(session.body()).contains("\"csrf\"");
        assertThat(get("/app.js", "pitstop_ui=" + token).headers().firstValue("content-type").orElseThrow())
                .contains("javascript");
    }

    @Test
    void aPostNeedsTheCsrfHeader() throws Exception {
        String cookie = "pitstop_ui=" + token;
        String csrf = get("/api/session", cookie).body().replaceAll(".*\"csrf\":\"([^\"]+)\".*", "$1");
        assertThat(post("/api/processes/nats/restart", cookie, null).statusCode()).isEqualTo(403);
        assertThat(post("/api/processes/nats/restart", cookie, "wrong").statusCode()).isEqualTo(403);
        assertThat(engine.calls).doesNotContain("restart nats");
        HttpResponse<String> done = post("/api/processes/nats/restart", cookie, csrf);
        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(engine.calls).contains("restart nats");
        // a GET changes nothing: the same route is not served for it
        assertThat(get("/api/processes/nats/restart", cookie).statusCode()).isEqualTo(404);
        assertThat(post("/api/processes/nope/restart", cookie, csrf).statusCode()).isEqualTo(404);
    }

    @Test
    void anotherOriginIsRefusedAndNoCorsHeaderIsEverSent() throws Exception {
        HttpResponse<String> cross = http.send(HttpRequest.newBuilder(URI.create(base + "/api/session"))
                .header("Cookie", "pitstop_ui=" + token).header("Origin", "http://evil.example").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(cross.statusCode()).isEqualTo(403);
        assertThat(cross.headers().map().keySet()).noneMatch(h -> h.toLowerCase().startsWith("access-control-"));
        HttpResponse<String> preflight = http.send(HttpRequest.newBuilder(URI.create(base + "/api/session"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", "http://evil.example")
                .header("Access-Control-Request-Method", "POST").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(preflight.statusCode()).isEqualTo(403);
        assertThat(preflight.headers().map().keySet()).noneMatch(h -> h.toLowerCase().startsWith("access-control-"));
    }

    @Test
    void aForeignHostNameIsRefusedAgainstDnsRebinding() throws Exception {
        assertThat(rawStatus("evil.example:" + url.getPort())).isEqualTo(403);
        assertThat(rawStatus("localhost:" + url.getPort())).isEqualTo(200);
        assertThat(rawStatus("127.0.0.1:" + url.getPort())).isEqualTo(200);
    }

    private int rawStatus(String host) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", url.getPort())) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET /api/session HTTP/1.1\r\nHost: " + host + "\r\nCookie: pitstop_ui=" + token
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String status = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
            return Integer.parseInt(status.substring(9, 12));
        }
    }

    private HttpResponse<String> get(String path, String cookie) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String cookie, String csrf) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .POST(HttpRequest.BodyPublishers.noBody());
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        if (csrf != null) {
            request.header(Secrets.CSRF_HEADER, csrf);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
