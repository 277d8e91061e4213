package dev.pitstop.supervisor;

import dev.pitstop.supervisor.platform.FdMapping;
import java.util.List;
import java.util.Map;

/**
 * What a run of a process gets on top of its stack-file settings: its notification channel.
 *
 * @param environment set after the stack's and the process's environment ({@code NOTIFY_SOCKET}, …)
 * @param fds         extra descriptors (the write end of a {@code ready: notify-fd N} pipe)
 */
record LaunchExtras(Map<String, String> environment, List<FdMapping> fds) {
    static final LaunchExtras NONE = new LaunchExtras(Map.of(), List.of());

    LaunchExtras {
        environment = Map.copyOf(environment);
        fds = List.copyOf(fds);
    }
}
