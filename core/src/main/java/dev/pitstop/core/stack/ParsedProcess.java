package dev.pitstop.core.stack;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One {@code processes:} entry as written, before its replicas are expanded.
 *
 * @param spec the first replica under the written name, dependencies as written
 * @param dependencyNodes where each {@code depends_on} entry is, for errors found later
 * @param replicaSpecs every replica, rendered with its own {@code PC_REPLICA_NUM}, under the written name
 */
record ParsedProcess(YamlNode node, ProcessSpec spec, int replicas, Map<String, YamlNode> dependencyNodes,
                     List<ProcessSpec> replicaSpecs) {
    ParsedProcess withBinaries(Set<String> binaries) {
        return new ParsedProcess(node, spec.withBinaries(binaries), replicas, dependencyNodes,
                replicaSpecs.stream().map(s -> s.withBinaries(binaries)).toList());
    }

    String name() {
        return spec.name();
    }
}
