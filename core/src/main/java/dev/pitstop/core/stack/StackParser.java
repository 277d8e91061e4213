package dev.pitstop.core.stack;

import dev.pitstop.core.source.SourceKinds;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** One read of one stack file: the top-level sections, then the processes, then the checks across them. */
final class StackParser {
    private final YamlDocument doc;
    private final Map<String, String> hostVariables;
    private final SourceKinds kinds;
    private final SourceSettingsReader settings;
    private final List<Path> files;

    StackParser(YamlDocument doc, Map<String, String> hostVariables, SourceKinds kinds, SourceSettingsReader settings,
                List<Path> files) {
        this.doc = doc;
        this.hostVariables = hostVariables;
        this.kinds = kinds;
        this.settings = settings;
        this.files = files;
    }

    Stack parse() {
        // is_strict and disable_env_expansion govern the rest of the read, so they are read first, unexpanded
        YamlNode raw = new ReadContext(doc, false, new Expander(Map.of(), Path.of(""), Set.of(), false)).root();
        boolean strict = raw.get("is_strict").bool(false);
        boolean expand = !raw.get("disable_env_expansion").bool(false);
        Path directory = doc.file().getParent();
        new ProcessExtends(doc).resolve();
        Map<String, String> dotEnv = dotEnv(directory);

        ReadContext ctx = new ReadContext(doc, strict, new Expander(variables(dotEnv),
                directory.resolve(".pitstop").resolve("bin"), declaredBinaries(raw.get("binaries")), expand));
        YamlNode root = ctx.root();
        YamlNode binariesNode = root.get("binaries");
        ctx.checkKeys(root, Keys.TOP, Keys.TOP_PC_ONLY);
        LogConfiguration.read(ctx, root.get("log_configuration"));
        root.get("version").string();
        String name = root.get("name").string();
        root.get("extends").string();
        boolean orderedShutdown = root.get("ordered_shutdown").bool(false);

        Map<String, BinarySpec> binaries = new BinaryParser(ctx, kinds, settings).parse(binariesNode);
        Map<String, String> environment = Environments.read(root.get("environment"));
        String log = root.get("log_location").string();
        List<String> shell = shell(ctx, root.get("shell"));

        Map<String, String> envCommands = new LinkedHashMap<>();
        for (YamlNode cmd : root.get("env_cmds").entries()) {
            envCommands.put(cmd.key(), cmd.string(""));
        }
        ProcessParser processParser = new ProcessParser(ctx,
                new ProcessEnvironment(ctx, dotEnv, hostVariables, environment, envCommands.keySet()), root.get("vars"));
        Map<String, ParsedProcess> parsed = new LinkedHashMap<>();
        ctx.expander().takeReferences(); // what the top-level sections named belongs to no one process
        for (YamlNode entry : root.get("processes").entries()) {
            ParsedProcess process = processParser.parse(entry);
            parsed.put(entry.key(), process.withBinaries(ctx.expander().takeReferences()));
        }
        new DependencyValidator(parsed).validate();
        checkReplicaNamesAreFree(parsed);

        return new Stack(doc.file(), Replicas.expand(parsed), binaries, environment,
                log == null ? null : ctx.resolve(log), shell, orderedShutdown, strict,
                ctx.warnings(), files, envCommands, new DrillParser(ctx).parse(root.get("drill")), name);
    }

    private static Map<String, String> dotEnv(Path directory) {
        Path dotEnv = directory.resolve(".env");
        return Files.isRegularFile(dotEnv) ? DotEnv.read(dotEnv) : Map.of();
    }

    /** What {@code ${VAR}} sees: as in Process Compose's loader, a {@code .env} value wins over the host's. */
    private Map<String, String> variables(Map<String, String> dotEnv) {
        Map<String, String> vars = new HashMap<>(hostVariables);
        vars.putAll(dotEnv);
        return vars;
    }

    private static Set<String> declaredBinaries(YamlNode binaries) {
        Set<String> names = new LinkedHashSet<>();
        if (binaries.isMap()) {
            binaries.raw().fieldNames().forEachRemaining(names::add);
        }
        return names;
    }

    private static List<String> shell(ReadContext ctx, YamlNode node) {
        if (node.isMissing()) {
            return Stack.DEFAULT_SHELL;
        }
        ctx.checkKeys(node, Keys.SHELL, Keys.SHELL_PC_ONLY);
        String command = node.get("shell_command").string(Stack.DEFAULT_SHELL.get(0));
        String argument = node.get("shell_argument").string(Stack.DEFAULT_SHELL.get(1));
        return argument.isEmpty() ? List.of(command) : List.of(command, argument);
    }

    /** {@code web} with two replicas becomes {@code web-0}, {@code web-1}; neither may already be taken. */
    private static void checkReplicaNamesAreFree(Map<String, ParsedProcess> parsed) {
        Map<String, String> owners = new HashMap<>();
        parsed.values().stream().filter(p -> p.replicas() <= 1).forEach(p -> owners.put(p.name(), p.name()));
        for (ParsedProcess p : parsed.values()) {
            if (p.replicas() <= 1) {
                continue;
            }
            for (String name : Replicas.names(p)) {
                String owner = owners.putIfAbsent(name, p.name());
                if (owner != null) {
                    throw p.node().keyError("replica '" + name + "' clashes with "
                            + (owner.equals(name) ? "the process of that name" : "a replica of '" + owner + "'"));
                }
            }
        }
    }
}
