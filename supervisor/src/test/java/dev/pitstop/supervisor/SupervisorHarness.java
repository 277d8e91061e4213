package dev.pitstop.supervisor;

import dev.pitstop.core.process.Signal;
import static org.awaitility.Awaitility.await;

import dev.pitstop.core.event.Event;
import dev.pitstop.core.event.EventType;
import dev.pitstop.core.process.ProcessState;
import dev.pitstop.core.process.ProcessStatus;
import dev.pitstop.core.stack.ProcessSpec;
import dev.pitstop.core.stack.ShutdownSpec;
import dev.pitstop.core.stack.Stack;
import dev.pitstop.testkit.ProcessLeaks;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** Runs one supervisor per test with short timeouts; closes it and checks for leaked processes afterwards. */
abstract class SupervisorHarness {
    private static final Pattern PID = Pattern.compile("pid (\\d+)");

    static final SupervisorConfig FAST = SupervisorConfig.DEFAULTS.withSurvivalWindow(Duration.ofMillis(300));
    static final ShutdownSpec QUICK_STOP = new ShutdownSpec(null, new Signal(15), Duration.ofMillis(1500), false);

    @TempDir
    Path dir;
    ProcessSupervisor supervisor;
    final List<Event> events = new CopyOnWriteArrayList<>();
    /** Every process group a run of this test led; all must be empty at the end. */
    final Set<Long> groups = ConcurrentHashMap.newKeySet();

    /**
     * Whether this run forces the POSIX-only process platform (CI runs the suite a second time so): it has no
     * subreaper and cannot tell a process's executable.
     */
    static boolean posix() {
        String forced = System.getenv(dev.pitstop.supervisor.platform.ProcessPlatforms.VARIABLE);
        return forced != null && forced.strip().equalsIgnoreCase("posix");
    }

    Stack stack(ProcessSpec... specs) {
        return Stack.of(dir, List.of(specs));
    }

    static ProcessSpec.Builder sh(String name, String command) {
        return ProcessSpec.builder(name).command(command).shutdown(QUICK_STOP);
    }

    ProcessSupervisor up(SupervisorConfig config, Stack stack) {
        supervisor = new ProcessSupervisor(config);
        supervisor.addListener(e -> {
            events.add(e);
            if (e.type() == EventType.STATE_CHANGED && e.detail().startsWith("Running")) {
                Matcher m = PID.matcher(e.detail());
                if (m.find()) {
                    groups.add(Long.parseLong(m.group(1)));
                }
            }
        });
        supervisor.up(stack);
        return supervisor;
    }

    ProcessSupervisor up(ProcessSpec... specs) {
        return up(FAST, stack(specs));
    }

    /** Waits for the state and for its event, so that every earlier event has reached {@link #events} too. */
    ProcessStatus awaitState(String name, ProcessState state) {
        await().atMost(Duration.ofSeconds(15)).until(() -> supervisor.status(name).state() == state
                && lastState(name).startsWith(state.label()));
        return supervisor.status(name);
    }

    ProcessStatus awaitRunning(String name) {
        await().atMost(Duration.ofSeconds(15)).until(() -> supervisor.status(name).state() == ProcessState.RUNNING
                && supervisor.status(name).pid() > 0 && lastState(name).startsWith("Running"));
        ProcessStatus s = supervisor.status(name);
        groups.add(s.pid());
        return s;
    }

    private String lastState(String name) {
        List<Event> changes = events(EventType.STATE_CHANGED, name);
        return changes.isEmpty() ? "" : changes.get(changes.size() - 1).detail();
    }

    /** Waits until an event of this type (for this process, or stack-wide when null) was delivered. */
    void awaitEvent(EventType type, String process) {
        await().atMost(Duration.ofSeconds(15)).until(() -> events.stream()
                .anyMatch(e -> e.type() == type && java.util.Objects.equals(process, e.process())));
    }

    List<Event> events(EventType type, String process) {
        return events.stream().filter(e -> e.type() == type && process.equals(e.process())).toList();
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @AfterEach
    void closeAndCheckLeaks() {
        if (supervisor != null) {
            supervisor.close();
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> ProcessLeaks.assertNone(groups));
    }
}
