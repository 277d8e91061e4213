package dev.pitstop.fetchers;

import dev.pitstop.signing.internal.SumFileParser;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.util.Modules;
import dev.pitstop.core.PitstopHome;
import dev.pitstop.core.Platform;
import dev.pitstop.core.source.FetchRequest;
import dev.pitstop.core.source.Source;
import dev.pitstop.core.source.SourceKinds;
import dev.pitstop.core.stack.HostEnvironment;
import dev.pitstop.core.stack.StackReader;
import dev.pitstop.core.stack.BinarySpec;
import dev.pitstop.core.trust.ChecksumParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;

/** Wires the real FetchersModule for a test, with quick retries and a test checksum parser. */
public final class Fixture {
    private final Injector injector;

    public Fixture(Path home, Map<String, String> env) {
        this(home, env, ExtractionLimits.defaults());
    }

    public Fixture(Path home, Map<String, String> env, ExtractionLimits limits) {
        HttpSettings quick = new HttpSettings(Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(2),
                new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(40)));
        injector = Guice.createInjector(Modules.override(new FetchersModule(env)).with(binder -> {
            binder.bind(HttpSettings.class).toInstance(quick);
            binder.bind(ExtractionLimits.class).toInstance(limits);
        }), binder -> {
            binder.bind(PitstopHome.class).toInstance(new PitstopHome(home));
            binder.bind(ChecksumParser.class).to(SumFileParser.class);
        });
    }

    public SourceKinds kinds() {
        return injector.getInstance(SourceKinds.class);
    }

    public Source<?> source(String kind) {
        return kinds().find(kind).orElseThrow();
    }

    /** A fetch of what {@code source} resolves for {@code spec} right now, as the engine asks for it. */
    public static FetchRequest request(Source<?> source, BinarySpec spec, Platform platform, Path staging) {
        return FetchRequest.of(spec, source.resolve(spec, platform), platform, staging);
    }

    /**
     * A binaries: entry read by the real stack reader with the real source kinds (so each source's settings
     * record is filled as in a stack file); {@code yaml} holds the extra keys.
     */
    public static BinarySpec spec(String name, String kind, String location, String version, String yaml) {
        StringBuilder text = new StringBuilder("binaries:\n  ").append(name).append(":\n    ").append(kind)
                .append(": ").append(quoted(location)).append("\n    version: ").append(quoted(version)).append('\n');
        yaml.lines().forEach(line -> text.append("    ").append(line).append('\n'));
        text.append("processes: {}\n");
        try {
            Path dir = Files.createTempDirectory("pitstop-spec");
            Path file = Files.writeString(dir.resolve("pitstop.yaml"), text);
            try {
                return READER.read(file).binaries().get(name);
            } finally {
                Files.delete(file);
                Files.delete(dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String quoted(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** The stack reader over the fetchers' kinds; reading needs only their settings types, never the network. */
    private static final StackReader READER = new StackReader(HostEnvironment.of(Map.of()),
            new Fixture(Path.of("/nonexistent-pitstop-home"), Map.of()).kinds());

    public static long filesIn(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
