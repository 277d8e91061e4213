package dev.pitstop.control;

import dev.pitstop.core.process.ReloadResult;

/**
 * A process that runs again and is ready.
 *
 * @param sha256 of the executable it runs now, or {@code null} where the platform cannot tell
 */
public record Reloaded(String name, boolean ok, long oldPid, long newPid, String sha256, long tookMs)
        implements ReloadOutcome {
    public static Reloaded of(ReloadResult r) {
        return new Reloaded(r.name(), true, r.oldPid(), r.newPid(),
                r.executable() == null ? null : r.executable().hex(), r.took().toMillis());
    }
}
