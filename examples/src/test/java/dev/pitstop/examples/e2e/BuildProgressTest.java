package dev.pitstop.examples.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pitstop.core.BinarySelection;
import dev.pitstop.core.Engine;
import dev.pitstop.core.EngineFactory;
import dev.pitstop.core.Pitstop;
import dev.pitstop.core.PitstopHome;
import dev.pitstop.core.source.BuildFailedException;
import dev.pitstop.core.source.FetchProgress;
import dev.pitstop.core.source.ProgressListener;
import dev.pitstop.testkit.git.GitRepo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The steps a fetch reports to a progress line, from a real git repository built with cc. */
class BuildProgressTest {
    @TempDir
    Path dir;

    private final List<String> steps = new CopyOnWriteArrayList<>();

    @Test
    void aBuildReportsEachStepAndItsOutputThenAReuseReportsNoBuild() throws Exception {
        try (GitRepo repo = GitRepo.init(dir.resolve("hello"))) {
            repo.write("hello.c", "int main(void) { return 0; }\n").write("README.md", "hi\n").commit("v1");
            try (Engine engine = open(repo, "echo compiling && cc -o \"$PITSTOP_OUT\" hello.c")) {
                engine.fetch(BinarySelection.all());
                String commit = engine.manifest().current("hello").orElseThrow().commit().substring(0, 7);
                assertThat(steps).containsExactly("fetching", "checking out: " + commit, "building", "building: compiling",
                        "done: " + engine.manifest().current("hello").orElseThrow().version());

                steps.clear();
                repo.write("README.md", "docs only\n").commit("docs");
                engine.fetch(BinarySelection.all());
                assertThat(steps).hasSize(2).first().isEqualTo("fetching");
                assertThat(steps.get(1)).startsWith("reused: ");
            }
            steps.clear();
            repo.write("hello.c", "this is not C\n").commit("broken");
            try (Engine engine = open(repo, "cc -o \"$PITSTOP_OUT\" hello.c")) {
                assertThatThrownBy(() -> engine.fetch(BinarySelection.all())).isInstanceOf(BuildFailedException.class);
                assertThat(steps).contains("building").last().matches(s -> s.startsWith("failed: "), "failed");
            }
        }
    }

    private Engine open(GitRepo repo, String build) throws Exception {
        Path stackFile = Files.createDirectories(dir.resolve("stack")).resolve("pitstop.yaml");
        Files.writeString(stackFile, "binaries:\n  hello: { git: \"" + repo.url() + "\", paths: [hello.c], build: '"
                + build + "' }\nprocesses: {}\n");
        FetchProgress recording = binary -> new ProgressListener() {
            @Override
            public void progress(long bytesSoFar, long totalBytes) {
            }

            @Override
            public void stage(String stage, String detail) {
                steps.add(detail == null ? stage : stage + ": " + detail);
            }
        };
        return Pitstop.injector(binder -> {
            binder.bind(PitstopHome.class).toInstance(new PitstopHome(dir.resolve("home")));
            binder.bind(FetchProgress.class).toInstance(recording);
        }).getInstance(EngineFactory.class).open(stackFile);
    }
}
