package dev.pitstop.drill.host;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.function.Supplier;

/** Where the stack's supervisor runs: this JVM ({@code --up}), or the pid its control socket's pid file names. */
public final class Supervisor {
    private final Supplier<OptionalLong> pid;

    private Supervisor(Supplier<OptionalLong> pid) {
        this.pid = pid;
    }

    public static Supervisor thisProcess() {
        long self = ProcessHandle.current().pid();
        return new Supervisor(() -> OptionalLong.of(self));
    }

    /** @param stateDir the stack's {@code .pitstop/}, whose {@code pitstop.pid} names the running supervisor */
    public static Supervisor fromPidFile(Path stateDir) {
        Path file = stateDir.resolve("pitstop.pid");
        return new Supervisor(() -> {
            try {
                return OptionalLong.of(Long.parseLong(Files.readString(file).strip()));
            } catch (IOException | NumberFormatException e) {
                return OptionalLong.empty();
            }
        });
    }

    /** The pid now, if it is known and that process is alive. */
    public OptionalLong pid() {
        OptionalLong now = pid.get();
        if (now.isPresent() && ProcessHandle.of(now.getAsLong()).map(ProcessHandle::isAlive).orElse(false)) {
            return now;
        }
        return OptionalLong.empty();
    }
}
