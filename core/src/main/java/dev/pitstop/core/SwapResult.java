package dev.pitstop.core;

import dev.pitstop.core.process.ReloadResult;
import java.util.List;

/**
 * A binary version that is now current.
 *
 * @param from the version it replaced ({@code version (sha prefix)}), or {@code null} for a first install
 * @param to the version now current
 * @param reloads one per process that runs the binary and was reloaded onto it (empty when the stack is not running)
 */
public record SwapResult(String binary, String from, String to, List<ReloadResult> reloads) {
    public SwapResult {
        reloads = List.copyOf(reloads);
    }
}
