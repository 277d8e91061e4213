package dev.pitstop.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The work lane reuses an idle thread for the next operation and refuses the one beyond its limit. */
class LanesTest {
    private final Lanes lanes = new Lanes();

    @AfterEach
    void close() {
        lanes.work().shutdownNow();
        lanes.readers().shutdownNow();
    }

    @Test
    void operationsOneAfterAnotherReuseTheIdleThread() throws Exception {
        for (int i = 0; i < 20; i++) {
            CountDownLatch done = new CountDownLatch(1);
            lanes.work().execute(done::countDown);
            assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
            // the finished thread is back polling the hand-off queue before the next operation comes
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (lanes.work().getActiveCount() > 0 && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
        }
        // a thread between its task and its next poll can miss one hand-off; a pool with core threads made 20
        assertThat(lanes.work().getLargestPoolSize()).isLessThanOrEqualTo(5);
    }

    @Test
    void theOperationBeyondTheLimitIsRefusedNotQueued() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(Lanes.WORK);
        for (int i = 0; i < Lanes.WORK; i++) {
            lanes.work().execute(() -> {
                started.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        assertThatThrownBy(() -> lanes.work().execute(() -> { })).isInstanceOf(RejectedExecutionException.class);
        release.countDown();
    }
}
