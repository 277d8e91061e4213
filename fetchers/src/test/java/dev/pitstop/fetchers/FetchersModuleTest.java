package dev.pitstop.fetchers;

import dev.pitstop.signing.internal.SumFileParser;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import dev.pitstop.core.Platform;
import dev.pitstop.core.PitstopHome;
import dev.pitstop.core.source.FetchRequest;
import dev.pitstop.core.source.FetchedBinary;
import dev.pitstop.core.source.NoSettings;
import dev.pitstop.core.source.Release;
import dev.pitstop.core.source.Source;
import dev.pitstop.core.source.SourceBinder;
import dev.pitstop.core.stack.BinarySpec;
import dev.pitstop.core.trust.ChecksumParser;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FetchersModuleTest {
    @TempDir
    Path home;

    static final class Custom implements Source<NoSettings> {
        @Override
        public Class<NoSettings> settingsType() {
            return NoSettings.class;
        }

        @Override
        public Release resolve(BinarySpec spec, Platform platform) {
            return new Release("v1", null, null, false, List.of());
        }

        @Override
        public FetchedBinary fetch(FetchRequest request) {
            throw new UnsupportedOperationException();
        }
    }

    @Test
    void bindsTheFourKindsAndEmbeddersAddTheirOwn() {
        Map<String, Source<?>> sources = Guice.createInjector(new FetchersModule(Map.of()), binder -> {
            binder.bind(PitstopHome.class).toInstance(new PitstopHome(home));
            binder.bind(ChecksumParser.class).to(SumFileParser.class);
        }, new AbstractModule() {
            @Override
            protected void configure() {
                SourceBinder.sourceBinder(binder()).addBinding("custom").to(Custom.class);
            }
        }).getInstance(Key.get(new TypeLiteral<Map<String, Source<?>>>() { }));

        assertThat(sources).containsOnlyKeys("github", "url", "mirror", "file", "custom");
        assertThat(sources.get("custom").resolve(null, null).tag()).isEqualTo("v1");
    }
}
