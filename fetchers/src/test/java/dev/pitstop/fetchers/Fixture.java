package dev.pitstop.fetchers;

import dev.pitstop.signing.internal.SumFileParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import com.google.inject.util.Modules;
import dev.pitstop.core.PitstopHome;
import dev.pitstop.core.source.Source;
import dev.pitstop.core.stack.BinarySpec;
import dev.pitstop.core.trust.ChecksumParser;
import dev.pitstop.fetchers.archive.ExtractionLimits;
import dev.pitstop.fetchers.http.HttpSettings;
import dev.pitstop.fetchers.http.RetryPolicy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;

/** Wires the real FetchersModule for a test, with quick retries and a test checksum parser. */
public final class Fixture {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

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

    public Map<String, Source> sources() {
        return injector.getInstance(Key.get(new TypeLiteral<Map<String, Source>>() { }));
    }

    public Source source(String kind) {
        return sources().get(kind);
    }

    /** A binaries: entry as the stack reader would hand it over; {@code yaml} holds the extra keys. */
    public static BinarySpec spec(String name, String kind, String location, String version, String yaml) {
        try {
            ObjectNode settings = yaml.isBlank() ? YAML.createObjectNode() : (ObjectNode) YAML.readTree(yaml);
            settings.put(kind, location);
            return new BinarySpec(name, kind, location, version, false, null, settings);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static long filesIn(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
