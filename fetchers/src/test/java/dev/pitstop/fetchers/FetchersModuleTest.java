package dev.pitstop.fetchers;

import dev.pitstop.signing.internal.SumFileParser;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import dev.pitstop.core.Platform;
import dev.pitstop.core.PitstopHome;
import dev.pitstop.core.source.FetchRequest;
import dev.pitstop.core.source.FetchedBinary;
import dev.pitstop.core.source.NoSettings;
import dev.pitstop.core.source.Release;
import dev.pitstop.core.source.Source;
import dev.pitstop.core.source.SourceBinder;
import dev.pitstop.core.source.SourceKinds;
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
    void bindsTheFiveKindsAndEmbeddersAddTheirOwn() {
        SourceKinds sources = Guice.createInjector(new FetchersModule(Map.of()), binder -> {
            binder.bind(PitstopHome.class).toInstance(new PitstopHome(home));
            binder.bind(ChecksumParser.class).to(SumFileParser.class);
        }, new AbstractModule() {
            @Override
            protected void configure() {
                SourceBinder.sourceBinder(binder()).addBinding("custom").to(Custom.class);
            }
        }).getInstance(SourceKinds.class);

        assertThat(sources.names()).containsExactly("custom", "file", "git", "github", "mirror", "url");
        assertThat(sources.find("custom").orElseThrow().resolve(null, null).tag()).isEqualTo("v1");
    }

    @Test
    void anEmbeddersBindingOfABuiltInKindReplacesIt() {
        SourceKinds sources = Guice.createInjector(new FetchersModule(Map.of()), binder -> {
            binder.bind(PitstopHome.class).toInstance(new PitstopHome(home));
            binder.bind(ChecksumParser.class).to(SumFileParser.class);
            SourceBinder.sourceBinder(binder).addBinding("github").to(Custom.class);
        }).getInstance(SourceKinds.class);

        assertThat(sources.names()).containsExactly("file", "git", "github", "mirror", "url");
        assertThat(sources.find("github").orElseThrow()).isInstanceOf(Custom.class);
        assertThat(sources.find("url").orElseThrow()).isNotInstanceOf(Custom.class);
    }
}
