package dev.pitstop.cli.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pitstop.cli.Background;
import dev.pitstop.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pitstop up --pc-api -n NAMESPACE NAME}: a real stack, part of it chosen as Process Compose chooses it, that a Process Compose client drives over HTTP, down to
 * {@code POST /project/stop}, after which {@code up} exits.
 */
class PcApiUpTest {
    private static final Pattern URL = Pattern.compile("process compose api: (http://127\\.0\\.0\\.1:\\d+)");

    @TempDir Path dir;
    final HttpClient http = HttpClient.newHttpClient();
    final ObjectMapper json = new ObjectMapper();

    @Test
    void upServesProcessComposesApiUntilTheProjectIsStoppedThroughIt() throws Exception {
        Files.writeString(dir.resolve("process-compose.yaml"), """
                processes:
                  web:
                    command: "sleep 1000"
                    namespace: front
                  db:
                    command: "sleep 1000"
                    namespace: back
                  tool:
                    command: "sleep 1000"
                    namespace: front
                """);
        StringWriter out = new StringWriter();
        CompletableFuture<Integer> up = Background.run(() -> Main.run(dir, new PrintWriter(out, true),
                new PrintWriter(out, true), "--home", dir.resolve("home").toString(), "up", "--pc-api=127.0.0.1:0",
                "-n", "front", "web"));
        await().atMost(Duration.ofSeconds(30)).until(() -> URL.matcher(out.toString()).find()
                && out.toString().contains("stack up"));
        Matcher m = URL.matcher(out.toString());
        assertThat(m.find()).isTrue();
        String base = m.group(1);

        await().atMost(Duration.ofSeconds(20)).until(() -> get(base + "/process/web").get("status").asText()
                .equals("Running"));
        // -n front leaves db out; up web disables tool, as Process Compose's up -n front web
        JsonNode all = get(base + "/processes").get("data");
        assertThat(all).hasSize(2);
        assertThat(get(base + "/process/tool").get("status").asText()).isEqualTo("Disabled");
        long pid = get(base + "/process/web").get("pid").asLong();
        assertThat(send("POST", base + "/process/restart/web").statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            JsonNode web = get(base + "/process/web");
            return web.get("is_running").asBoolean() && web.get("pid").asLong() != pid;
        });

        HttpResponse<String> stop = send("POST", base + "/project/stop");
        assertThat(stop.body()).isEqualTo("{\"status\":\"stopped\"}");
        assertThat(up.get(30, TimeUnit.SECONDS)).as(out.toString()).isZero();
    }

    private JsonNode get(String url) throws Exception {
        return json.readTree(http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString()).body());
    }

    private HttpResponse<String> send(String method, String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).method(method, HttpRequest.BodyPublishers.noBody())
                .build(), HttpResponse.BodyHandlers.ofString());
    }
}
