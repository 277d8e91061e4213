package dev.pitstop.cli.local;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.google.inject.Injector;
import com.google.inject.Module;
import dev.pitstop.core.Engine;
import dev.pitstop.core.EngineFactory;
import dev.pitstop.core.Pitstop;
import dev.pitstop.core.PitstopHome;
import dev.pitstop.core.Sha256;
import dev.pitstop.core.engine.LockPolicy;
import dev.pitstop.core.source.FetchProgress;
import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * Pitstop in this process, for commands that run without a stack: the injector over every module on the
 * class path ({@link Pitstop#injector}), with {@code --home} as the {@link PitstopHome} when given.
 * Only commands that need it load this class, and with it Guice and Jackson.
 */
public final class LocalPitstop {
    private final Path home;
    private final PrintWriter progress;
    private final boolean terminal;
    private boolean locked;
    private Injector injector;

    /** @param home the {@code --home} folder, or {@code null} for the environment's */
    public LocalPitstop(Path home) {
        this(home, null);
    }

    /** @param progress a terminal where to draw download progress bars and build lines, or {@code null} for none */
    public LocalPitstop(Path home, PrintWriter progress) {
        this(home, progress, true);
    }

    /**
     * @param progress where to report fetch progress, or {@code null} for nowhere
     * @param terminal whether it is a terminal (bars and lines redrawn in place), else plain lines for builds only
     */
    public LocalPitstop(Path home, PrintWriter progress, boolean terminal) {
        this.home = home;
        this.progress = progress;
        this.terminal = terminal;
    }

    /** Fetches must find a lock for this platform ({@code --locked}); see {@code LockPolicy}. */
    public LocalPitstop locked(boolean required) {
        this.locked = required;
        return this;
    }

    public Injector injector() {
        if (injector == null) {
            Module override = binder -> {
                if (home != null) {
                    binder.bind(PitstopHome.class).toInstance(new PitstopHome(home));
                }
                if (progress != null) {
                    binder.bind(FetchProgress.class).toInstance(new ProgressBar(progress, terminal));
                }
                if (locked) {
                    binder.bind(LockPolicy.class).toInstance(new LockPolicy(true));
                }
            };
            injector = Pitstop.injector(override);
        }
        return injector;
    }

    public <T> T get(Class<T> type) {
        return injector().getInstance(type);
    }

    /** An engine on the stack file, read and validated, never started: for commands with no stack running. */
    public Engine open(Path stackFile) {
        return get(EngineFactory.class).open(stackFile);
    }

    /** Indented JSON with ISO-8601 times, SHA-256s and paths as strings, and a trailing newline. */
    public static String json(Object value) {
        ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule())
                .registerModule(new SimpleModule("pitstop-cli-values")
                        .addSerializer(Sha256.class, ToStringSerializer.instance)
                        .addSerializer(Path.class, ToStringSerializer.instance))
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(SerializationFeature.INDENT_OUTPUT);
        try {
            return mapper.writeValueAsString(value) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }
}
