package dev.pitstop.core.stack;

import java.time.Duration;

/**
 * How a process announces itself that it is ready, instead of being probed (Pitstop's {@code ready:} key). The
 * process is then Ready from its announcement on, with no probe period in between.
 */
public sealed interface ReadyNotification permits ReadyNotification.SdNotify, ReadyNotification.NotifyFd {

    /**
     * systemd's {@code sd_notify} protocol ({@code ready: notify}): the process gets {@code NOTIFY_SOCKET} and sends
     * {@code READY=1}, {@code STATUS=…}, {@code RELOADING=1}, {@code STOPPING=1} and {@code WATCHDOG=1} datagrams.
     *
     * @param watchdog {@code watchdog_seconds}: when not zero, the process gets {@code WATCHDOG_USEC} and must send
     *                 {@code WATCHDOG=1} at least that often, or it is stopped as by a failing liveness probe
     */
    record SdNotify(Duration watchdog) implements ReadyNotification {
        /** Without a watchdog. */
        public static final SdNotify PLAIN = new SdNotify(Duration.ZERO);

        public SdNotify {
            watchdog = watchdog == null ? Duration.ZERO : watchdog;
            if (watchdog.isNegative()) {
                throw new IllegalArgumentException("watchdog must not be negative, not " + watchdog);
            }
        }
    }

    /**
     * s6's notification file descriptor ({@code ready: notify-fd N}): the process gets a pipe as descriptor
     * {@code fd} and writes a newline to it once it is ready.
     */
    record NotifyFd(int fd) implements ReadyNotification {
        /** 0, 1 and 2 are the process's standard streams; above this, a descriptor number is unusual enough. */
        public static final int MAX_FD = 1023;

        public NotifyFd {
            if (fd < 3 || fd > MAX_FD) {
                throw new IllegalArgumentException("the notification descriptor is 3.." + MAX_FD + ", not " + fd);
            }
        }
    }
}
