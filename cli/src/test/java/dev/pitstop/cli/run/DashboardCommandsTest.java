package dev.pitstop.cli.run;

import dev.pitstop.cli.Background;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.inject.Module;
import dev.pitstop.cli.Main;
import dev.pitstop.cli.ui.DashboardSettings;
import dev.pitstop.core.EngineFactory;
import dev.pitstop.testkit.FakeEngine;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code pitstop up --ui} and {@code pitstop ui}: each prints a URL whose token admits the dashboard. */
class DashboardCommandsTest {
    private static final Pattern URL = Pattern.compile("dashboard: (http://127\\.0\\.0\\.1:\\d+/\\?token=[\\w-]+)");

    @TempDir Path dir;
    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void upWithUiAndUiOnTheRunningStackServeTheDashboardUntilTheStackStops() throws Exception {
        Path file = Files.writeString(dir.resolve("pitstop.yaml"), "processes: {}\n");
        FakeEngine engine = new FakeEngine(dir);
        Module withFakeEngine = binder -> binder.bind(EngineFactory.class).toInstance(stackFile -> engine);
        StringWriter upOut = new StringWriter();
        ForegroundStack stack = new ForegroundStack(file, List.of(withFakeEngine))
                .dashboard(new DashboardSettings("127.0.0.1", 0, false, dir.resolve("reports")));
        CompletableFuture<Integer> up = inBackground(stack, new PrintWriter(upOut, true));
        await().atMost(Duration.ofSeconds(20)).until(() -> engine.calls.contains("up"));
        assertThat(stackPage(url(upOut))).contains("\"name\":\"nats\"", "\"name\":\"ingest-worker\"");

        StringWriter uiOut = new StringWriter();
        CompletableFuture<Integer> ui = Background.run(() -> Main.run(dir, new PrintWriter(uiOut, true),
                new PrintWriter(uiOut, true), "ui"));
        await().atMost(Duration.ofSeconds(20)).until(() -> URL.matcher(uiOut.toString()).find());
        assertThat(stackPage(url(uiOut))).contains("\"name\":\"nats\"");

        StringWriter out = new StringWriter();
        assertThat(Main.run(dir, new PrintWriter(out, true), new PrintWriter(out, true), "down")).isZero();
        assertThat(up.get(20, TimeUnit.SECONDS)).isZero();
        assertThat(ui.get(20, TimeUnit.SECONDS)).as(uiOut.toString()).isZero();
    }

    @Test
    void uiWithoutARunningStackSaysSoAndUpDetachedRefusesUi() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertThat(Main.run(dir, new PrintWriter(out, true), new PrintWriter(err, true), "ui")).isEqualTo(3);
        assertThat(err.toString()).startsWith("pitstop: no stack is running in " + dir);
        Files.writeString(dir.resolve("pitstop.yaml"), "processes: {}\n");
        err = new StringWriter();
        assertThat(Main.run(dir, new PrintWriter(out, true), new PrintWriter(err, true), "up", "-d", "--ui")).isOne();
        assertThat(err.toString()).contains("run pitstop ui");
    }

    private static CompletableFuture<Integer> inBackground(ForegroundStack stack, PrintWriter out) {
        return Background.run(() -> stack.run(out));
    }

    private static URI url(StringWriter out) {
        Matcher m = URL.matcher(out.toString());
        assertThat(m.find()).as(out.toString()).isTrue();
        return URI.create(m.group(1));
    }

    private String stackPage(URI url) throws Exception {
        String base = url.toString().substring(0, url.toString().indexOf("/?token="));
        String token = url.getQuery().substring("token=".length());
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(base + "/api/stack"))
                .header("Cookie", "pitstop_ui=" + token).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        return page.body();
    }
}
