package dev.pitstop.supervisor;

import java.util.function.BiPredicate;
import java.util.function.Consumer;

/**
 * What one run announced over its notification channel: readiness ({@code READY=1}, not ready again after
 * {@code RELOADING=1} or {@code STOPPING=1}), its {@code STATUS=} text and its watchdog pings. Messages that arrive
 * before the readiness check listens are not lost: the listener gets the latest readiness when it subscribes.
 */
final class RunNotification implements AutoCloseable {
    /** What a run's owner does with the watchdog messages. */
    interface Watchdog {
        void ping();

        /** {@code WATCHDOG=trigger}: the process asks to be treated as hung. */
        void trigger();
    }

    private final BiPredicate<Long, Run> sender;
    private final Consumer<String> log;
    private AutoCloseable channel = () -> { };
    private volatile Run run;
    private Boolean ready;
    private Consumer<Boolean> readiness;
    private volatile String status;
    private volatile Watchdog watchdog;

    /**
     * @param sender whether a message from this PID (0: unknown) belongs to the run (null before it started)
     * @param log    where notable messages are written (the process's log)
     */
    RunNotification(BiPredicate<Long, Run> sender, Consumer<String> log) {
        this.sender = sender;
        this.log = log;
    }

    /** The run these messages are about, once it started. */
    void attach(Run started) {
        run = started;
    }

    /** The socket or pipe this run's messages come through; closed with the run. */
    synchronized void channel(AutoCloseable c) {
        this.channel = c;
    }

    /** Subscribes to changes of readiness; gets the latest one at once if there was one. */
    synchronized void onReadiness(Consumer<Boolean> listener) {
        readiness = listener;
        if (ready != null) {
            listener.accept(ready);
        }
    }

    void onWatchdog(Watchdog w) {
        watchdog = w;
    }

    /** The last {@code STATUS=} text, or null. */
    String status() {
        return status;
    }

    /** An s6-style notification: the newline on the descriptor. */
    void readyByDescriptor() {
        changeReadiness(true);
    }

    /** One sd_notify datagram from {@code pid}. */
    void datagram(long pid, String text) {
        if (!sender.test(pid, run)) {
            log.accept("[pitstop] ignored a notification from pid " + pid + ", which is not part of this run");
            return;
        }
        NotifyMessage m = NotifyMessage.parse(text);
        m.get("STATUS").ifPresent(s -> status = s);
        Watchdog w = watchdog;
        if (w != null && m.says("WATCHDOG", "1")) {
            w.ping();
        }
        if (w != null && m.says("WATCHDOG", "trigger")) {
            w.trigger();
        }
        if (m.says("STOPPING", "1")) {
            log.accept("[pitstop] the process says it is stopping");
            changeReadiness(false);
        } else if (m.says("RELOADING", "1")) {
            log.accept("[pitstop] the process says it is reloading");
            changeReadiness(false);
        } else if (m.says("READY", "1")) {
            changeReadiness(true);
        }
    }

    /**
     * Delivers outside this object's lock: the listener takes the process's lock, and {@link #onReadiness} is called
     * under that one (it may deliver under its own, since the order of the two locks is then the same).
     */
    private void changeReadiness(boolean now) {
        Consumer<Boolean> listener;
        synchronized (this) {
            if (ready != null && ready == now) {
                return;
            }
            ready = now;
            listener = readiness;
        }
        if (listener != null) {
            listener.accept(now);
        }
    }

    @Override
    public void close() throws Exception {
        AutoCloseable c;
        synchronized (this) {
            c = channel;
            readiness = null;
        }
        c.close();
    }
}
