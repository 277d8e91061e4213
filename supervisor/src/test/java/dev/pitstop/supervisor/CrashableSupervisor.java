package dev.pitstop.supervisor;

import dev.pitstop.core.stack.ProbeSpec;
import dev.pitstop.core.stack.ProcessSpec;
import dev.pitstop.core.stack.Stack;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A supervisor in a JVM of its own, for tests that kill it with SIGKILL. Arguments: the stack folder, then
 * {@code name=command} per process; {@code --gated=name} gives that process the readiness probe
 * {@code test -f name.ready}. Each line {@code reload NAME} on stdin starts a reload of NAME.
 */
public final class CrashableSupervisor {
    private CrashableSupervisor() {}

    /** The command line that runs this class in a new JVM with the test class path. */
    static List<String> command(Path dir, String... processes) {
        List<String> argv = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), CrashableSupervisor.class.getName(), dir.toString()));
        argv.addAll(List.of(processes));
        return argv;
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        Set<String> gated = new java.util.HashSet<>();
        List<String[]> named = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            if (args[i].startsWith("--gated=")) {
                gated.add(args[i].substring("--gated=".length()));
            } else {
                named.add(args[i].split("=", 2));
            }
        }
        List<ProcessSpec> specs = new ArrayList<>();
        for (String[] n : named) {
            ProcessSpec.Builder b = SupervisorHarness.sh(n[0], n[1]);
            if (gated.contains(n[0])) {
                b.readinessProbe(new ProbeSpec(new ProbeSpec.Exec("test -f " + n[0] + ".ready", null),
                        Duration.ZERO, Duration.ofMillis(50), Duration.ofSeconds(1), 1, 1));
            }
            specs.add(b.build());
        }
        ProcessSupervisor supervisor = new ProcessSupervisor(SupervisorHarness.FAST.withSurvivalWindow(Duration.ofMillis(200)));
        supervisor.up(Stack.of(dir, specs));
        System.out.println("up");
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line; (line = in.readLine()) != null; ) {
            if (line.startsWith("reload ")) {
                String name = line.substring("reload ".length());
                new Thread(() -> supervisor.reload(name), "reload-" + name).start();
            }
        }
        supervisor.close();
    }
}
