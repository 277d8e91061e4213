package dev.pitstop.supervisor.platform;

import java.util.concurrent.Executor;

/** macOS: posix_spawn with POSIX_SPAWN_SETSID and POSIX_SPAWN_CLOEXEC_DEFAULT, kqueue, libproc. */
final class MacPlatform {
    private MacPlatform() {}

    static ProcessPlatform open(Executor completions, String name) {
        throw new IllegalStateException("macOS support is not built yet");
    }
}
