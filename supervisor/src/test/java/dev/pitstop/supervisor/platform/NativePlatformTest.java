package dev.pitstop.supervisor.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The Linux and the POSIX platform with real children: spawn, extra descriptors, the loop, the reaper. */
class NativePlatformTest {
    @TempDir
    Path dir;
    private ProcessPlatform platform;

    @AfterEach
    void close() {
        if (platform != null) {
            platform.close();
        }
    }

    private ProcessPlatform open(String name) {
        platform = ProcessPlatforms.open(name, ForkJoinPool.commonPool(), "test-loop").platform();
        return platform;
    }

    /** Collects a stream; completes {@link #ended} at its end. */
    static final class Collect implements OutputSink {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final CompletableFuture<String> ended = new CompletableFuture<>();

        @Override
        public synchronized void accept(byte[] b, int length) {
            bytes.write(b, 0, length);
        }

        @Override
        public synchronized void end() {
            ended.complete(text());
        }

        synchronized String text() {
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }

    private SpawnRequest sh(String script, SpawnRequest.Output output, List<FdMapping> fds) {
        return new SpawnRequest(List.of("sh", "-c", script), Map.of("PATH", System.getenv("PATH"), "X", "y"), dir,
                output, fds);
    }

    @ParameterizedTest
    @ValueSource(strings = {"linux", "jdk"}) // posix has no subreaper flag: orphans go to init there
    void anOrphanThatReParentedToUsIsReapedWithItsExitCode(String name) throws Exception {
        ProcessPlatform p = open(name);
        assertThat(p.subreaper(true)).isTrue();
        long orphan = 0;
        try {
            Path pidFile = dir.resolve("orphan.pid");
            Child parent = p.spawn(sh("sleep 30 & echo $! > orphan.pid", new SpawnRequest.Discard(), List.of()));
            assertThat(parent.exit().get(10, TimeUnit.SECONDS)).isZero();
            orphan = Long.parseLong(Files.readString(pidFile).strip());
            long sleeping = orphan;
            long self = ProcessHandle.current().pid();
            await().atMost(Duration.ofSeconds(10)).until(() -> p.table().stat(sleeping)
                    .map(ProcessTable.Stat::ppid).orElse(0L) == self);

            CompletableFuture<Integer> exit = p.adoptOrphan(orphan);
            assertThat(exit).isNotDone();
            p.signalProcess(orphan, 15);

            assertThat(exit.get(10, TimeUnit.SECONDS)).isEqualTo(128 + 15);
            assertThat(p.table().stat(orphan)).as("reaped, no zombie left").isEmpty();
        } finally {
            if (orphan > 0 && p.signalProcess(orphan, 9)) {
                p.reap(orphan); // the test failed before the orphan was collected: leave nothing behind
            }
            p.subreaper(false);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"linux", "posix"})
    void anOrphanAlreadyGoneCompletesAtOnce(String name) throws Exception {
        ProcessPlatform p = open(name);
        Child done = p.spawn(sh("exit 0", new SpawnRequest.Discard(), List.of()));
        assertThat(done.exit().get(10, TimeUnit.SECONDS)).isZero();

        assertThat(p.adoptOrphan(done.pid()).get(10, TimeUnit.SECONDS)).isEqualTo(-1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"linux", "posix"})
    void everyLineWrittenBeforeTheExitIsReadBeforeTheExitCompletes(String name) throws Exception {
        Collect out = new Collect();
        Child child = open(name).spawn(sh("i=0; while [ $i -lt 2000 ]; do echo line$i; i=$((i+1)); done; "
                + "echo err >&2; echo $X; pwd; exit 7", new SpawnRequest.ToSink(out), List.of()));

        assertThat(child.exit().get(30, TimeUnit.SECONDS)).isEqualTo(7);
        String text = out.text();
        assertThat(text).contains("line0\n", "line1999\nerr\ny\n" + dir.toRealPath() + "\n");
        assertThat(out.ended.get(10, TimeUnit.SECONDS)).isEqualTo(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"linux", "posix"})
    void aChildLeadsItsOwnSessionAndASignalEndsIt(String name) throws Exception {
        Child child = open(name).spawn(sh("exec sleep 60", new SpawnRequest.Discard(), List.of()));
        ProcessTable.Stat stat = await().atMost(Duration.ofSeconds(10))
                .until(() -> platform.table().stat(child.pid()).orElse(null), s -> s != null);

        assertThat(stat.pgrp()).isEqualTo(child.pid());
        assertThat(platform.signalGroup(child.pid(), 15)).isTrue();
        assertThat(child.exit().get(10, TimeUnit.SECONDS)).isEqualTo(128 + 15);
    }

    @ParameterizedTest
    @ValueSource(strings = {"linux", "posix"})
    void anExtraDescriptorReachesTheChildAndTheLoopReadsItsPipe(String name) throws Exception {
        Pipe notify = open(name).pipe();
        Collect ready = new Collect();
        platform.io().register(notify.readFd(), ready);
        Child child = platform.spawn(sh("echo READY >&5; exec 5>&-; sleep 0.2", new SpawnRequest.Discard(),
                List.of(new FdMapping(notify.writeFd(), 5))));
        platform.close(notify.writeFd());

        assertThat(ready.ended.get(10, TimeUnit.SECONDS)).isEqualTo("READY\n");
        assertThat(child.exit().get(10, TimeUnit.SECONDS)).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"linux", "posix"})
    void noDescriptorOfTheJvmLeaksIntoAChild(String name) throws Exception {
        Path kept = Files.writeString(dir.resolve("open.txt"), "x");
        try (var held = Files.newInputStream(kept)) {
            Collect out = new Collect();
            Child child = open(name).spawn(sh("ls /proc/self/fd", new SpawnRequest.ToSink(out), List.of()));
            child.exit().get(10, TimeUnit.SECONDS);
            // 0, 1, 2 and the descriptor ls reads the folder with
            assertThat(out.ended.get(10, TimeUnit.SECONDS).strip().split("\n")).hasSizeLessThanOrEqualTo(4);
            assertThat(held.read()).isEqualTo('x');
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"linux", "posix"})
    void outputToAFileAndAMissingProgramIsAClearError(String name) throws Exception {
        Path file = dir.resolve("out.txt");
        Child child = open(name).spawn(sh("echo to-file; echo also >&2", new SpawnRequest.ToFile(file), List.of()));

        assertThat(child.exit().get(10, TimeUnit.SECONDS)).isZero();
        assertThat(Files.readString(file)).isEqualTo("to-file\nalso\n");
        assertThatThrownBy(() -> platform.spawn(new SpawnRequest(List.of("no-such-program-here"), Map.of(), dir,
                new SpawnRequest.Discard(), List.of())))
                .isInstanceOf(IOException.class).hasMessageContaining("no-such-program-here");
    }

    @ParameterizedTest
    @ValueSource(strings = {"linux", "posix"})
    void aChildThatOutlivesItsPlatformIsStillReaped(String name) throws Exception {
        Child exited = open(name).spawn(sh("exit 3", new SpawnRequest.Discard(), List.of()));
        Child running = platform.spawn(sh("sleep 0.3", new SpawnRequest.Discard(), List.of()));
        await().atMost(Duration.ofSeconds(10)).until(() -> platform.table().stat(exited.pid())
                .map(ProcessTable.Stat::dead).orElse(true));
        platform.close();
        platform = null;

        assertThat(running.exit().get(10, TimeUnit.SECONDS)).isZero();
        assertThat(exited.exit().get(10, TimeUnit.SECONDS)).isEqualTo(3);
        assertThat(ProcessHandle.of(running.pid())).isEmpty(); // reaped: not even a zombie is left
        assertThat(ProcessHandle.of(exited.pid())).isEmpty();
    }
}
