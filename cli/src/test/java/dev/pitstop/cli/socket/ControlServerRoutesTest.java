package dev.pitstop.cli.socket;



import dev.pitstop.testkit.FakeEngine;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;

import dev.pitstop.testkit.UnixSocketHttp;
import java.nio.file.Path;



import org.junit.jupiter.api.Test;


class ControlServerRoutesTest extends ServerFixture {
    JsonNode json(UnixSocketHttp.Reply reply) throws Exception {
        return mapper.readTree(reply.body());
    }

    @Test
    void processesAsJson() throws Exception {
        UnixSocketHttp.Reply reply = UnixSocketHttp.request(socket, "GET", "/v1/processes");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.head()).contains("Content-Type: application/json", "Connection: close");
        JsonNode list = json(reply);
        assertThat(list).hasSize(3);
        assertThat(list.get(0).get("name").asText()).isEqualTo("nats");
        assertThat(list.get(0).get("state").asText()).isEqualTo("RUNNING");
        assertThat(list.get(0).get("startedAt").asText()).isEqualTo("2026-01-02T03:04:05Z");
        assertThat(list.get(2).get("exitCode").asInt()).isEqualTo(3);
    }

    @Test
    void processesAsTextTable() throws Exception {
        UnixSocketHttp.Reply reply = UnixSocketHttp.request(socket, "GET", "/v1/processes?format=text");
        assertThat(reply.status()).isEqualTo(200);
        String[] lines = reply.body().split("\n");
        assertThat(lines[0]).matches("NAME +STATE +HEALTH +PID +RESTARTS +UPTIME +EXIT");
        assertThat(lines[1]).startsWith("nats ").contains("Running", "Ready", "4242");
        assertThat(lines[2]).contains("Not Ready", "4343");
        assertThat(lines[3]).matches("broken +Error +- +- +5 +- +3");
        assertThat(lines[1].indexOf("Running")).isEqualTo(lines[0].indexOf("STATE"));
    }

    @Test
    void oneProcessAndUnknownProcess() throws Exception {
        assertThat(json(UnixSocketHttp.request(socket, "GET", "/v1/processes/nats")).get("pid").asLong()).isEqualTo(4242);
        UnixSocketHttp.Reply missing = UnixSocketHttp.request(socket, "GET", "/v1/processes/nope");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(json(missing).get("error").asText()).contains("nope");
        assertThat(UnixSocketHttp.request(socket, "POST", "/v1/processes/nope/restart").status()).isEqualTo(404);
    }

    @Test
    void reloadSuccessAndFailure() throws Exception {
        JsonNode ok = json(UnixSocketHttp.request(socket, "POST", "/v1/processes/nats/reload"));
        assertThat(ok.get("oldPid").asLong()).isEqualTo(4242);
        assertThat(ok.get("newPid").asLong()).isEqualTo(5151);
        assertThat(ok.get("sha256").asText()).isEqualTo(FakeEngine.DIGEST.hex());
        assertThat(ok.get("tookMs").asLong()).isEqualTo(412);

        UnixSocketHttp.Reply failed = UnixSocketHttp.request(socket, "POST", "/v1/processes/broken/reload");
        assertThat(failed.status()).isEqualTo(409);
        JsonNode facts = json(failed);
        assertThat(facts.get("error").asText()).contains("exited before it was ready");
        assertThat(facts.get("exitCode").asInt()).isEqualTo(3);
        assertThat(facts.get("lastLogLines").get(1).asText()).isEqualTo("fatal: port 4222 in use");

        UnixSocketHttp.Reply text = UnixSocketHttp.request(socket, "POST", "/v1/processes/nats/reload?format=text");
        assertThat(text.body()).isEqualTo("nats: pid 4242 \u2192 5151, sha256 3f2a9c0d1e2b, took 412 ms\n");
        assertThat(engine.calls).containsExactly("reload nats", "reload broken", "reload nats");
    }

    @Test
    void actionsReachTheEngine() throws Exception {
        for (String action : new String[] {"restart", "start", "stop"}) {
            UnixSocketHttp.Reply reply = UnixSocketHttp.request(socket, "POST", "/v1/processes/nats/" + action);
            assertThat(reply.status()).isEqualTo(200);
            assertThat(json(reply).get("action").asText()).isEqualTo(action);
        }
        assertThat(UnixSocketHttp.request(socket, "POST", "/v1/processes/nats/stop?format=text").body())
                .isEqualTo("nats: stopped\n");
        assertThat(engine.calls).containsExactly("restart nats", "start nats", "stop nats", "stop nats");
    }

    @Test
    void parallelReloadReportsEachOutcome() throws Exception {
        UnixSocketHttp.Reply reply = UnixSocketHttp.post(socket, "/v1/reload", "{\"names\": [\"nats\", \"broken\"]}");
        assertThat(reply.status()).isEqualTo(409);
        JsonNode outcomes = json(reply);
        assertThat(outcomes.get(0).get("ok").asBoolean()).isTrue();
        assertThat(outcomes.get(1).get("ok").asBoolean()).isFalse();
        assertThat(outcomes.get(1).get("exitCode").asInt()).isEqualTo(3);
        assertThat(engine.calls).containsExactlyInAnyOrder("reload nats", "reload broken");

        UnixSocketHttp.Reply byQuery = UnixSocketHttp.request(socket, "POST", "/v1/reload?name=nats&name=ingest-worker&format=text");
        assertThat(byQuery.status()).isEqualTo(200);
        assertThat(byQuery.body()).startsWith("nats: pid 4242 \u2192 5151").contains("ingest-worker: pid");
    }

    @Test
    void applyEventsLogsAndDown() throws Exception {
        assertThat(json(UnixSocketHttp.request(socket, "POST", "/v1/apply")).get("started").get(0).asText()).isEqualTo("web");
        UnixSocketHttp.Reply events = UnixSocketHttp.request(socket, "GET", "/v1/events?n=1");
        assertThat(events.head()).contains("application/x-ndjson");
        assertThat(mapper.readTree(events.body()).get("type").asText()).isEqualTo("STATE_CHANGED");
        assertThat(UnixSocketHttp.request(socket, "GET", "/v1/processes/nats/logs?n=2&format=text").body())
                .isEqualTo("nats line 2\nnats line 3\n");
        UnixSocketHttp.Reply down = UnixSocketHttp.request(socket, "POST", "/v1/down?format=text");
        assertThat(down.body()).isEqualTo("stack stopped\n");
        assertThat(engine.calls).containsExactly("apply", "down");
    }

    @Test
    void badRequestsGetJsonErrors() throws Exception {
        assertThat(UnixSocketHttp.exchange(socket, "HELLO\r\n\r\n").status()).isEqualTo(400);
        assertThat(UnixSocketHttp.exchange(socket, "GET /v1/processes HTTP/1.1\r\n\r\n").status()).isEqualTo(400);
        assertThat(UnixSocketHttp.exchange(socket, "GET /v1/processes HTTP/2.0\r\nHost: x\r\n\r\n").status()).isEqualTo(505);
        assertThat(UnixSocketHttp.exchange(socket, "GET /v1/processes HTTP/1.1\r\nbad header\r\n\r\n").status())
                .isEqualTo(400);
        UnixSocketHttp.Reply badN = UnixSocketHttp.request(socket, "GET", "/v1/events?n=lots");
        assertThat(badN.status()).isEqualTo(400);
        assertThat(json(badN).get("error").asText()).contains("'n'", "lots");
        assertThat(UnixSocketHttp.request(socket, "GET", "/v2/nothing").status()).isEqualTo(404);
        assertThat(UnixSocketHttp.request(socket, "DELETE", "/v1/processes").status()).isEqualTo(405);
        assertThat(UnixSocketHttp.request(socket, "GET", "/v1/processes/nats/reload").status()).isEqualTo(405);
        assertThat(UnixSocketHttp.post(socket, "/v1/reload", "{not json").status()).isEqualTo(400);
        assertThat(UnixSocketHttp.post(socket, "/v1/reload", "{\"names\": 3}").status()).isEqualTo(400);
        assertThat(UnixSocketHttp.request(socket, "GET", "/v1/processes?format=xml").status()).isEqualTo(400);
        assertThat(engine.calls).isEmpty();
        // the server is still healthy afterwards
        assertThat(UnixSocketHttp.request(socket, "GET", "/v1/processes").status()).isEqualTo(200);
    }
}
