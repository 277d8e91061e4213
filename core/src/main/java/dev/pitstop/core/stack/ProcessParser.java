package dev.pitstop.core.stack;

import dev.pitstop.core.process.ProcessName;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads one entry of {@code processes:}, once per replica: Process Compose renders templates per
 * replica ({@code {{.PC_REPLICA_NUM}}}), so each replica may differ in command, ports and paths.
 */
final class ProcessParser {
    /** Process Compose's per-replica placeholder in {@code log_location}. */
    private static final String LOG_REPLICA = "{" + Replicas.REPLICA_NUM + "}";

    private final ReadContext ctx;
    private final ProbeParser probes;
    private final ProcessEnvironment environments;
    private final YamlNode stackVars;

    ProcessParser(ReadContext ctx, ProcessEnvironment environments, YamlNode stackVars) {
        this.ctx = ctx;
        this.probes = new ProbeParser(ctx);
        this.environments = environments;
        this.stackVars = stackVars;
    }

    ParsedProcess parse(YamlNode node) {
        String name = node.key();
        if (!node.isMap()) {
            throw node.error("a process is a map (command: …), found " + node.describe());
        }
        try {
            new ProcessName(name);
        } catch (IllegalArgumentException e) {
            throw node.keyError(e.getMessage());
        }
        ctx.checkKeys(node, Keys.PROCESS, Keys.PROCESS_PC_ONLY);
        TerminalUiKeys.check(node);
        LogConfiguration.read(ctx, node.get("log_configuration"));
        if (node.get("is_foreground").bool(false)) {
            ctx.warn(node.get("is_foreground"), "Process Compose starts it only from its terminal UI; as there, it "
                    + "is not started with the stack (pitstop start " + name + " runs it, without a terminal)");
        }
        YamlNode replicasNode = node.get("replicas");
        int replicas = replicasNode.integer(1);
        if (replicas < 1) {
            throw replicasNode.error("replicas must be at least 1, found " + replicas);
        }
        Map<String, DependencyCondition> dependsOn = new LinkedHashMap<>();
        Map<String, YamlNode> dependencyNodes = dependencies(node.get("depends_on"), dependsOn);
        List<ProcessSpec> specs = new ArrayList<>();
        for (int r = 0; r < replicas; r++) {
            specs.add(replica(node, Templater.of(stackVars, node.get("vars"), r), r, replicas, dependsOn));
        }
        return new ParsedProcess(node, specs.get(0), replicas, dependencyNodes, specs);
    }

    private ProcessSpec replica(YamlNode node, Templater t, int replica, int replicas,
                                Map<String, DependencyCondition> dependsOn) {
        t.render(node.get("description"));
        ProcessSpec.Builder b = ProcessSpec.builder(node.key());
        command(node, b, node.get("is_template_disabled").bool(false) ? null : t);
        String dir = t.render(node.get("working_dir"));
        Path workingDir = dir == null || dir.isEmpty() ? ctx.directory() : ctx.resolve(dir);
        if (!Files.isDirectory(workingDir)) {
            // said now, with its place, rather than only as a failed start later; an earlier process may still
            // create it, so (as for env_file) it stops the read only under is_strict
            String problem = (Files.exists(workingDir) ? "not a folder: " : "no such folder: ") + dir + " ("
                    + workingDir + ")";
            if (ctx.strict()) {
                throw node.get("working_dir").error(problem);
            }
            ctx.warn(node.get("working_dir"), problem + "; the process cannot start until it exists");
        }
        b.workingDir(workingDir);
        Path envFileBase = dir == null || dir.isEmpty() ? ctx.directory() : workingDir;
        b.environment(environments.of(node, t, envFileBase));
        b.envCommandKeys(environments.envCommandKeys(node, envFileBase));
        dependsOn.forEach(b::dependsOn);
        b.readinessProbe(probes.parse(node.get("readiness_probe"), workingDir, t));
        b.livenessProbe(probes.parse(node.get("liveness_probe"), workingDir, t));
        b.readyLogLine(readyLogLine(node.get("ready_log_line")));
        if (!node.get("ready_log_line").isMissing() && !node.get("readiness_probe").isMissing()) {
            throw node.get("ready_log_line").keyError("ready_log_line and readiness_probe cannot both be set "
                    + "(Process Compose refuses this too)");
        }
        b.readyNotification(ReadyParser.parse(node));
        b.availability(Policies.availability(ctx, node.get("availability")));
        b.shutdown(Policies.shutdown(ctx, node.get("shutdown")));
        b.logLocation(logLocation(t.render(node.get("log_location")), replica, replicas));
        // Process Compose defers a foreground process as it defers a disabled one (ProcessConfig.IsDeferred)
        b.disabled(disabled(node) || node.get("is_foreground").bool(false));
        b.daemon(node.get("is_daemon").bool(false));
        b.successExitCodes(exitCodes(node.get("success_exit_codes")));
        b.onDependencyReload(Policies.onDependencyReload(node.get("on_dependency_reload")));
        b.reloadTimeout(Policies.seconds(Policies.positiveOrDefault(node.get("reload_timeout_seconds"),
                ProcessSpec.DEFAULT_RELOAD_TIMEOUT.toMillis() / 1000.0)));
        b.namespaces(namespaces(node.get("namespace")));
        b.preflight(preflight(node.get("preflight"), t));
        return b.build();
    }

    private static String preflight(YamlNode node, Templater t) {
        String command = t.render(node);
        if (command != null && command.isBlank()) {
            throw node.error("preflight is empty; leave it out or name a command");
        }
        return command;
    }

    private Path logLocation(String log, int replica, int replicas) {
        if (log == null || log.isEmpty()) {
            return null;
        }
        if (log.contains(LOG_REPLICA)) {
            log = log.replace(LOG_REPLICA, Integer.toString(replica));
        } else if (replicas > 1) {
            log = log + "." + replica;
        }
        return ctx.resolve(log);
    }

    /** {@code is_disabled: "true"/"false"} (a string, so that an override file can turn it off) wins over {@code disabled}. */
    private static boolean disabled(YamlNode node) {
        String isDisabled = node.get("is_disabled").string();
        if ("true".equals(isDisabled) || "false".equals(isDisabled)) {
            return Boolean.parseBoolean(isDisabled);
        }
        return node.get("disabled").bool(false);
    }

    /** A name or a list of names; empty entries and repeats dropped, as Process Compose normalizes them. */
    private static List<String> namespaces(YamlNode node) {
        Set<String> names = new LinkedHashSet<>();
        List<YamlNode> items = node.isList() ? node.items() : node.isMissing() ? List.of() : List.of(node);
        for (YamlNode item : items) {
            String n = item.string("").strip();
            if (!n.isEmpty()) {
                names.add(n);
            }
        }
        return List.copyOf(names);
    }

    private static void command(YamlNode node, ProcessSpec.Builder b, Templater t) {
        YamlNode command = node.get("command");
        YamlNode entrypoint = node.get("entrypoint");
        if (!command.isMissing() && !entrypoint.isMissing()) {
            throw entrypoint.keyError("set either command or entrypoint, not both");
        }
        if (!command.isMissing()) {
            String text = t == null ? command.string() : t.render(command);
            if (text.isBlank()) {
                throw command.error("command is empty");
            }
            b.command(text);
            return;
        }
        List<String> argv = new ArrayList<>();
        for (YamlNode arg : entrypoint.items()) {
            argv.add(arg.string(""));
        }
        if (argv.isEmpty()) {
            throw (entrypoint.isMissing() ? node : entrypoint).keyError(
                    entrypoint.isMissing() ? "a process needs a command or an entrypoint" : "entrypoint is empty");
        }
        b.entrypoint(argv);
    }

    private Map<String, YamlNode> dependencies(YamlNode dependsOn, Map<String, DependencyCondition> into) {
        Map<String, YamlNode> nodes = new LinkedHashMap<>();
        for (YamlNode dep : dependsOn.entries()) {
            DependencyCondition condition = DependencyCondition.PROCESS_STARTED;
            if (!dep.isMissing()) {
                ctx.checkKeys(dep, Keys.DEPENDENCY, Keys.NONE);
                YamlNode c = dep.get("condition");
                String text = c.string();
                if (text != null) {
                    condition = DependencyCondition.fromYaml(text);
                    if (condition == null) {
                        throw c.error("unknown condition '" + text + "'; expected one of process_started, "
                                + "process_completed, process_completed_successfully, process_healthy, process_log_ready");
                    }
                }
            }
            into.put(dep.key(), condition);
            nodes.put(dep.key(), dep);
        }
        return nodes;
    }

    private static String readyLogLine(YamlNode node) {
        String regex = node.string();
        if (regex == null) {
            return null;
        }
        try {
            Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw node.error("not a valid regular expression: " + e.getDescription() + " near index " + e.getIndex());
        }
        return regex;
    }

    /** As in Process Compose, 0 is always a success; the listed codes (0..255) are successes too. */
    private static Set<Integer> exitCodes(YamlNode node) {
        Set<Integer> codes = new LinkedHashSet<>(Set.of(0));
        for (YamlNode code : node.items()) {
            int c = code.integer(0);
            if (c < 0 || c > 255) {
                code.warnOrFailWhenStrict("an exit code is 0..255, found " + c + "; it can never match");
            }
            codes.add(c);
        }
        return codes;
    }

    static boolean exists(Path file) {
        return Files.isRegularFile(file);
    }
}
