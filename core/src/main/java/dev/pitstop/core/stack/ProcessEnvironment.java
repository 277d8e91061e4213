package dev.pitstop.core.stack;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds a process's variables in Process Compose's precedence, lowest first: the {@code .env} file
 * (only where the host environment does not set the variable, since the host's environment comes
 * next), the stack's {@code environment}, the process's {@code env_file}, its {@code environment}.
 * A relative {@code env_file} is taken from the process's {@code working_dir}, as Process Compose does.
 */
final class ProcessEnvironment {
    private final ReadContext ctx;
    private final Map<String, String> dotEnv;
    private final Map<String, String> host;
    private final Map<String, String> stack;
    private final Set<String> envCommands;

    ProcessEnvironment(ReadContext ctx, Map<String, String> dotEnv, Map<String, String> host, Map<String, String> stack,
                       Set<String> envCommands) {
        this.envCommands = envCommands;
        this.ctx = ctx;
        this.dotEnv = dotEnv;
        this.host = host;
        this.stack = stack;
    }

    Map<String, String> of(YamlNode node, Templater t, Path envFileBase) {
        Map<String, String> env = new LinkedHashMap<>();
        if (!node.get("is_dotenv_disabled").bool(false)) {
            dotEnv.forEach((k, v) -> {
                if (!host.containsKey(k)) {
                    env.put(k, v);
                }
            });
        }
        env.putAll(stack);
        for (YamlNode file : envFiles(node)) {
            String name = file.string("");
            Path path = envFileBase.resolve(name).normalize();
            if (ProcessParser.exists(path)) {
                env.putAll(DotEnv.read(path));
            } else {
                String problem = "env file '" + name + "' does not exist (relative paths are taken from the process's "
                        + "working_dir, else the stack file's folder)";
                if (ctx.strict()) {
                    throw file.error(problem);
                }
                ctx.warn(file, problem + ", ignored");
            }
        }
        for (Map.Entry<String, String> e : Environments.read(node.get("environment")).entrySet()) {
            env.put(e.getKey(), t.render(node.get("environment"), e.getValue()));
        }
        return env;
    }

    /**
     * The {@code env_cmds} variables a process takes: Process Compose adds their values to the stack's
     * {@code environment}, under the process's own {@code env_file} and {@code environment}.
     */
    Set<String> envCommandKeys(YamlNode node, Path envFileBase) {
        if (envCommands.isEmpty()) {
            return Set.of();
        }
        Set<String> own = new HashSet<>(Environments.read(node.get("environment")).keySet());
        for (YamlNode file : envFiles(node)) {
            Path path = envFileBase.resolve(file.string("")).normalize();
            if (ProcessParser.exists(path)) {
                own.addAll(DotEnv.read(path).keySet());
            }
        }
        Set<String> taken = new LinkedHashSet<>(envCommands);
        taken.removeAll(own);
        return taken;
    }

    private static List<YamlNode> envFiles(YamlNode process) {
        YamlNode envFile = process.get("env_file");
        return envFile.isList() ? envFile.items() : envFile.isMissing() ? List.of() : List.of(envFile);
    }
}
