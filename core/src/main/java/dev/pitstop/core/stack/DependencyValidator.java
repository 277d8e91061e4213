package dev.pitstop.core.stack;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Checks {@code depends_on} across processes: targets exist, conditions can be met, no cycles. */
final class DependencyValidator {
    private enum Visit { ACTIVE, DONE }

    private final Map<String, ParsedProcess> processes;
    /** Written names and replica names ({@code consumer-0}) alike. */
    private final Map<String, ParsedProcess> owners;

    DependencyValidator(Map<String, ParsedProcess> processes) {
        this.processes = processes;
        this.owners = Replicas.owners(processes);
    }

    void validate() {
        for (ParsedProcess p : processes.values()) {
            p.spec().dependsOn().forEach((target, condition) -> checkTarget(p, target, condition));
        }
        Map<String, Visit> visits = new HashMap<>();
        for (String name : processes.keySet()) {
            visit(name, visits, new ArrayList<>());
        }
    }

    private void checkTarget(ParsedProcess p, String target, DependencyCondition condition) {
        YamlNode at = p.dependencyNodes().get(target);
        ParsedProcess dependency = processes.containsKey(target) ? processes.get(target) : owners.get(target);
        if (dependency == null) {
            throw at.keyError("no process named '" + target + "'");
        }
        if (dependency.spec().disabled() && !p.spec().disabled()) {
            at.warnOrFailWhenStrict("'" + target + "' is disabled, so this dependency can never be met");
        }
        if (condition == DependencyCondition.PROCESS_HEALTHY && dependency.spec().readinessProbe() == null
                && dependency.spec().readyNotification() == null) {
            throw conditionNode(at).error("process_healthy needs a readiness_probe or ready: on '" + target
                    + "', which has neither");
        }
        if (condition == DependencyCondition.PROCESS_LOG_READY && dependency.spec().readyLogLine() == null) {
            throw conditionNode(at).error("process_log_ready needs a ready_log_line on '" + target + "', which has none");
        }
    }

    private YamlNode dependencyNode(ParsedProcess from, String to) {
        return from.dependencyNodes().entrySet().stream()
                .filter(e -> e.getKey().equals(to) || owners.get(e.getKey()) == processes.get(to))
                .map(Map.Entry::getValue).findFirst().orElse(from.node());
    }

    private static YamlNode conditionNode(YamlNode dependency) {
        YamlNode condition = dependency.get("condition");
        return condition.isMissing() ? dependency : condition;
    }

    /** Depth-first; meeting a process that is still on the path closes a cycle. */
    private void visit(String name, Map<String, Visit> visits, List<String> path) {
        Visit state = visits.get(name);
        if (state == Visit.DONE) {
            return;
        }
        if (state == Visit.ACTIVE) {
            List<String> cycle = new ArrayList<>(path.subList(path.indexOf(name), path.size()));
            cycle.add(name);
            YamlNode at = dependencyNode(processes.get(cycle.get(0)), cycle.get(1));
            throw at.keyError("dependency cycle: " + String.join(" -> ", cycle));
        }
        visits.put(name, Visit.ACTIVE);
        path.add(name);
        for (String target : processes.get(name).spec().dependsOn().keySet()) {
            visit(processes.containsKey(target) ? target : owners.get(target).name(), visits, path);
        }
        path.remove(path.size() - 1);
        visits.put(name, Visit.DONE);
    }
}
