package dev.pitstop.supervisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pitstop.core.event.Event;
import dev.pitstop.core.event.EventType;
import dev.pitstop.core.process.Health;
import dev.pitstop.core.process.LogLine;
import dev.pitstop.core.process.ProcessState;
import dev.pitstop.core.stack.Availability;
import dev.pitstop.core.stack.DependencyCondition;
import dev.pitstop.core.stack.ProcessSpec;
import dev.pitstop.core.stack.ReadyNotification;
import dev.pitstop.core.stack.RestartPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** sd_notify with a real child: a small C program that sends datagrams to its NOTIFY_SOCKET. */
@EnabledOnOs(OS.LINUX)
class NotifyTest extends SupervisorHarness {
    private static final ReadyNotification NOTIFY = ReadyNotification.SdNotify.PLAIN;

    @TempDir
    static Path bin;
    static String notifier;

    @BeforeAll
    static void compileTheNotifier() throws Exception {
        Path source = bin.resolve("notifier.c");
        try (InputStream in = NotifyTest.class.getResourceAsStream("/notify/notifier.c")) {
            Files.copy(in, source);
        }
        notifier = bin.resolve("notifier").toString();
        Process cc = new ProcessBuilder("cc", "-O2", "-o", notifier, source.toString()).inheritIO().start();
        assertThat(cc.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(cc.exitValue()).as("cc notifier.c").isZero();
    }

    private static ProcessSpec.Builder notifier(String name, ReadyNotification ready, String... actions) {
        List<String> argv = new ArrayList<>(List.of(notifier));
        argv.addAll(List.of(actions));
        return ProcessSpec.builder(name).entrypoint(argv).readyNotification(ready).shutdown(QUICK_STOP);
    }

    private boolean logged(String name, String text) {
        return supervisor.logs(name, 100).stream().map(LogLine::text).anyMatch(text::equals);
    }

    @Test
    void readyOneMakesTheProcessReadyAndStatusIsShown() throws IOException {
        up(notifier("svc", NOTIFY, "STATUS=warming up", "wait:" + dir.resolve("go"),
                "READY=1\\nSTATUS=serving").build());

        await().atMost(Duration.ofSeconds(10)).until(() -> "warming up".equals(supervisor.status("svc").statusText()));
        assertThat(supervisor.status("svc").health()).as("not ready before READY=1").isEqualTo(Health.NOT_READY);
        Files.writeString(dir.resolve("go"), "");

        await().atMost(Duration.ofSeconds(10)).until(() -> supervisor.status("svc").health() == Health.READY);
        assertThat(supervisor.status("svc").statusText()).isEqualTo("serving");
    }

    @Test
    void reloadingMakesItNotReadyUntilReadyAgainAndStoppingToo() throws IOException {
        up(notifier("svc", NOTIFY, "READY=1", "wait:" + dir.resolve("a"), "RELOADING=1", "wait:" + dir.resolve("b"),
                "READY=1", "wait:" + dir.resolve("c"), "STOPPING=1").build());
        await().atMost(Duration.ofSeconds(10)).until(() -> supervisor.status("svc").health() == Health.READY);

        Files.writeString(dir.resolve("a"), "");
        await().atMost(Duration.ofSeconds(10)).until(() -> supervisor.status("svc").health() == Health.NOT_READY);
        Files.writeString(dir.resolve("b"), "");
        await().atMost(Duration.ofSeconds(10)).until(() -> supervisor.status("svc").health() == Health.READY);
        Files.writeString(dir.resolve("c"), "");
        await().atMost(Duration.ofSeconds(10)).until(() -> supervisor.status("svc").health() == Health.NOT_READY);
        assertThat(supervisor.status("svc").state()).isEqualTo(ProcessState.RUNNING);
        assertThat(events(EventType.HEALTH_CHANGED, "svc")).extracting(Event::detail)
                .containsExactly("Not Ready", "Ready", "Not Ready", "Ready", "Not Ready");
    }

    @Test
    void aDependentWaitsForTheAnnouncement() throws IOException {
        up(notifier("db", NOTIFY, "wait:" + dir.resolve("go"), "READY=1").build(),
                sh("app", "sleep 1000").dependsOn("db", DependencyCondition.PROCESS_HEALTHY).build());
        awaitRunning("db");
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5))
                .until(() -> supervisor.status("app").state() == ProcessState.PENDING);

        Files.writeString(dir.resolve("go"), "");
        awaitRunning("app");
    }

    @Test
    void theWatchdogStopsAProcessThatStopsPinging() {
        up(notifier("hangs", new ReadyNotification.SdNotify(Duration.ofMillis(500)), "env:WATCHDOG_USEC", "READY=1", "WATCHDOG=1",
                "+100", "WATCHDOG=1").build(),
                notifier("pings", new ReadyNotification.SdNotify(Duration.ofMillis(500)), "READY=1", "every:100:WATCHDOG=1").build());

        awaitState("hangs", ProcessState.ERROR);
        assertThat(logged("hangs", "WATCHDOG_USEC=500000")).isTrue();
        assertThat(events(EventType.WARNING, "hangs")).extracting(Event::detail)
                .anyMatch(d -> d.startsWith("watchdog: no WATCHDOG=1 within 500 ms"));
        assertThat(supervisor.status("pings").state()).isEqualTo(ProcessState.RUNNING);
        assertThat(supervisor.status("pings").health()).isEqualTo(Health.READY);
    }

    @Test
    void aWatchdogTriggerRestartsAsALivenessFailureDoes() {
        up(notifier("svc", new ReadyNotification.SdNotify(Duration.ofSeconds(30)), "READY=1", "+200", "WATCHDOG=trigger")
                .availability(new Availability(RestartPolicy.ON_FAILURE, Duration.ZERO, 1)).build());

        await().atMost(Duration.ofSeconds(10)).until(() -> supervisor.status("svc").restarts() == 1);
        assertThat(events(EventType.WARNING, "svc")).extracting(Event::detail)
                .anyMatch(d -> d.contains("WATCHDOG=trigger"));
    }

    @Test
    void aMessageFromOutsideTheRunIsIgnored() throws Exception {
        up(notifier("svc", NOTIFY, "env:NOTIFY_SOCKET").build());
        String prefix = "NOTIFY_SOCKET=";
        await().atMost(Duration.ofSeconds(10)).until(() -> supervisor.logs("svc", 10).stream()
                .anyMatch(l -> l.text().startsWith(prefix)));
        String socket = supervisor.logs("svc", 10).stream().map(LogLine::text).filter(t -> t.startsWith(prefix))
                .findFirst().orElseThrow().substring(prefix.length());

        // a process of this JVM's session, alive while the message is read
        ProcessBuilder pb = new ProcessBuilder(notifier, "READY=1");
        pb.environment().put("NOTIFY_SOCKET", socket);
        Process stranger = pb.start();
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> logged("svc",
                    "[pitstop] ignored a notification from pid " + stranger.pid() + ", which is not part of this run"));
            assertThat(supervisor.status("svc").health()).isEqualTo(Health.NOT_READY);
        } finally {
            stranger.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void notifyFdIsReadyAtTheFirstNewline() throws IOException {
        up(notifier("svc", new ReadyNotification.NotifyFd(3), "env:NOTIFY_FD", "wait:" + dir.resolve("go"), "fd:")
                        .build(),
                sh("shell", "echo starting; echo >&5; exec sleep 1000").readyNotification(new ReadyNotification.NotifyFd(5))
                        .build());

        await().atMost(Duration.ofSeconds(10)).until(() -> supervisor.status("shell").health() == Health.READY);
        await().atMost(Duration.ofSeconds(10)).until(() -> logged("svc", "NOTIFY_FD=3"));
        assertThat(supervisor.status("svc").health()).isEqualTo(Health.NOT_READY);
        Files.writeString(dir.resolve("go"), "");
        await().atMost(Duration.ofSeconds(10)).until(() -> supervisor.status("svc").health() == Health.READY);
        assertThat(ProcessHandle.of(supervisor.status("svc").pid()).flatMap(h -> h.info().command()))
                .as("the program itself runs under the PID, not a shell before it").hasValue(notifier);
    }
}
