package dev.pitstop.examples.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.pitstop.core.BinarySelection;
import dev.pitstop.core.Engine;
import dev.pitstop.core.EngineFactory;
import dev.pitstop.core.FetchResult;
import dev.pitstop.core.Pitstop;
import dev.pitstop.core.PitstopHome;
import dev.pitstop.core.Sha256;
import dev.pitstop.core.SwapResult;
import dev.pitstop.core.process.ProcessState;
import dev.pitstop.core.source.BuildFailedException;
import dev.pitstop.core.store.BinaryVersion;
import dev.pitstop.testkit.ProcessLeaks;
import dev.pitstop.testkit.git.GitDaemon;
import dev.pitstop.testkit.git.GitRepo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A binary built from a git repository served by the real {@code git daemon}, run by the engine: built once, not
 * rebuilt for a commit outside its {@code paths}, rebuilt and swapped in for one inside, and a failed build leaves
 * the running version and the manifest as they were.
 */
class GitBuildTest {
    @TempDir
    Path dir;

    @Test
    void rebuildsOnlyWhenItsInputsChange() throws Exception {
        Path builds = dir.resolve("builds.txt");
        Set<Long> pids = new HashSet<>();
        try (GitRepo repo = GitRepo.init(dir.resolve("repos/hello"));
             GitDaemon daemon = GitDaemon.serve(dir.resolve("repos"))) {
            String first = repo.write("hello.c", program("v1")).write("README.md", "hello\n").commit("v1");
            Path stackFile = Files.createDirectories(dir.resolve("stack")).resolve("pitstop.yaml");
            Files.writeString(stackFile, """
                    binaries:
                      hello:
                        git: %s
                        build: echo built >> %s && cc -O2 -o "$PITSTOP_OUT" hello.c
                        paths: [hello.c]
                        toolchain: cc --version
                    processes:
                      hello:
                        command: "exec ${bin:hello}"
                    """.formatted(daemon.url("hello"), builds));
            try (Engine engine = Pitstop.injector(binder -> binder.bind(PitstopHome.class)
                    .toInstance(new PitstopHome(dir.resolve("home")))).getInstance(EngineFactory.class).open(stackFile)) {
                engine.up();
                long pid = awaitRunning(engine);
                pids.add(pid);
                BinaryVersion v1 = engine.manifest().current("hello").orElseThrow();
                assertThat(v1.commit()).isEqualTo(first);
                assertThat(v1.version()).isEqualTo("main@" + first.substring(0, 7));
                assertThat(v1.build().repository()).isEqualTo(daemon.url("hello"));
                assertThat(v1.buildKey()).isNotNull();
                assertThat(exe(pid)).isEqualTo(v1.sha256());
                assertThat(Files.readAllLines(builds)).hasSize(1);
                assertThat(dir.resolve("stack/.pitstop/logs/build-hello.log")).exists();

                String docs = repo.write("README.md", "more\n").commit("docs only");
                FetchResult same = engine.fetch(BinarySelection.of("hello")).get(0);

                assertThat(same.changed()).isFalse();
                assertThat(Files.readAllLines(builds)).as("no build").hasSize(1);
                BinaryVersion recorded = engine.manifest().current("hello").orElseThrow();
                assertThat(recorded.commit()).isEqualTo(docs);
                assertThat(recorded.sha256()).isEqualTo(v1.sha256());
                assertThat(recorded.build().sameInputsAs()).isEqualTo(first);
                assertThat(engine.explain("hello", null)).contains("no build: the store holds the build of " + first)
                        .contains("tree       hello.c ").contains("platform ");
                assertThat(engine.ps().get(0).pid()).isEqualTo(pid);

                String v2 = repo.write("hello.c", program("v2")).commit("v2");
                SwapResult swap = engine.update(BinarySelection.of("hello")).get(0);
                swap.reloads().forEach(r -> pids.add(r.newPid()));

                assertThat(Files.readAllLines(builds)).hasSize(2);
                BinaryVersion current = engine.manifest().current("hello").orElseThrow();
                assertThat(current.commit()).isEqualTo(v2);
                assertThat(current.build().sameInputsAs()).isNull();
                long newPid = awaitRunning(engine);
                pids.add(newPid);
                assertThat(exe(newPid)).isEqualTo(current.sha256()).isNotEqualTo(v1.sha256());

                repo.write("hello.c", "int main(void) { return broken; }\n").commit("broken");
                String lock = Files.readString(dir.resolve("stack/pitstop.lock.json"));
                assertThatThrownBy(() -> engine.update(BinarySelection.of("hello")))
                        .isInstanceOf(BuildFailedException.class)
                        .hasMessageStartingWith("hello: build failed: exit code 1; last output: ");

                assertThat(Files.readString(dir.resolve("stack/pitstop.lock.json"))).isEqualTo(lock);
                assertThat(engine.ps().get(0).pid()).isEqualTo(newPid);
                assertThat(engine.ps().get(0).state()).isEqualTo(ProcessState.RUNNING);
                engine.down();
            }
        }
        ProcessLeaks.assertNone(pids);
    }

    private static long awaitRunning(Engine engine) {
        await().atMost(Duration.ofSeconds(20)).until(() -> engine.ps().get(0).state() == ProcessState.RUNNING);
        return engine.ps().get(0).pid();
    }

    private static Sha256 exe(long pid) throws Exception {
        return Sha256.ofFile(Path.of("/proc/" + pid + "/exe"));
    }

    private static String program(String version) {
        return "#include <stdio.h>\n#include <unistd.h>\nint main(void) { printf(\"hello " + version
                + "\\n\"); fflush(stdout); for (;;) pause(); }\n";
    }
}
