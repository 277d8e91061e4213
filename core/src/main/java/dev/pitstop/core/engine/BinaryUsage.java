package dev.pitstop.core.engine;

import dev.pitstop.core.stack.ProcessSpec;
import dev.pitstop.core.stack.Stack;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which processes run which managed binary. The reader resolves {@code ${bin:NAME}} to the absolute path of
 * {@code .pitstop/bin/NAME}, so a process uses a binary when that path appears in its command or argv.
 */
final class BinaryUsage {
    private BinaryUsage() {}

    static Path link(Stack stack, String binary) {
        return stack.stateDir().resolve("bin").resolve(binary);
    }

    static List<String> processesUsing(Stack stack, String binary) {
        String path = link(stack, binary).toString();
        return stack.processes().values().stream()
                .filter(p -> !p.disabled() && mentions(p, path))
                .map(ProcessSpec::name)
                .toList();
    }

    static Set<String> binariesOf(Stack stack, String process) {
        ProcessSpec spec = stack.processes().get(process);
        Set<String> names = new TreeSet<>();
        if (spec != null) {
            for (String binary : stack.binaries().keySet()) {
                if (mentions(spec, link(stack, binary).toString())) {
                    names.add(binary);
                }
            }
        }
        return names;
    }

    private static boolean mentions(ProcessSpec spec, String path) {
        if (spec.command() != null) {
            return spec.command().contains(path);
        }
        return spec.entrypoint().stream().anyMatch(arg -> arg.contains(path));
    }
}
