package dev.pitstop.core.stack;

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

/** Reads one entry of {@code processes:}. */
final class ProcessParser {
    private final ReadContext ctx;
    private final ProbeParser probes;
    private final Map<String, String> stackEnvironment;

    ProcessParser(ReadContext ctx, Map<String, String> stackEnvironment) {
        this.ctx = ctx;
        this.probes = new ProbeParser(ctx);
        this.stackEnvironment = stackEnvironment;
    }

    ParsedProcess parse(YamlNode node) {
        String name = node.key();
        if (!node.isMap()) {
            throw node.error("a process is a map (command: …), found " + node.describe());
        }
        ctx.checkKeys(node, Keys.PROCESS, Keys.PROCESS_PC_ONLY);
        // labels only: read so that a wrong type is still reported
        node.get("description").string();
        node.get("namespace").string();

        ProcessSpec.Builder b = ProcessSpec.builder(name);
        command(node, b);
        String dir = node.get("working_dir").string();
        Path workingDir = dir == null ? ctx.directory() : ctx.resolve(dir);
        b.workingDir(workingDir);
        b.environment(environment(node));
        Map<String, YamlNode> dependencyNodes = dependencies(node.get("depends_on"), b);
        b.readinessProbe(probes.parse(node.get("readiness_probe"), workingDir));
        b.livenessProbe(probes.parse(node.get("liveness_probe"), workingDir));
        b.readyLogLine(readyLogLine(node.get("ready_log_line")));
        b.availability(Policies.availability(ctx, node.get("availability")));
        b.shutdown(Policies.shutdown(ctx, node.get("shutdown")));
        String log = node.get("log_location").string();
        b.logLocation(log == null ? null : ctx.resolve(log));
        b.disabled(node.get("disabled").bool(false));
        b.successExitCodes(exitCodes(node.get("success_exit_codes")));
        b.onDependencyReload(Policies.onDependencyReload(node.get("on_dependency_reload")));
        b.reloadTimeoutSeconds(Policies.positiveOrDefault(node.get("reload_timeout_seconds"),
                ProcessSpec.DEFAULT_RELOAD_TIMEOUT_SECONDS));
        YamlNode replicasNode = node.get("replicas");
        int replicas = replicasNode.integer(1);
        if (replicas < 1) {
            throw replicasNode.error("replicas must be at least 1, found " + replicas);
        }
        return new ParsedProcess(node, b.build(), replicas, dependencyNodes);
    }

    private static void command(YamlNode node, ProcessSpec.Builder b) {
        YamlNode command = node.get("command");
        YamlNode entrypoint = node.get("entrypoint");
        if (!command.isMissing() && !entrypoint.isMissing()) {
            throw entrypoint.keyError("set either command or entrypoint, not both");
        }
        if (!command.isMissing()) {
            String text = command.string();
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

    /** The stack's variables, then the env files', then the process's own: later ones win. */
    private Map<String, String> environment(YamlNode node) {
        Map<String, String> env = new LinkedHashMap<>(stackEnvironment);
        YamlNode envFile = node.get("env_file");
        List<YamlNode> files = envFile.isList() ? envFile.items() : envFile.isMissing() ? List.of() : List.of(envFile);
        for (YamlNode file : files) {
            String name = file.string("");
            Path path = ctx.resolve(name);
            if (!Files.isRegularFile(path)) {
                throw file.error("env file '" + name + "' does not exist (paths are relative to the stack file)");
            }
            env.putAll(DotEnv.read(path));
        }
        env.putAll(Environments.read(node.get("environment")));
        return env;
    }

    private Map<String, YamlNode> dependencies(YamlNode dependsOn, ProcessSpec.Builder b) {
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
            b.dependsOn(dep.key(), condition);
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

    private static Set<Integer> exitCodes(YamlNode node) {
        Set<Integer> codes = new LinkedHashSet<>();
        for (YamlNode code : node.items()) {
            codes.add(code.integer(0));
        }
        return codes;
    }
}
