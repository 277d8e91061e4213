package dev.pitstop.control;

import dev.pitstop.core.SwapResult;
import java.util.List;

/**
 * A binary version made current, with every process reloaded onto it.
 *
 * @param from the version it replaced, or {@code null} for a first install
 * @param reloads empty when no process runs it now
 */
public record Swapped(String binary, boolean ok, String from, String to, List<Reloaded> reloads)
        implements SwapOutcome {
    public Swapped {
        reloads = reloads == null ? List.of() : List.copyOf(reloads);
    }

    public static Swapped of(SwapResult r) {
        return new Swapped(r.binary(), true, r.from(), r.to(), r.reloads().stream().map(Reloaded::of).toList());
    }
}
