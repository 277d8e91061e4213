package dev.pitstop.core.stack;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Expands {@code replicas: N} into processes {@code NAME-0} … {@code NAME-(N-1)}, numbers zero-padded to
 * the width of N-1's decade as Process Compose does ({@code ProcessConfig.CalculateReplicaName}); a
 * dependency on a replicated process becomes a dependency on each replica, one on a single replica
 * ({@code consumer-0}) stays as written.
 */
final class Replicas {
    static final String REPLICA_NUM = "PC_REPLICA_NUM";
    static final String PROC_NAME = "PC_PROC_NAME";

    private Replicas() {}

    static Map<String, ProcessSpec> expand(Map<String, ParsedProcess> parsed) {
        Map<String, ProcessSpec> out = new LinkedHashMap<>();
        for (ParsedProcess p : parsed.values()) {
            Map<String, DependencyCondition> deps = new LinkedHashMap<>();
            p.spec().dependsOn().forEach((target, condition) -> {
                ParsedProcess whole = parsed.get(target);
                (whole == null ? List.of(target) : names(whole)).forEach(n -> deps.putIfAbsent(n, condition));
            });
            List<String> names = names(p);
            for (int i = 0; i < names.size(); i++) {
                out.put(names.get(i), replica(p.replicaSpecs().get(i), names.get(i), i, deps));
            }
        }
        return out;
    }

    /** Every replica's name, mapped to its process as written. */
    static Map<String, ParsedProcess> owners(Map<String, ParsedProcess> parsed) {
        Map<String, ParsedProcess> owners = new HashMap<>();
        parsed.values().forEach(p -> names(p).forEach(n -> owners.put(n, p)));
        return owners;
    }

    static List<String> names(ParsedProcess p) {
        if (p.replicas() <= 1) {
            return List.of(p.name());
        }
        int width = 1 + (int) Math.log10(p.replicas());
        List<String> names = new ArrayList<>();
        for (int i = 0; i < p.replicas(); i++) {
            names.add(p.name() + "-" + String.format("%0" + width + "d", i));
        }
        return names;
    }

    private static ProcessSpec replica(ProcessSpec t, String name, int number, Map<String, DependencyCondition> deps) {
        Map<String, String> env = new LinkedHashMap<>(t.environment());
        env.put(PROC_NAME, t.name());
        env.put(REPLICA_NUM, Integer.toString(number));
        return new ProcessSpec(name, t.command(), t.entrypoint().isEmpty() ? null : t.entrypoint(), t.workingDir(), env,
                deps, t.readinessProbe(), t.livenessProbe(), t.readyLogLine(), t.availability(), t.shutdown(),
                t.logLocation(), t.disabled(), t.successExitCodes(), t.onDependencyReload(), t.reloadTimeout(),
                t.binaries(), t.namespaces(), t.preflight(), t.daemon(), t.readyNotification(),
                t.envCommandKeys());
    }
}
