package dev.pitstop.core.stack;

import java.util.Map;
import java.util.Set;

/**
 * One {@code processes:} entry as written, before its replicas are expanded.
 *
 * @param spec the process under its written name, dependencies on written names
 * @param dependencyNodes where each {@code depends_on} entry is, for errors found later
 */
record ParsedProcess(YamlNode node, ProcessSpec spec, int replicas, Map<String, YamlNode> dependencyNodes) {
    ParsedProcess withBinaries(Set<String> binaries) {
        return new ParsedProcess(node, spec.withBinaries(binaries), replicas, dependencyNodes);
    }

    String name() {
        return spec.name();
    }
}
