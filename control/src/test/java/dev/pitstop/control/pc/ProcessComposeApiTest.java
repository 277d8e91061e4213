package dev.pitstop.control.pc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pitstop.control.LocalControl;
import dev.pitstop.core.Engine;
import dev.pitstop.core.Pitstop;
import dev.pitstop.core.PitstopException;
import dev.pitstop.core.process.ProcessState;
import dev.pitstop.testkit.ProcessLeaks;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real stack served through Process Compose's REST API over HTTP on 127.0.0.1; every answer is checked against
 * Process Compose's own swagger.json (v1.122), and the values against what Process Compose reports.
 */
class ProcessComposeApiTest {
    private static final String STACK = """
            name: shop
            processes:
              sleeper:
                command: "sleep 1000"
                namespace: backend
                readiness_probe:
                  exec: { command: "true" }
                  period_seconds: 1
              talker:
                command: "printf 'one\\ntwo\\nthree\\nfour\\n'; exec sleep 1000"
              failing:
                command: "exit 3"
                namespace: [backend, jobs]
            """;

    @TempDir Path dir;
    final HttpClient http = HttpClient.newHttpClient();
    final ObjectMapper json = new ObjectMapper();
    final List<Long> groups = new ArrayList<>();
    SwaggerShapes swagger;
    Engine engine;
    ProcessComposeApi api;

    @BeforeEach
    void startStack() throws IOException {
        swagger = new SwaggerShapes();
        Files.writeString(dir.resolve("process-compose.yaml"), STACK);
        engine = Pitstop.builder().home(dir.resolve("home")).shutdownHook(false)
                .open(dir.resolve("process-compose.yaml"));
        engine.up();
        await().atMost(Duration.ofSeconds(30)).until(() -> engine.ps().stream().allMatch(p ->
                p.name().equals("failing") ? p.state().isTerminal() : p.state() == ProcessState.RUNNING && p.pid() > 0)
                && engine.logs("talker", 10).size() == 4);
        engine.ps().stream().filter(p -> p.pid() > 0).forEach(p -> groups.add(p.pid()));
    }

    @AfterEach
    void stopStack() throws InterruptedException {
        if (api != null) {
            api.close();
        }
        engine.down();
        assertThat(engine.awaitDown(Duration.ofSeconds(30))).isTrue();
        engine.close();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> ProcessLeaks.assertNone(groups));
    }

    private void serve(Optional<String> token) throws IOException {
        api = ProcessComposeApi.start(new LocalControl(engine), engine::stack,
                new PcApiSettings(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), token, "test-1"),
                control -> new Thread(control::down, "test-down").start());
    }

    @Test
    void processesAnswerInProcessComposeShapesAndStatuses() throws Exception {
        serve(Optional.empty());
        assertThat(api.address().getAddress().isLoopbackAddress()).isTrue();
        assertThat(get("/live").body()).isEqualTo("{\"status\":\"alive\"}");

        JsonNode all = body(get("/processes"), 200);
        swagger.assertConforms("types.ProcessesState", all);
        assertThat(all.get("data")).hasSize(3);

        JsonNode sleeper = body(get("/process/sleeper"), 200);
        swagger.assertConforms("types.ProcessState", sleeper);
        assertThat(sleeper.fieldNames()).toIterable().contains("name", "namespace", "status", "system_time", "age",
                "is_ready", "has_ready_probe", "restarts", "exit_code", "pid", "is_elevated", "password_provided",
                "mem", "cpu", "is_running");
        assertThat(sleeper.get("status").asText()).isEqualTo("Running");
        assertThat(sleeper.get("namespace")).containsExactly(json.getNodeFactory().textNode("backend"));
        assertThat(sleeper.get("has_ready_probe").asBoolean()).isTrue();
        assertThat(sleeper.get("is_running").asBoolean()).isTrue();
        assertThat(sleeper.get("pid").asLong()).isEqualTo(engine.ps().stream()
                .filter(p -> p.name().equals("sleeper")).findFirst().orElseThrow().pid());
        await().atMost(Duration.ofSeconds(10)).until(() -> body(get("/process/sleeper"), 200)
                .get("is_ready").asText().equals("Ready"));

        // Process Compose: a process that ran and exited is Completed whatever its code; not running, pid 0
        JsonNode failing = body(get("/process/failing"), 200);
        assertThat(failing.get("status").asText()).isEqualTo("Completed");
        assertThat(failing.get("exit_code").asInt()).isEqualTo(3);
        assertThat(failing.get("is_running").asBoolean()).isFalse();
        assertThat(failing.get("pid").asLong()).isZero();
        assertThat(failing.get("system_time").asText()).isEqualTo("-");
        JsonNode talker = body(get("/process/talker"), 200);
        assertThat(talker.get("namespace").get(0).asText()).isEqualTo("default");
        assertThat(talker.get("is_ready").asText()).isEqualTo("-");

        HttpResponse<String> unknown = get("/process/nope");
        assertThat(unknown.statusCode()).isEqualTo(400);
        swagger.assertConforms("api.ErrorResponse", json.readTree(unknown.body()));
        assertThat(json.readTree(unknown.body()).get("error").asText()).contains("nope");
        assertThat(get("/no/such/route").statusCode()).isEqualTo(404);
    }

    @Test
    void logsAreCountedFromTheEndAsProcessComposeDoes() throws Exception {
        serve(Optional.empty());
        JsonNode last2 = body(get("/process/logs/talker/0/2"), 200);
        swagger.assertConforms("api.LogsResponse", last2);
        assertThat(texts(last2.get("logs"))).containsExactly("three", "four");
        assertThat(texts(body(get("/process/logs/talker/1/2"), 200).get("logs"))).containsExactly("two", "three");
        assertThat(texts(body(get("/process/logs/talker/1/0"), 200).get("logs"))).containsExactly("one", "two", "three");
        assertThat(texts(body(get("/process/logs/talker/9/1"), 200).get("logs"))).isEmpty();
        assertThat(get("/process/logs/talker/x/1").statusCode()).isEqualTo(400);
    }

    @Test
    void stopStartRestartAndStopSeveralActOnTheStack() throws Exception {
        serve(Optional.empty());
        JsonNode stopped = body(send("PATCH", "/process/stop/sleeper", ""), 200);
        swagger.assertConforms("api.NameResponse", stopped);
        assertThat(stopped.get("name").asText()).isEqualTo("sleeper");
        await().atMost(Duration.ofSeconds(15)).until(() -> !body(get("/process/sleeper"), 200)
                .get("is_running").asBoolean());

        assertThat(body(send("POST", "/process/start/sleeper", ""), 200).get("name").asText()).isEqualTo("sleeper");
        await().atMost(Duration.ofSeconds(15)).until(() -> body(get("/process/sleeper"), 200)
                .get("is_running").asBoolean());
        long before = body(get("/process/talker"), 200).get("pid").asLong();
        body(send("POST", "/process/restart/talker", ""), 200);
        await().atMost(Duration.ofSeconds(15)).until(() -> {
            JsonNode t = body(get("/process/talker"), 200);
            return t.get("is_running").asBoolean() && t.get("pid").asLong() != before;
        });
        engine.ps().stream().filter(p -> p.pid() > 0).forEach(p -> groups.add(p.pid()));

        HttpResponse<String> some = send("PATCH", "/processes/stop", "[\"talker\",\"nope\"]");
        assertThat(some.statusCode()).isEqualTo(207);
        JsonNode answer = json.readTree(some.body());
        assertThat(answer.get("talker").asText()).isEqualTo("ok");
        assertThat(answer.get("nope").asText()).contains("nope");
        assertThat(send("PATCH", "/processes/stop", "[\"nope\"]").statusCode()).isEqualTo(400);
        assertThat(send("PATCH", "/processes/stop", "{").statusCode()).isEqualTo(400);
    }

    @Test
    void projectAndNamespaces() throws Exception {
        serve(Optional.empty());
        JsonNode state = body(get("/project/state?withMemory=true"), 200);
        swagger.assertConforms("types.ProjectState", state);
        assertThat(state.get("projectName").asText()).isEqualTo("shop");
        assertThat(state.get("processNum").asInt()).isEqualTo(3);
        assertThat(state.get("runningProcessNum").asInt()).isEqualTo(2);
        assertThat(state.get("version").asText()).isEqualTo("test-1");
        assertThat(state.get("fileNames").get(0).asText()).endsWith("process-compose.yaml");
        assertThat(state.get("memoryState").get("allocated").asLong()).isPositive();
        assertThat(body(get("/project/state"), 200).has("memoryState")).isFalse();
        JsonNode name = body(get("/project/name"), 200);
        swagger.assertConforms("api.ProjectNameResponse", name);
        assertThat(name.get("projectName").asText()).isEqualTo("shop");

        assertThat(texts(body(get("/namespaces"), 200))).containsExactly("backend", "default", "jobs");
        assertThat(body(send("POST", "/namespace/stop/backend", ""), 200).get("name").asText()).isEqualTo("backend");
        await().atMost(Duration.ofSeconds(15)).until(() -> !body(get("/process/sleeper"), 200)
                .get("is_running").asBoolean());
        assertThat(body(get("/process/talker"), 200).get("is_running").asBoolean()).isTrue();
        assertThat(send("POST", "/namespace/start/nothing", "").statusCode()).isEqualTo(400);

        JsonNode info = body(get("/process/info/failing"), 200);
        swagger.assertConforms("types.ProcessConfig", info);
        assertThat(info.get("command").asText()).isEqualTo("exit 3");
        assertThat(info.get("restartPolicy").has("restart")).as("restart: no is Go's 0, left out").isFalse();
        assertThat(info.get("namespace")).hasSize(2);
    }

    @Test
    void everyProcessComposeRouteIsServedOrRefusedAsNotSupported() throws Exception {
        serve(Optional.empty());
        for (String route : swagger.routes()) {
            String[] parts = route.split(" ", 2);
            if (parts[1].equals("/project/stop")) {
                continue; // brings the stack down: its own test
            }
            String path = parts[1].replace("{name}", "nope").replace("{endOffset}", "0").replace("{limit}", "1")
                    .replace("{signal}", "15").replace("{scale}", "2");
            int status = send(parts[0], path, parts[0].equals("PATCH") ? "[]" : "").statusCode();
            assertThat(status).as(route).isIn(200, 400, 501);
        }
    }

    @Test
    void projectStopAnswersThenBringsTheStackDown() throws Exception {
        serve(Optional.empty());
        JsonNode stopped = body(send("POST", "/project/stop", ""), 200);
        swagger.assertConforms("api.StatusResponse", stopped);
        assertThat(stopped.get("status").asText()).isEqualTo("stopped");
        assertThat(engine.awaitDown(Duration.ofSeconds(30))).isTrue();
    }

    @Test
    void aTokenIsRequiredWhenOneIsSet() throws Exception {
        String token = "0123456789abcdefghij-token";
        serve(Optional.of(token));
        assertThat(get("/live").statusCode()).isEqualTo(401);
        HttpResponse<String> wrong = http.send(HttpRequest.newBuilder(uri("/live"))
                .header(ProcessComposeApi.TOKEN_HEADER, token + "x").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(wrong.statusCode()).isEqualTo(401);
        HttpResponse<String> right = http.send(HttpRequest.newBuilder(uri("/live"))
                .header(ProcessComposeApi.TOKEN_HEADER, token).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(right.statusCode()).isEqualTo(200);
        assertThatThrownBy(() -> new PcApiSettings(new InetSocketAddress(0), Optional.of("short"), ""))
                .isInstanceOf(PitstopException.class).hasMessage("PC_API_TOKEN must be at least 20 characters long");
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + api.address().getPort() + path);
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> send(String method, String path, String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(path)).method(method, HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode body(HttpResponse<String> response, int status) throws IOException {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
        return json.readTree(response.body());
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
