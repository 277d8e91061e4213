package dev.pitstop.cli.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pitstop.core.source.ProgressListener;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProgressBarTest {
    private final StringWriter text = new StringWriter();

    @Test
    void plainLinesNameEachStepOfABuildAndNothingOfADownload() {
        build(new ProgressBar(new PrintWriter(text), false).start("hello"));

        ProgressListener download = new ProgressBar(new PrintWriter(text), false).start("nats");
        download.stage("fetching", null);
        download.progress(512, 1024);
        download.stage("done", "2.11.0");

        ProgressListener reused = new ProgressBar(new PrintWriter(text), false).start("hello");
        reused.stage("fetching", null);
        reused.stage("reused", "main@5e6f7a8");

        assertThat(text.toString()).matches("""
                hello: fetching
                hello: checking out 1a2b3c4
                hello: building
                hello: built in \\d+\\.\\d s \\(main@1a2b3c4\\)
                hello: reused: a stored build has the same inputs \\(main@5e6f7a8\\)
                """);
    }

    @Test
    void onATerminalOneLineIsRedrawnInPlaceAndEndedOnce() {
        build(new ProgressBar(new PrintWriter(text), true).start("hello"));

        String out = text.toString();
        assertThat(out).doesNotContain("fetching").contains("\r\u001b[Khello            checking out  1a2b3c4",
                "\r\u001b[Khello            building 0 s  warning: unused variable", "\r\u001b[Khello            done 0 s  main@1a2b3c4\n");
        assertThat(out.chars().filter(c -> c == '\n').count()).as("one line, ended once").isEqualTo(1);
        await("the ticker stops with the build").atMost(Duration.ofSeconds(5)).until(() -> Thread.getAllStackTraces()
                .keySet().stream().noneMatch(t -> t.getName().equals("pitstop-progress-hello") && t.isAlive()));
    }

    /** The steps of a build as the engine and the git source report them. */
    private static void build(ProgressListener listener) {
        listener.stage("fetching", null);
        listener.stage("checking out", "1a2b3c4");
        listener.stage("building", null);
        listener.stage("building", "cc -O2 -o hello hello.c");
        listener.stage("building", "warning: unused variable");
        listener.stage("done", "main@1a2b3c4");
    }
}
