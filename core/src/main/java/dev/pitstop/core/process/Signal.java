package dev.pitstop.core.process;

/**
 * A POSIX signal by number, as stack files give it ({@code shutdown.signal: 15}). Numbers are Linux's; the
 * common ones are the same on macOS.
 */
public record Signal(int number) {
    public static final Signal HUP = new Signal(1);
    public static final Signal INT = new Signal(2);
    public static final Signal QUIT = new Signal(3);
    public static final Signal KILL = new Signal(9);
    public static final Signal USR1 = new Signal(10);
    public static final Signal USR2 = new Signal(12);
    public static final Signal TERM = new Signal(15);
    /** The highest standard signal; real-time signals are not accepted. */
    public static final int MAX = 31;

    public Signal {
        if (number < 1 || number > MAX) {
            throw new IllegalArgumentException("a signal is 1.." + MAX + ", found " + number);
        }
    }

    /** {@code SIGTERM (15)} for the common ones, {@code signal 7} for the rest. */
    @Override
    public String toString() {
        String name = switch (number) {
            case 1 -> "SIGHUP";
            case 2 -> "SIGINT";
            case 3 -> "SIGQUIT";
            case 9 -> "SIGKILL";
            case 10 -> "SIGUSR1";
            case 12 -> "SIGUSR2";
            case 15 -> "SIGTERM";
            default -> null;
        };
        return name == null ? "signal " + number : name + " (" + number + ")";
    }
}
