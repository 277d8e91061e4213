package dev.pitstop.supervisor;

import dev.pitstop.core.process.ApplyResult;
import dev.pitstop.core.stack.ProcessSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What {@code apply} has to do: specs compared by value, names in the new stack's order (removed: old order). */
record StackDiff(List<String> added, List<String> removed, List<String> changed, List<String> unchanged) {

    static StackDiff between(Map<String, ProcessSpec> current, Map<String, ProcessSpec> wanted) {
        List<String> added = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        List<String> unchanged = new ArrayList<>();
        wanted.forEach((name, spec) -> {
            ProcessSpec old = current.get(name);
            (old == null ? added : old.equals(spec) ? unchanged : changed).add(name);
        });
        List<String> removed = current.keySet().stream().filter(n -> !wanted.containsKey(n)).toList();
        return new StackDiff(List.copyOf(added), removed, List.copyOf(changed), List.copyOf(unchanged));
    }

    ApplyResult toResult() {
        return new ApplyResult(added, removed, changed, unchanged);
    }
}
