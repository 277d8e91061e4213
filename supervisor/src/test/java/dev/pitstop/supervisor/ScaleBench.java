package dev.pitstop.supervisor;

import dev.pitstop.core.stack.ProcessSpec;
import dev.pitstop.core.stack.Stack;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Whole-process benchmark subject for {@code benchmarks/supervisor-scale.sh}: supervises N {@code sleep} children
 * until stdin says {@code down} (or ends), then stops them and exits. The script measures from the outside.
 */
public final class ScaleBench {
    private ScaleBench() {}

    public static void main(String[] args) throws IOException {
        int count = Integer.parseInt(args[0]);
        Path dir = Path.of(args[1]).toAbsolutePath();
        List<ProcessSpec> specs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            specs.add(ProcessSpec.builder("p" + i).entrypoint(List.of("sleep", "100000")).build());
        }
        try (ProcessSupervisor supervisor = new ProcessSupervisor(SupervisorConfig.DEFAULTS)) {
            supervisor.up(Stack.of(dir, specs));
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String line = in.readLine(); line != null && !line.equals("down"); line = in.readLine()) {
                // only "down" or the end of stdin stops the stack
            }
        }
    }
}
