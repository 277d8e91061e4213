package dev.pitstop.fetchers;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.pitstop.core.PitstopModule;
import dev.pitstop.core.source.SourceBinder;
import dev.pitstop.fetchers.file.FileModule;
import dev.pitstop.fetchers.git.GitModule;
import dev.pitstop.fetchers.github.GitHubModule;
import dev.pitstop.fetchers.url.UrlModule;
import java.net.http.HttpClient;
import java.util.Map;
import java.util.Objects;
import dev.pitstop.fetchers.internal.http.HttpTransport;

/**
 * The {@code github}, {@code url}, {@code mirror}, {@code file} and {@code git} sources, bound as default kinds
 * ({@code SourceBinder.defaultSources}): an embedder's {@code SourceBinder.sourceBinder} binding of the same kind
 * replaces one. Needs {@code PitstopHome} (API cache) and a {@code ChecksumParser} (the signing module's) bound
 * elsewhere. Override {@link HttpSettings} or {@link ExtractionLimits} with {@code Modules.override}.
 */
public final class FetchersModule extends AbstractModule implements PitstopModule {
    private final Map<String, String> environment;

    /** Reads {@code GITHUB_TOKEN} and friends from the process environment. */
    public FetchersModule() {
        this(System.getenv());
    }

    public FetchersModule(Map<String, String> environment) {
        this.environment = Map.copyOf(Objects.requireNonNull(environment, "environment"));
    }

    @Override
    protected void configure() {
        bind(FetchEnvironment.class).toInstance(new FetchEnvironment(environment));
        bind(HttpSettings.class).toInstance(HttpSettings.defaults());
        bind(ExtractionLimits.class).toInstance(ExtractionLimits.defaults());
        // declared so that the fetchers work without CoreModule too; embedders' own kinds go in this one
        SourceBinder.sourceBinder(binder());
        install(new GitHubModule());
        install(new UrlModule());
        install(new FileModule());
        install(new GitModule());
    }

    /** Redirects are followed by {@code HttpTransport}, which drops credentials when the host changes. */
    @Provides
    @Singleton
    HttpClient httpClient(HttpSettings settings) {
        return HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(settings.connectTimeout())
                .build();
    }
}
