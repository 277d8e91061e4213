package dev.pitstop.core.stack;

import dev.pitstop.core.PitstopException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What of a stack {@code up} runs, as Process Compose's {@code -n NAMESPACE} and {@code up NAME...} choose it:
 * <ul>
 *   <li>{@code namespaces}: only the processes of these namespaces exist; a dependency on a process left out is
 *       dropped, so what remains can start (Process Compose's admission, {@code src/admitter});</li>
 *   <li>{@code processes}: these and, transitively, what they depend on are enabled (even if the file disables
 *       them), every other process is disabled, so {@code pitstop start} can still run it; with
 *       {@code noDeps}, only these, without their dependencies (Process Compose's {@code --no-deps}). A name
 *       matches a process or all replicas of it.</li>
 * </ul>
 * Applied to the stack as read, and again to each re-read, so an update does not start what was left out.
 */
public record StackSelection(List<String> namespaces, List<String> processes, boolean noDeps) {
    public static final StackSelection ALL = new StackSelection(List.of(), List.of(), false);

    public StackSelection {
        namespaces = List.copyOf(namespaces);
        processes = List.copyOf(processes);
    }

    public boolean isAll() {
        return namespaces.isEmpty() && processes.isEmpty();
    }

    public Stack apply(Stack stack) {
        if (isAll()) {
            return stack;
        }
        Map<String, ProcessSpec> admitted = admit(stack.processes());
        return stack.withProcesses(processes.isEmpty() ? admitted : select(admitted));
    }

    private Map<String, ProcessSpec> admit(Map<String, ProcessSpec> all) {
        if (namespaces.isEmpty()) {
            return all;
        }
        Map<String, ProcessSpec> kept = new LinkedHashMap<>();
        all.values().stream().filter(p -> p.namespaces().stream().anyMatch(namespaces::contains))
                .forEach(p -> kept.put(p.name(), p));
        kept.replaceAll((name, p) -> {
            var deps = new LinkedHashMap<>(p.dependsOn());
            deps.keySet().retainAll(kept.keySet());
            return p.selected(p.disabled(), deps);
        });
        return kept;
    }

    private Map<String, ProcessSpec> select(Map<String, ProcessSpec> all) {
        Set<String> named = new LinkedHashSet<>();
        for (String wanted : processes) {
            List<String> matches = all.keySet().stream().filter(n -> n.equals(wanted)).toList();
            if (matches.isEmpty()) {
                matches = all.keySet().stream().filter(n -> n.matches(java.util.regex.Pattern.quote(wanted) + "-\\d+"))
                        .toList();
            }
            if (matches.isEmpty()) {
                throw new PitstopException("no process " + wanted + " in the stack" + (namespaces.isEmpty() ? ""
                        : " (in namespaces " + String.join(", ", namespaces) + ")"));
            }
            named.addAll(matches);
        }
        Set<String> enabled = new LinkedHashSet<>(named);
        if (!noDeps) {
            Deque<String> todo = new ArrayDeque<>(named);
            while (!todo.isEmpty()) {
                for (String dep : all.get(todo.pop()).dependsOn().keySet()) {
                    if (all.containsKey(dep) && enabled.add(dep)) {
                        todo.push(dep);
                    }
                }
            }
        }
        Map<String, ProcessSpec> chosen = new LinkedHashMap<>();
        all.forEach((name, p) -> chosen.put(name, enabled.contains(name)
                ? p.selected(false, noDeps ? Map.of() : p.dependsOn())
                : p.selected(true, p.dependsOn())));
        return chosen;
    }
}
