package dev.pitstop.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcStatsTest {
    @TempDir Path proc;

    @Test
    void readsRssAndCpuSinceTheLastReadingWithSpacesInTheCommandName() throws Exception {
        Path pid = Files.createDirectories(proc.resolve("42"));
        stat(pid, 100, 50);
        Files.writeString(pid.resolve("status"), "Name:\tweird\nVmRSS:\t   2048 kB\nThreads:\t1\n");
        ProcStats stats = new ProcStats(proc);
        ProcStats.Usage first = stats.read(42);
        assertThat(first.rssBytes()).isEqualTo(2048 * 1024L);
        assertThat(first.cpuPercent()).isNull();
        stat(pid, 150, 100); // 100 more ticks = 1 s of CPU
        ProcStats.Usage second = stats.read(42);
        assertThat(second.cpuPercent()).isPositive();
    }

    @Test
    void aProcessThatIsGoneOrNotRunningHasNoReading() {
        ProcStats stats = new ProcStats(proc);
        assertThat(stats.read(0)).isEqualTo(ProcStats.Usage.NONE);
        assertThat(stats.read(99)).isEqualTo(ProcStats.Usage.NONE);
    }

    @Test
    void readsThisJvmFromTheRealProc() {
        ProcStats.Usage self = new ProcStats(Path.of("/proc")).read(ProcessHandle.current().pid());
        assertThat(self.rssBytes()).isGreaterThan(1 << 20);
    }

    private static void stat(Path pid, long utime, long stime) throws Exception {
        Files.writeString(pid.resolve("stat"), "42 (a (weird) name) S 1 42 42 0 -1 4194560 100 0 0 0 " + utime + " "
                + stime + " 0 0 20 0 1 0 12345 1000000 500 18446744073709551615\n");
    }
}
