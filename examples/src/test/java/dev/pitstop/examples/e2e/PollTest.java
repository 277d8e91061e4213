package dev.pitstop.examples.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pitstop.core.BinarySelection;
import dev.pitstop.core.Engine;
import dev.pitstop.core.EngineFactory;
import dev.pitstop.core.Pitstop;
import dev.pitstop.core.PitstopHome;
import dev.pitstop.core.Platform;
import dev.pitstop.core.PollResult;
import dev.pitstop.core.PollResult.Status;
import dev.pitstop.core.Sha256;
import dev.pitstop.core.event.EventType;
import dev.pitstop.core.source.TransferCost;
import dev.pitstop.core.process.ProcessState;
import dev.pitstop.testkit.ProcessLeaks;
import dev.pitstop.testkit.git.GitDaemon;
import dev.pitstop.testkit.git.GitRepo;
import dev.pitstop.testkit.release.Archives;
import dev.pitstop.testkit.release.RecordedRequest;
import dev.pitstop.testkit.release.ReleaseServer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cheap upstream checks against a real git daemon and a GitHub stand-in: nothing is downloaded or built. */
class PollTest {
    @TempDir
    Path dir;

    @Test
    void aNoChangePollDownloadsNothingAndAnUnreachableSourceDoesNotHideTheOthers() throws Exception {
        Path builds = dir.resolve("builds.txt");
        try (GitRepo repo = GitRepo.init(dir.resolve("repos/hello"));
             GitDaemon daemon = GitDaemon.serve(dir.resolve("repos"));
             ReleaseServer server = ReleaseServer.start()) {
            repo.write("hello.c", program("v1")).write("README.md", "hello\n").commit("v1");
            Engine engine = open(daemon, server, builds, "");
            Platform host = injector().getInstance(Platform.class);
            server.repo("acme/tool").release("v1.0.0").asset("tool_1.0.0_" + host.os() + "_" + host.arch() + ".tar.gz",
                    Archives.tar().file("tool", "#!/bin/sh\necho v1\n".getBytes(StandardCharsets.UTF_8), 0755).build("gz"));
            try (engine) {
                engine.fetch(BinarySelection.of("hello", "tool"));
                server.clearRequests();

                Map<String, PollResult> first = byName(engine.poll(BinarySelection.all()));

                assertThat(first.get("hello").status()).isEqualTo(Status.UNCHANGED);
                assertThat(first.get("tool").status()).isEqualTo(Status.UNCHANGED);
                assertThat(first.get("dead").status()).isEqualTo(Status.ERROR);
                assertThat(first.get("dead").error()).contains("ls-remote failed");
                assertThat(server.requests()).as("one conditional request, answered 304, no download")
                        .extracting(RecordedRequest::status).containsExactly(304);
                assertThat(first.get("tool").cost()).as("what the result says it cost").isEqualTo(new TransferCost(1, 1, 0));
                assertThat(first.get("hello").cost().requests()).as("one ls-remote").isEqualTo(1);
                assertThat(first.get("hello").cost().bytes()).as("its ref advertisement").isBetween(50L, 500L);
                assertThat(first.get("hello").cost().notModified()).isZero();

                repo.write("README.md", "docs\n").commit("docs");
                PollResult docs = engine.poll(BinarySelection.of("hello")).get(0);
                assertThat(docs.status()).isEqualTo(Status.SAME_INPUTS);
                assertThat(docs.inputsChanged()).isFalse();

                repo.write("hello.c", program("v2")).commit("v2");
                PollResult code = engine.poll(BinarySelection.of("hello")).get(0);
                assertThat(code.status()).isEqualTo(Status.UPDATE);
                assertThat(code.inputsChanged()).isTrue();
                assertThat(Files.readAllLines(builds)).as("polls never build").hasSize(1);

                server.repo("acme/tool").release("v2.0.0").asset("tool_2.0.0_" + host.os() + "_" + host.arch()
                        + ".tar.gz", Archives.tar().file("tool", "#!/bin/sh\necho v2\n".getBytes(StandardCharsets.UTF_8),
                        0755).build("gz"));
                server.clearRequests();
                PollResult tool = engine.poll(BinarySelection.of("tool")).get(0);
                assertThat(tool.status()).isEqualTo(Status.UPDATE);
                assertThat(tool.latest()).isEqualTo("2.0.0");
                assertThat(server.requests()).extracting(RecordedRequest::pathAndQuery)
                        .noneMatch(p -> p.contains(".tar.gz"));
                assertThat(tool.cost().requests()).isEqualTo(server.requests().size());
                assertThat(tool.cost().notModified()).isZero();
                assertThat(tool.cost().bytes()).as("the release JSON, not the asset").isPositive().isLessThan(20_000);
            }
        }
    }

    @Test
    void aRunningStackSwapsInWhatItsPollFinds() throws Exception {
        Set<Long> pids = new HashSet<>();
        try (GitRepo repo = GitRepo.init(dir.resolve("repos/hello"));
             GitDaemon daemon = GitDaemon.serve(dir.resolve("repos"))) {
            repo.write("hello.c", program("v1")).commit("v1");
            Path stackFile = Files.createDirectories(dir.resolve("stack")).resolve("pitstop.yaml");
            Files.writeString(stackFile, """
                    binaries:
                      hello:
                        git: %s
                        build: cc -O2 -o "$PITSTOP_OUT" hello.c
                        poll: 300ms
                    processes:
                      hello:
                        command: "exec ${bin:hello}"
                    """.formatted(daemon.url("hello")));
            try (Engine engine = injector().getInstance(EngineFactory.class).open(stackFile)) {
                engine.up();
                await().atMost(Duration.ofSeconds(20)).until(() -> engine.ps().get(0).state() == ProcessState.RUNNING);
                pids.add(engine.ps().get(0).pid());

                String v2 = repo.write("hello.c", program("v2")).commit("v2");

                await().atMost(Duration.ofSeconds(30)).until(() ->
                        v2.equals(engine.manifest().current("hello").orElseThrow().commit()));
                await().atMost(Duration.ofSeconds(20)).until(() -> engine.ps().get(0).state() == ProcessState.RUNNING);
                long pid = engine.ps().get(0).pid();
                pids.add(pid);
                assertThat(Sha256.ofFile(Path.of("/proc/" + pid + "/exe")))
                        .isEqualTo(engine.manifest().current("hello").orElseThrow().sha256());
                assertThat(engine.events(1000)).anyMatch(e -> e.type() == EventType.UPSTREAM_CHANGED);
                engine.down();
            }
        }
        ProcessLeaks.assertNone(pids);
    }

    private Engine open(GitDaemon daemon, ReleaseServer server, Path builds, String extra) throws Exception {
        Path stackFile = Files.createDirectories(dir.resolve("stack")).resolve("pitstop.yaml");
        Files.writeString(stackFile, """
                binaries:
                  hello:
                    git: %s
                    build: echo built >> %s && cc -O2 -o "$PITSTOP_OUT" hello.c
                    paths: [hello.c]
                  tool: { github: acme/tool, api: "%s" }
                  dead: { git: "git://127.0.0.1:%d/nothing", build: "true" }
                processes: {}
                """.formatted(daemon.url("hello"), builds, server.apiUrl(), closedPort()) + extra);
        return injector().getInstance(EngineFactory.class).open(stackFile);
    }

    private com.google.inject.Injector injector() {
        return Pitstop.injector(binder -> binder.bind(PitstopHome.class).toInstance(new PitstopHome(dir.resolve("home"))));
    }

    private static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static Map<String, PollResult> byName(List<PollResult> results) {
        return results.stream().collect(Collectors.toMap(PollResult::binary, Function.identity()));
    }

    private static String program(String version) {
        return "#include <stdio.h>\n#include <unistd.h>\nint main(void) { printf(\"hello " + version
                + "\\n\"); fflush(stdout); for (;;) pause(); }\n";
    }
}
