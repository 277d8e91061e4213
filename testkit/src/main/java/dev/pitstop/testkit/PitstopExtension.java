package dev.pitstop.testkit;

import com.google.inject.Module;
import dev.pitstop.core.Engine;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The JUnit 5 extension behind {@link PitstopTest}, and its programmatic form:
 * <pre>{@code
 * @RegisterExtension
 * static final PitstopExtension NATS = PitstopExtension.yaml("""
 *         processes:
 *           nats:
 *             command: "nats-server -a 127.0.0.1 -p ${NATS_PORT}"
 *             ready_log_line: "Server is ready"
 *         """).ports("NATS_PORT");
 *
 * @Test void serves() { connect(NATS.port("NATS_PORT")); NATS.engine().reload("nats"); … }
 * }</pre>
 * A static field starts the stack once for the class; an instance field, or {@link #perMethod()}, once per test.
 * The running stack lives in JUnit's store, which brings it down when its scope ends, also when a test failed.
 */
public final class PitstopExtension implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {
    private final Path stackFile;
    private final String yaml;
    private final List<String> ports = new ArrayList<>();
    private final Map<String, String> variables = new LinkedHashMap<>();
    private final List<Module> overrides = new ArrayList<>();
    private Path home;
    private Duration readyTimeout = Duration.ofSeconds(60);
    private Lifecycle lifecycle;
    private volatile PitstopStack current;
    private volatile boolean sawBeforeAll;

    /** The form {@code @PitstopTest} registers: its settings come from the annotation. */
    public PitstopExtension() {
        this(null, null);
    }

    private PitstopExtension(Path stackFile, String yaml) {
        this.stackFile = stackFile;
        this.yaml = yaml;
    }

    /** A stack from a file; its folder is copied to the test's work folder, so relative paths in it still work. */
    public static PitstopExtension stackFile(Path stackFile) {
        return new PitstopExtension(Objects.requireNonNull(stackFile, "stackFile"), null);
    }

    /** A stack written in the test, saved as {@code pitstop.yaml} in the test's work folder. */
    public static PitstopExtension yaml(String yaml) {
        return new PitstopExtension(null, Objects.requireNonNull(yaml, "yaml"));
    }

    /** Variables that each get a free port on 127.0.0.1: {@code ${NAME}} in the stack file, {@link #port} here. */
    public PitstopExtension ports(String... names) {
        ports.addAll(List.of(names));
        return this;
    }

    /** A variable for the stack file's {@code ${NAME}}; it wins over the environment's. */
    public PitstopExtension variable(String name, String value) {
        variables.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
        return this;
    }

    /** Guice bindings that replace Pitstop's own (a supervisor config, a source of your own). */
    public PitstopExtension override(Module... modules) {
        overrides.addAll(List.of(modules));
        return this;
    }

    /** Pitstop's store and caches; default {@code target/pitstop/home}, shared by the module's tests. */
    public PitstopExtension home(Path home) {
        this.home = Objects.requireNonNull(home, "home");
        return this;
    }

    public PitstopExtension readyTimeout(Duration timeout) {
        this.readyTimeout = Objects.requireNonNull(timeout, "timeout");
        return this;
    }

    /** A new stack for every test method, also when the extension is a static field. */
    public PitstopExtension perMethod() {
        this.lifecycle = Lifecycle.PER_METHOD;
        return this;
    }

    /** The stack of the running test. */
    public PitstopStack stack() {
        PitstopStack stack = current;
        if (stack == null) {
            throw new IllegalStateException("no stack is running: call this from a test, @BeforeEach or @AfterEach");
        }
        return stack;
    }

    public Engine engine() {
        return stack().engine();
    }

    public int port(String name) {
        return stack().port(name);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        sawBeforeAll = true;
        StackConfig config = config(context);
        if (config.lifecycle() == Lifecycle.PER_CLASS) {
            current = StackScopes.forClass(context, config);
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        StackConfig config = config(context);
        current = config.lifecycle() == Lifecycle.PER_METHOD ? StackScopes.forMethod(context, config)
                : StackScopes.find(context, config);
    }

    /**
     * Only the {@code @PitstopTest} form hands out parameters: a test may register several extensions (a class-wide
     * one and a per-method one), and JUnit refuses a parameter two resolvers claim. Registered extensions are
     * reached through their field.
     */
    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        if (stackFile != null || yaml != null) {
            return false;
        }
        Class<?> type = parameter.getParameter().getType();
        return type == PitstopStack.class || type == Engine.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return StackScopes.parameter(context, config(context), parameter.getParameter().getType());
    }

    private StackConfig config(ExtensionContext context) {
        if (stackFile != null || yaml != null) {
            // an instance field is registered after beforeAll: it has no class-wide scope to start a stack in
            Lifecycle chosen = lifecycle != null ? lifecycle : sawBeforeAll ? Lifecycle.PER_CLASS : Lifecycle.PER_METHOD;
            return new StackConfig("extension@" + System.identityHashCode(this), stackFile, yaml, ports, variables,
                    overrides, home, readyTimeout, chosen);
        }
        return Annotations.config(context.getRequiredTestClass());
    }
}
