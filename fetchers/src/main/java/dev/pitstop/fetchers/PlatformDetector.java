package dev.pitstop.fetchers;

import dev.pitstop.core.Platform;

/** Tells which platform this machine is, for picking assets. */
public interface PlatformDetector {
    Platform detect();
}
