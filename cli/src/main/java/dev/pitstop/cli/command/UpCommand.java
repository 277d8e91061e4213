package dev.pitstop.cli.command;

import dev.pitstop.cli.PitstopCommand;
import dev.pitstop.cli.client.StackLocation;
import dev.pitstop.cli.run.Detacher;
import dev.pitstop.cli.run.DryRun;
import dev.pitstop.cli.run.ForegroundStack;
import dev.pitstop.core.stack.StackReader;
import dev.pitstop.core.stack.StackSelection;
import java.nio.file.Files;
import dev.pitstop.core.PitstopException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * {@code pitstop up}. The engine classes are reached only from {@link #call()}, through {@code run.*}, so
 * that no other command loads Guice or the engine.
 */
public final class UpCommand implements Subcommand, Callable<Integer> {
    private final PitstopCommand root;
    private final CommandSpec spec;
    private final OptionSpec file;
    private final OptionSpec detach;
    private final OptionSpec dryRun;
    private final OptionSpec ui;
    private final OptionSpec locked;
    private final DashboardOptions dashboard;
    private final PcApiOptions pcApi;
    private final OptionSpec namespaces;
    private final OptionSpec noDeps;
    private final PositionalParamSpec names;

    public UpCommand(PitstopCommand root) {
        this.root = root;
        this.spec = Specs.command(this, "up", "Start the stack and supervise it in the foreground (Ctrl-C stops "
                + "it), or in the background with -d.");
        this.file = Specs.files(spec, "-f", "--file");
        this.detach = Specs.flag(spec, "Run in the background; output goes to .pitstop/pitstop.out.",
                "-d", "--detach");
        this.dryRun = Specs.flag(spec, "Read and check the stack file(s), print what would run, start nothing "
                + "(exit code 1 on an error), as Process Compose's --dry-run.", "--dry-run");
        this.ui = Specs.flag(spec, "Serve the live web dashboard too, and print its URL (see pitstop ui).", "--ui");
        this.dashboard = new DashboardOptions(spec, "--ui-host", "--ui-port");
        this.locked = Specs.flag(spec, "Fail when pitstop.lock.json has no lock for this machine's platform for a "
                + "binary that must be fetched, instead of resolving it afresh (for CI; see pitstop lock).", "--locked");
        this.pcApi = new PcApiOptions(spec);
        this.namespaces = OptionSpec.builder("-n", "--namespace").type(List.class).auxiliaryTypes(String.class)
                .paramLabel("NAMESPACE").arity("1")
                .description("Run only the processes of this namespace (repeatable; env: PC_NAMESPACES, "
                        + "comma-separated), as Process Compose's -n: the others are left out.").build();
        spec.addOption(namespaces);
        this.noDeps = Specs.flag(spec, "With NAME...: start only those, not what they depend on.", "--no-deps");
        this.names = Specs.optionalNames(spec, "Start only these processes and what they depend on, as Process "
                + "Compose's up NAME...; the others are disabled (pitstop start NAME runs one).");
    }

    @Override
    public CommandSpec spec() {
        return spec;
    }

    @Override
    public Integer call() throws Exception {
        List<Path> named = file.getValue() == null ? List.of() : file.getValue();
        StackLocation location = StackLocation.find(named.isEmpty() ? null : named.get(0), root.workDir());
        List<Path> files = stackFiles(named, root.workDir());
        if (Specs.isSet(dryRun)) {
            return new DryRun(files, root.home()).run(spec.commandLine().getOut());
        }
        if (Specs.isSet(detach)) {
            if (Specs.isSet(ui)) {
                throw new PitstopException("--ui runs with the stack in the foreground; for a stack started with -d, "
                        + "run pitstop ui");
            }
            pcApi.settings(System.getenv(), root.workDir()); // a bad value is refused here, not in the child
            selection();
            return new Detacher(location, files, root.verbose(), root.home()).locked(Specs.isSet(locked))
                    .upArgs(detachedArgs()).detach(spec.commandLine().getOut());
        }
        ForegroundStack stack = new ForegroundStack(files, root.home()).locked(Specs.isSet(locked))
                .selection(selection());
        pcApi.settings(System.getenv(), root.workDir()).ifPresent(stack::processComposeApi);
        if (Specs.isSet(ui)) {
            stack.dashboard(dashboard.settings(location.stateDir(), root.workDir()));
        }
        return stack.run(spec.commandLine().getOut());
    }

    private StackSelection selection() {
        List<String> chosen = namespaces.getValue() == null ? List.of() : namespaces.<List<String>>getValue();
        if (chosen.isEmpty() && System.getenv("PC_NAMESPACES") != null) {
            chosen = Arrays.stream(System.getenv("PC_NAMESPACES").split(",")).map(String::strip)
                    .filter(n -> !n.isEmpty()).toList();
        }
        List<String> processes = names.getValue() == null ? List.of() : names.<List<String>>getValue();
        if (Specs.isSet(noDeps) && processes.isEmpty()) {
            throw new PitstopException("--no-deps goes with the names of the processes to start (up NAME... --no-deps)");
        }
        return new StackSelection(chosen, processes, Specs.isSet(noDeps));
    }

    /** What the detached {@code up} is given besides its files. */
    private List<String> detachedArgs() {
        List<String> args = new ArrayList<>(pcApi.args());
        if (namespaces.getValue() != null) {
            namespaces.<List<String>>getValue().forEach(n -> args.add("--namespace=" + n));
        }
        if (Specs.isSet(noDeps)) {
            args.add("--no-deps");
        }
        if (names.getValue() != null) {
            args.add("--");
            args.addAll(names.<List<String>>getValue());
        }
        return args;
    }

    /**
     * The files of the stack: those named with {@code -f}, in order, or the one found in {@code workDir} and, as
     * Process Compose does only then, its override file.
     */
    static List<Path> stackFiles(List<Path> named, Path workDir) {
        StackLocation location = StackLocation.find(named.isEmpty() ? null : named.get(0), workDir);
        List<Path> files = new ArrayList<>(List.of(location.requireFile()));
        for (Path more : named.subList(Math.min(1, named.size()), named.size())) {
            files.add(StackLocation.find(more, workDir).requireFile());
        }
        if (named.isEmpty()) {
            overrideFile(location.directory()).ifPresent(files::add);
        }
        return files;
    }

    private static Optional<Path> overrideFile(Path dir) {
        return StackReader.OVERRIDE_NAMES.stream().map(dir::resolve).filter(Files::isRegularFile).findFirst();
    }
}
