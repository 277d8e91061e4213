package dev.pitstop.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.pitstop.core.SwapFailedException;
import dev.pitstop.core.SwapResult;
import dev.pitstop.core.event.EventType;
import dev.pitstop.core.process.ReloadFailedException;
import dev.pitstop.core.process.ReloadResult;
import dev.pitstop.core.stack.ProcessSpec;
import dev.pitstop.core.stack.Stack;
import dev.pitstop.core.store.Manifest;
import dev.pitstop.core.store.StoredBinary;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;

/**
 * The health-gated swap against fakes of the store, manifest and links and a mocked supervisor: every success,
 * rollback and restore path, in milliseconds.
 */
class HealthGatedSwapTest extends EngineFakes {
    final StoredBinary stored1 = stored(v1);
    final StoredBinary stored2 = stored(v2);
    Stack stack;
    HealthGatedSwap swap;

    @BeforeEach
    void setUp() {
        stack = Stack.of(dir, List.of(
                ProcessSpec.builder("nats").command("bin/nats").binaries(Set.of("nats")).build(),
                ProcessSpec.builder("nats2").command("bin/nats -p 2").binaries(Set.of("nats")).build(),
                ProcessSpec.builder("bystander").command("sleep 1000").build()));
        swap = new HealthGatedSwap(installer(), supervisor);
    }

    private void recorded(Manifest manifest) {
        manifests.put(stack, manifest);
    }

    @Test
    void aPromotionReloadsEveryProcessOfTheBinaryAndMakesTheCandidateCurrent() {
        recorded(Manifest.empty().install("nats", v1, false, T0).withCandidate("nats", v2, false, T0));
        when(supervisor.reload("nats")).thenReturn(reloaded("nats"));
        when(supervisor.reload("nats2")).thenReturn(reloaded("nats2"));

        SwapResult result = swap.apply(stack, new SwapPlan.Promotion("nats", stored2, v2), true);

        assertThat(result.from()).isEqualTo(v1.label());
        assertThat(result.to()).isEqualTo(v2.label());
        assertThat(result.reloads()).extracting(ReloadResult::name).containsExactly("nats", "nats2");
        assertThat(links.history).containsExactly(stored2);
        assertThat(manifests.get(stack).current("nats")).contains(v2);
        assertThat(manifests.get(stack).candidate("nats")).isEmpty();
        verify(supervisor, never()).reload("bystander");
        verify(supervisor).publish(eq(EventType.BINARY_SWAPPED), eq("nats"), anyString());
    }

    @Test
    void aCandidateThatFailsIsMarkedBadAndThePreviousVersionRunsAgain() {
        recorded(Manifest.empty().install("nats", v1, false, T0).withCandidate("nats", v2, false, T0));
        when(supervisor.reload("nats")).thenThrow(new ReloadFailedException("nats", "exited before it was ready", 1,
                List.of("fatal: bad flag"))).thenReturn(reloaded("nats"));
        when(supervisor.reload("nats2")).thenReturn(reloaded("nats2"));

        SwapFailedException failed = catchThrowableOfType(SwapFailedException.class,
                () -> swap.apply(stack, new SwapPlan.Promotion("nats", stored2, v2), true));

        assertThat(failed.restored()).isEqualTo(v1.label());
        assertThat(failed.exitCode()).isEqualTo(1);
        assertThat(failed.lastLogLines()).containsExactly("fatal: bad flag");
        assertThat(links.history).containsExactly(stored2, stored1);
        Manifest after = manifests.get(stack);
        assertThat(after.current("nats")).contains(v1);
        assertThat(after.isBad("nats", v2.sha256())).isTrue();
        // the candidate once, then the previous version: nats2 never ran the candidate, it only restarts
        InOrder order = inOrder(supervisor);
        order.verify(supervisor, times(2)).reload("nats");
        order.verify(supervisor).reload("nats2");
        order.verify(supervisor).publish(eq(EventType.ROLLED_BACK), eq("nats"), anyString());
    }

    @Test
    void withNothingToGoBackToTheProcessesAreStopped() {
        recorded(Manifest.empty().withCandidate("nats", v2, false, T0));
        when(supervisor.reload("nats")).thenThrow(new ReloadFailedException("nats", "never ready", null, List.of()));

        SwapFailedException failed = catchThrowableOfType(SwapFailedException.class,
                () -> swap.apply(stack, new SwapPlan.Promotion("nats", stored2, v2), true));

        assertThat(failed.restored()).isNull();
        assertThat(failed.getMessage()).contains("no earlier version");
        verify(supervisor).stop("nats");
        verify(supervisor).stop("nats2");
        assertThat(manifests.get(stack).isBad("nats", v2.sha256())).isTrue();
    }

    @Test
    void aPreviousVersionThatDoesNotComeBackIsReportedToo() {
        recorded(Manifest.empty().install("nats", v1, false, T0).withCandidate("nats", v2, false, T0));
        when(supervisor.reload("nats")).thenThrow(new ReloadFailedException("nats", "never ready", null, List.of()));
        when(supervisor.reload("nats2")).thenReturn(reloaded("nats2"));

        SwapFailedException failed = catchThrowableOfType(SwapFailedException.class,
                () -> swap.apply(stack, new SwapPlan.Promotion("nats", stored2, v2), true));

        assertThat(failed.getMessage()).contains("failed too");
        assertThat(links.history).containsExactly(stored2, stored1);
        verify(supervisor).reload("nats2"); // one process that does not come back keeps no other from restarting
    }

    @Test
    void anyFailureOfTheSupervisorRollsBackLikeAFailedReadiness() {
        recorded(Manifest.empty().install("nats", v1, false, T0).withCandidate("nats", v2, false, T0));
        when(supervisor.reload("nats")).thenThrow(new IllegalStateException("gave up waiting"))
                .thenReturn(reloaded("nats"));
        when(supervisor.reload("nats2")).thenReturn(reloaded("nats2"));

        SwapFailedException failed = catchThrowableOfType(SwapFailedException.class,
                () -> swap.apply(stack, new SwapPlan.Promotion("nats", stored2, v2), true));

        assertThat(failed.getMessage()).contains("gave up waiting");
        assertThat(links.history).last().isEqualTo(stored1);
    }

    @Test
    void aStackThatIsNotRunningOnlySwitchesTheLinkAndTheManifest() {
        recorded(Manifest.empty().install("nats", v1, false, T0).withCandidate("nats", v2, false, T0));

        SwapResult result = swap.apply(stack, new SwapPlan.Promotion("nats", stored2, v2), false);

        assertThat(result.reloads()).isEmpty();
        assertThat(links.history).containsExactly(stored2);
        assertThat(manifests.get(stack).current("nats")).contains(v2);
        verify(supervisor, never()).reload(anyString());
    }

    @Test
    void aRollbackThatSucceedsMakesTheEarlierVersionCurrent() {
        recorded(Manifest.empty().install("nats", v1, false, T0).install("nats", v2, false, T0));
        when(supervisor.reload(anyString())).thenAnswer(call -> reloaded(call.getArgument(0)));

        SwapResult result = swap.apply(stack, new SwapPlan.Rollback("nats", stored1, v1, false), true);

        assertThat(result.to()).isEqualTo(v1.label());
        assertThat(manifests.get(stack).current("nats")).contains(v1);
        verify(supervisor).publish(eq(EventType.ROLLED_BACK), eq("nats"), anyString());
    }

    @Test
    void aRollbackThatFailsLeavesTheManifestAsItWas() {
        Manifest before = Manifest.empty().install("nats", v1, false, T0).install("nats", v2, false, T0);
        recorded(before);
        when(supervisor.reload("nats")).thenThrow(new ReloadFailedException("nats", "never ready", null, List.of()))
                .thenReturn(reloaded("nats"));
        when(supervisor.reload("nats2")).thenReturn(reloaded("nats2"));

        SwapFailedException failed = catchThrowableOfType(SwapFailedException.class,
                () -> swap.apply(stack, new SwapPlan.Rollback("nats", stored1, v1, false), true));

        assertThat(failed.restored()).isEqualTo(v2.label());
        assertThat(manifests.get(stack)).isEqualTo(before);
        assertThat(links.history).containsExactly(stored1, stored2);
    }
}
