package dev.pitstop.core.stack;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

    ProcessEnvironment(ReadContext ctx, Map<String, String> dotEnv, Map<String, String> host, Map<String, String> stack) {
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
        YamlNode envFile = node.get("env_file");
        List<YamlNode> files = envFile.isList() ? envFile.items() : envFile.isMissing() ? List.of() : List.of(envFile);
        for (YamlNode file : files) {
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
}
