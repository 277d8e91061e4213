package dev.pitstop.core.engine;

/** The JVM shutdown hook of one running engine: registered while its stack runs, removed once it is down. */
final class JvmShutdownHook {
    private final Thread thread;
    private boolean registered;

    JvmShutdownHook(String stackName, Runnable down) {
        this.thread = new Thread(down, "pitstop-shutdown-" + stackName);
    }

    synchronized void register() {
        if (!registered) {
            Runtime.getRuntime().addShutdownHook(thread);
            registered = true;
        }
    }

    /** Removes the hook; a no-op while the JVM is already shutting down (the hook may be what calls this). */
    synchronized void remove() {
        if (!registered) {
            return;
        }
        registered = false;
        try {
            Runtime.getRuntime().removeShutdownHook(thread);
        } catch (IllegalStateException shuttingDown) {
            // the JVM runs its hooks: ours is one of them, or has already stopped the stack
        }
    }
}
