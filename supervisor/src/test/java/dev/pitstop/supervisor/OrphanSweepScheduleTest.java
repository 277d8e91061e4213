package dev.pitstop.supervisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.pitstop.supervisor.platform.Child;
import dev.pitstop.supervisor.platform.ProcessPlatform;
import dev.pitstop.supervisor.platform.ProcessTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The orphan sweep's schedule: an idle stack is swept ever more rarely (idle CPU), and the sweep comes soon again
 * once one of our processes exited or a sweep found an orphan. The scheduler is a fake that records each delay.
 */
class OrphanSweepScheduleTest {
    private static final long SELF = ProcessHandle.current().pid();

    private record Scheduled(Runnable task, long delayMillis, ScheduledFuture<?> future) {}

    private final List<Scheduled> scheduled = new ArrayList<>();
    private final ScheduledExecutorService scheduler = mock(ScheduledExecutorService.class);
    private final ProcessPlatform platform = mock(ProcessPlatform.class);
    private final ProcessTable proc = mock(ProcessTable.class);
    private OrphanReaper reaper;

    @BeforeEach
    void fakes() {
        when(platform.subreaper(true)).thenReturn(true);
        when(proc.childPids(SELF)).thenReturn(List.of());
        when(scheduler.schedule(any(Runnable.class), anyLong(), eq(TimeUnit.MILLISECONDS))).thenAnswer(call -> {
            long delay = call.getArgument(1);
            ScheduledFuture<?> future = mock(ScheduledFuture.class);
            when(future.getDelay(TimeUnit.MILLISECONDS)).thenReturn(delay);
            scheduled.add(new Scheduled(call.getArgument(0), delay, future));
            return future;
        });
        reaper = new OrphanReaper(platform, proc, new Signals(platform), "run-1", scheduler);
    }

    @AfterEach
    void close() {
        reaper.close();
    }

    private Scheduled last() {
        return scheduled.get(scheduled.size() - 1);
    }

    private List<Long> delaysAfterSweeps(int sweeps) {
        for (int i = 0; i < sweeps; i++) {
            last().task().run();
        }
        return scheduled.stream().map(Scheduled::delayMillis).toList();
    }

    @Test
    void sweepsThatFindNothingBackOffFromTwoToThirtyTwoSeconds() {
        assertThat(delaysAfterSweeps(6)).containsExactly(2_000L, 4_000L, 8_000L, 16_000L, 32_000L, 32_000L, 32_000L);
    }

    @Test
    void anExitOfOursBringsTheNextSweepBackToTwoSeconds() throws Exception {
        delaysAfterSweeps(4); // next sweep in 32 s
        CompletableFuture<Integer> exit = new CompletableFuture<>();
        Child child = mock(Child.class);
        when(child.pid()).thenReturn(4242L);
        when(child.exit()).thenReturn(exit);
        reaper.launch(() -> child);
        ScheduledFuture<?> pending = last().future();

        exit.complete(0);

        verify(pending).cancel(false);
        assertThat(last().delayMillis()).isEqualTo(2_000L);
        assertThat(delaysAfterSweeps(1)).endsWith(2_000L, 4_000L); // and backs off again from there
    }

    @Test
    void aSweepThatFindsAZombieKeepsSweepingEveryTwoSeconds() {
        delaysAfterSweeps(3); // next in 16 s
        long zombie = 31337L;
        when(proc.childPids(SELF)).thenReturn(List.of(zombie));
        when(proc.stat(zombie)).thenReturn(Optional.of(new ProcessTable.Stat(zombie, 'Z', SELF, zombie, zombie, 1)));

        assertThat(delaysAfterSweeps(1)).endsWith(16_000L, 2_000L);
    }
}
