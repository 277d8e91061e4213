package dev.pitstop.examples.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Injector;
import dev.pitstop.core.BinarySelection;
import dev.pitstop.core.Engine;
import dev.pitstop.core.EngineFactory;
import dev.pitstop.core.FetchResult;
import dev.pitstop.core.Pitstop;
import dev.pitstop.core.PitstopHome;
import dev.pitstop.core.Platform;
import dev.pitstop.testkit.release.Archives;
import dev.pitstop.testkit.release.RecordedRequest;
import dev.pitstop.testkit.release.ReleaseServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fetch resolves {@code latest} once and downloads what it resolved: a release published between the engine's
 * resolve and the download is not mixed in (it used to be resolved a second time by the source, so the new
 * release's bytes were checked against the digest recorded for the old one: a false digest mismatch).
 */
class MovingLatestTest {
    private static final String REPO = "acme/tool";

    @TempDir
    Path tmp;
    private ReleaseServer server;
    private Injector injector;
    private Path stack;
    private String asset1;
    private String asset2;

    @BeforeEach
    void setUp() throws Exception {
        server = ReleaseServer.start();
        injector = Pitstop.injector(binder -> binder.bind(PitstopHome.class).toInstance(new PitstopHome(tmp.resolve("home"))));
        Platform host = injector.getInstance(Platform.class);
        asset1 = "tool_1.0.0_" + host.os() + "_" + host.arch() + ".tar.gz";
        asset2 = "tool_2.0.0_" + host.os() + "_" + host.arch() + ".tar.gz";
        stack = Files.createDirectories(tmp.resolve("stack")).resolve("pitstop.yaml");
        Files.writeString(stack, """
                binaries:
                  tool: { github: %s, api: "%s" }
                processes:
                  tool:
                    command: "${bin:tool}"
                """.formatted(REPO, server.apiUrl()));
    }

    @AfterEach
    void tearDown() {
        server.close();
    }

    @Test
    void aReleasePublishedWhileFetchingIsLeftForTheNextFetch() {
        server.repo(REPO).release("v1.0.0").asset(asset1, archive("v1"));
        try (Engine engine = open()) {
            assertThat(engine.fetch(BinarySelection.of("tool")).get(0).version()).isEqualTo("1.0.0");
        }
        // v2.0.0 becomes latest the moment the engine has read latest (still v1.0.0, the current version)
        AtomicBoolean published = new AtomicBoolean();
        server.clearRequests();
        server.onRequest(r -> {
            if (r.pathAndQuery().endsWith("/releases/latest") && published.compareAndSet(false, true)) {
                server.repo(REPO).release("v2.0.0").asset(asset2, archive("v2"));
            }
        });

        try (Engine engine = open()) {
            FetchResult again = engine.fetch(BinarySelection.of("tool")).get(0);

            assertThat(published).isTrue();
            assertThat(again.version()).isEqualTo("1.0.0");
            assertThat(again.changed()).isFalse();
            assertThat(server.requests()).extracting(RecordedRequest::pathAndQuery)
                    .filteredOn(p -> p.endsWith("/releases/latest")).hasSize(1);
            assertThat(server.requests()).extracting(RecordedRequest::pathAndQuery)
                    .noneMatch(p -> p.contains(asset2));

            FetchResult next = engine.fetch(BinarySelection.of("tool")).get(0);
            assertThat(next.version()).isEqualTo("2.0.0");
            assertThat(next.changed()).isTrue();
        }
    }

    private Engine open() {
        return injector.getInstance(EngineFactory.class).open(stack);
    }

    private static byte[] archive(String version) {
        byte[] script = ("#!/bin/sh\necho tool " + version + "\n").getBytes(StandardCharsets.UTF_8);
        return Archives.tar().file("tool", script, 0755).build("gz");
    }
}
