package dev.pitstop.fetchers.github;

import com.google.inject.Inject;
import dev.pitstop.core.Platform;
import dev.pitstop.core.PitstopHome;
import dev.pitstop.core.source.Asset;
import dev.pitstop.core.source.FetchRequest;
import dev.pitstop.core.source.FetchedBinary;
import dev.pitstop.core.source.LockedAsset;
import dev.pitstop.core.source.Release;
import dev.pitstop.core.source.Source;
import dev.pitstop.core.stack.BinarySpec;
import dev.pitstop.fetchers.FetchEnvironment;
import dev.pitstop.fetchers.internal.http.HttpTransport;
import dev.pitstop.fetchers.internal.pipeline.AssetLock;
import dev.pitstop.fetchers.internal.pipeline.FetchPipeline;
import dev.pitstop.fetchers.internal.pipeline.Plan;
import dev.pitstop.fetchers.internal.select.AssetSelector;
import java.util.List;
import java.util.Optional;

/** {@code github: OWNER/REPO}: a release of a GitHub repository (or of a GitHub Enterprise API via {@code api:}). */
final class GitHubSource implements Source<GitHubKeys> {
    private final HttpTransport http;
    private final PitstopHome home;
    private final FetchEnvironment env;
    private final AssetSelector selector;
    private final FetchPipeline pipeline;
    private final AssetLock locks;

    @Inject
    GitHubSource(HttpTransport http, PitstopHome home, FetchEnvironment env, AssetSelector selector, FetchPipeline pipeline,
                 AssetLock locks) {
        this.http = http;
        this.home = home;
        this.env = env;
        this.selector = selector;
        this.pipeline = pipeline;
        this.locks = locks;
    }

    @Override
    public Class<GitHubKeys> settingsType() {
        return GitHubKeys.class;
    }

    @Override
    public Release resolve(BinarySpec spec, Platform platform) {
        GitHubSettings settings = GitHubSettings.of(spec, settings(spec), env);
        GitHubApi api = new GitHubApi(settings, http, home.cache());
        if (!"latest".equals(spec.version())) {
            return api.tag(spec.version());
        }
        return settings.prerelease() ? api.newestIncludingPrereleases() : api.latest();
    }

    @Override
    public String explain(BinarySpec spec, Release release, Platform platform) {
        GitHubSettings settings = GitHubSettings.of(spec, settings(spec), env);
        List<String> names = release.assets().stream().map(Asset::name).toList();
        return selector.explainTable(names, platform, settings.repo(), settings.asset());
    }

    @Override
    public FetchedBinary fetch(FetchRequest request) {
        return pipeline.run(request, plan(request.spec(), request.release(), request.platform()));
    }

    /** The asset's digest from the release JSON ({@code assets[].digest}) or its checksum file: no download. */
    @Override
    public Optional<LockedAsset> lock(BinarySpec spec, Release release, Platform platform) {
        return Optional.of(locks.lock(plan(spec, release, platform)));
    }

    private Plan plan(BinarySpec spec, Release release, Platform platform) {
        GitHubSettings settings = GitHubSettings.of(spec, settings(spec), env);
        Asset asset = selector.select(release.assets(), platform, settings.repo(), settings.asset());
        return new Plan(settings.coordinates(), release.version(), null, asset, release.assets(), Optional.empty(),
                Optional.empty(), Optional.empty(), settings.path(), List.of(spec.name(), settings.repo()));
    }
}
