package dev.pitstop.testkit;

import com.google.inject.Module;
import com.google.inject.util.Modules;
import dev.pitstop.core.Engine;
import dev.pitstop.core.Pitstop;
import dev.pitstop.core.event.EventType;
import dev.pitstop.core.stack.HostEnvironment;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Starts one stack for a test: work folder, free ports, variables, engine, {@code up}, {@code awaitReady}.
 * The engine's own JVM shutdown hook stops the stack when the test JVM is told to end (SIGTERM, Ctrl-C); after a
 * SIGKILL the next start in the same work folder finds what was left running and stops it (the supervisor's
 * leftover detection), and the testkit reports each by name.
 */
final class StackStarter {
    private StackStarter() {}

    static PitstopStack start(StackConfig config, Path workDir) throws InterruptedException {
        Path stackFile = WorkFolder.prepare(workDir, config);
        Map<String, Integer> ports = FreePorts.allocate(config.ports());
        Map<String, String> variables = new HashMap<>(System.getenv());
        ports.forEach((name, port) -> variables.put(name, Integer.toString(port)));
        variables.putAll(config.variables());
        HostEnvironment environment = HostEnvironment.of(variables);
        Module settings = binder -> binder.bind(HostEnvironment.class).toInstance(environment);
        Path home = config.home() != null ? config.home() : WorkFolder.root().resolve("home");
        Engine engine = Pitstop.builder().home(home).override(Modules.override(settings).with(config.overrides()))
                .open(stackFile);
        try {
            engine.up();
            List<PitstopStack.Leftover> leftovers = leftovers(engine);
            engine.awaitReady(config.readyTimeout());
            return new PitstopStack(engine, workDir, ports, leftovers);
        } catch (RuntimeException | InterruptedException | Error e) {
            List<PitstopStack.Leftover> leftovers = leftovers(engine);
            engine.close();
            throw new StackStartException(stackFile, e, leftovers);
        }
    }

    private static List<PitstopStack.Leftover> leftovers(Engine engine) {
        return engine.events(Integer.MAX_VALUE).stream()
                .filter(e -> e.type() == EventType.LEFTOVER_STOPPED)
                .map(e -> new PitstopStack.Leftover(e.process(), e.detail())).toList();
    }
}
