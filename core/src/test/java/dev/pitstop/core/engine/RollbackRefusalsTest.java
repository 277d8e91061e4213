package dev.pitstop.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.pitstop.core.PitstopException;
import dev.pitstop.core.RollbackRequest;
import dev.pitstop.core.SwapResult;
import dev.pitstop.core.stack.BinarySpec;
import dev.pitstop.core.stack.ProcessSpec;
import dev.pitstop.core.stack.Stack;
import dev.pitstop.core.store.Manifest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every refusal of a rollback happens before any link or process is touched; the one allowed goes through. */
class RollbackRefusalsTest extends EngineFakes {
    Stack stack;
    BinaryOperations operations;

    @BeforeEach
    void setUp() {
        Stack base = Stack.of(dir, List.of(ProcessSpec.builder("nats").command("bin/nats").binaries(Set.of("nats")).build()));
        stack = new Stack(base.file(), base.processes(), Map.of("nats", BinarySpec.of("nats", "file", "./nats")),
                base.environment(), base.logLocation(), base.shell(), base.orderedShutdown(), base.strict(),
                base.warnings(), base.files(), base.envCommands());
        operations = new BinaryOperations(installer(), supervisor, () -> true);
    }

    @Test
    void anUnknownBinaryNamesTheDeclaredOnes() {
        assertRefused(RollbackRequest.previous("nast"), "no binary named 'nast'");
    }

    @Test
    void nothingRecordedMeansNothingToGoBackTo() {
        assertRefused(RollbackRequest.previous("nats"), "nats: nothing recorded yet, so nothing to roll back to");
    }

    @Test
    void aFirstVersionHasNoPredecessor() {
        manifests.put(stack, Manifest.empty().install("nats", v1, false, T0));
        assertRefused(RollbackRequest.previous("nats"), "nats: no earlier version recorded");
        assertRefused(RollbackRequest.to("nats", "v9"), "nats: no earlier version matches 'v9'");
    }

    @Test
    void theCurrentVersionIsNoRollback() {
        manifests.put(stack, Manifest.empty().install("nats", v1, false, T0).install("nats", v2, false, T0)
                .rollback("nats", v1.sha256(), "test", false, T0));
        assertRefused(RollbackRequest.to("nats", "v1"), "nats: " + v1.label() + " is already current");
    }

    @Test
    void aVersionMarkedBadNeedsForce() {
        manifests.put(stack, Manifest.empty().install("nats", v1, false, T0).withCandidate("nats", v2, false, T0)
                .markBad("nats", "crashed", T0).install("nats", v3, false, T0));
        assertRefused(RollbackRequest.to("nats", "v2"), "was marked bad; add --force to use it anyway");

        when(supervisor.reload("nats")).thenReturn(reloaded("nats"));
        SwapResult forced = operations.rollback(stack, RollbackRequest.to("nats", "v2").forced());
        assertThat(forced.to()).isEqualTo(v2.label());
        assertThat(manifests.get(stack).current("nats")).contains(v2);
    }

    @Test
    void aVersionGoneFromTheStoreCannotBeRestored() {
        manifests.put(stack, Manifest.empty().install("nats", v1, false, T0).install("nats", v2, false, T0));
        when(store.find(v1.sha256(), "nats")).thenReturn(Optional.empty());
        assertRefused(RollbackRequest.previous("nats"), "is no longer in the store (garbage-collected?)");
    }

    @Test
    void aShaPrefixOfSixDigitsNamesAVersion() {
        manifests.put(stack, Manifest.empty().install("nats", v1, false, T0).install("nats", v2, false, T0)
                .install("nats", v3, false, T0));
        when(supervisor.reload("nats")).thenReturn(reloaded("nats"));
        assertThat(operations.rollback(stack, RollbackRequest.to("nats", "111111")).to()).isEqualTo(v1.label());
        assertRefused(RollbackRequest.to("nats", "22222"), "no earlier version matches '22222'");
    }

    private void assertRefused(RollbackRequest request, String message) {
        int switches = links.history.size();
        assertThatThrownBy(() -> operations.rollback(stack, request)).isInstanceOf(PitstopException.class)
                .hasMessageContaining(message);
        assertThat(links.history).hasSize(switches);
        verify(supervisor, never()).stop(anyString());
    }
}
