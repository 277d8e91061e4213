package dev.pitstop.supervisor;

import dev.pitstop.supervisor.platform.ProcessTable;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;

/**
 * {@code is_daemon}: the command forked the service and exited with success. What it left running, in its group or
 * outside (found by the run's environment marker, re-parented to our subreaper), is the process from then on; the run
 * ends when the last of it has exited. A daemon that forks once more before its parent exits is followed too: every
 * exit looks again before the run counts as ended.
 */
final class DaemonWatch {
    private static final int EXEC_LOOKS = 5;

    private final SupervisorServices sv;
    private final String name;
    private final Run run;
    private final IntConsumer ended;
    private final Set<Long> followed = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean over = new AtomicBoolean();
    private final AtomicInteger pending = new AtomicInteger();
    private final long self = ProcessHandle.current().pid();
    /** The exit code of the last followed process that was our child (so reaped by us), or null. */
    private volatile Integer reaped;

    /** @param ended called once with the exit code of the last daemon process (0 when init reaped it) */
    DaemonWatch(SupervisorServices sv, String name, Run run, IntConsumer ended) {
        this.sv = sv;
        this.name = name;
        this.run = run;
        this.ended = ended;
    }

    /** @return false when the launcher left nothing running: the run simply exited */
    boolean start() {
        List<ProcessTable.Stat> daemons = sv.strays.of(name, Set.of());
        // the launcher's exit is seen within microseconds, maybe while its daemon is still in execve: between the
        // switch to the new memory and the new stack, /proc/PID/environ reads empty, so the marker is missing for a
        // moment; look again a few times (at most 50 ms, on this worker) before concluding nothing was left
        for (int i = 0; daemons.isEmpty() && i < EXEC_LOOKS; i++) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
            daemons = sv.strays.of(name, Set.of());
        }
        if (daemons.isEmpty()) {
            return false;
        }
        run.daemonPid = daemons.get(0).pid();
        follow(daemons);
        return true;
    }

    private void follow(List<ProcessTable.Stat> daemons) {
        for (ProcessTable.Stat d : daemons) {
            if (!followed.add(d.pid())) {
                continue;
            }
            pending.incrementAndGet();
            boolean ours = d.ppid() == self; // only then is the exit code ours to read
            sv.ledger.started(name, d.pid(), sv.proc.commandLine(d.pid()));
            sv.orphans.watch(d).thenAcceptAsync(code -> {
                sv.ledger.ended(d.pid());
                if (ours) {
                    reaped = code;
                }
                List<ProcessTable.Stat> left = sv.strays.of(name, Set.of());
                if (!left.isEmpty()) {
                    run.daemonPid = left.get(0).pid();
                    follow(left);
                }
                // the last one to go decides, once every followed process is gone: a grandchild that ended first
                // must not end the run with its unknown code while its parent, our child, is still to be reaped
                if (pending.decrementAndGet() == 0 && left.isEmpty() && over.compareAndSet(false, true)) {
                    Integer known = reaped;
                    ended.accept(known != null ? known : code);
                }
            }, sv.workers);
        }
    }
}
