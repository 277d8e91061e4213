package dev.pitstop.fetchers.url;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.Inject;
import dev.pitstop.core.Platform;
import dev.pitstop.core.source.Asset;
import dev.pitstop.core.source.FetchException;
import dev.pitstop.core.source.FetchRequest;
import dev.pitstop.core.source.FetchedBinary;
import dev.pitstop.core.source.LockedAsset;
import dev.pitstop.core.source.Release;
import dev.pitstop.core.source.Source;
import dev.pitstop.core.source.SourceCapability;
import dev.pitstop.core.stack.BinarySpec;
import dev.pitstop.fetchers.internal.github.GitHubJson;
import dev.pitstop.fetchers.internal.http.HttpTransport;
import dev.pitstop.fetchers.internal.pipeline.AssetLock;
import dev.pitstop.fetchers.internal.pipeline.FetchPipeline;
import dev.pitstop.fetchers.internal.pipeline.Plan;
import dev.pitstop.fetchers.internal.pipeline.TextReader;
import dev.pitstop.fetchers.internal.select.AssetSelector;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code mirror: <base URL or folder>} + {@code repo: OWNER/REPO}: GitHub releases copied to a web server or a
 * folder, for machines without internet. Layout under the base:
 * <pre>
 * OWNER/REPO/releases/latest.json              GitHub's /releases/latest response
 * OWNER/REPO/releases/tags/TAG.json            GitHub's /releases/tags/TAG response
 * OWNER/REPO/releases/download/TAG/ASSET       the assets, as on github.com
 * </pre>
 * Asset URLs inside the JSON are ignored; assets always come from the mirror.
 */
final class MirrorSource implements Source<MirrorSettings> {
    private final ObjectMapper json = new ObjectMapper();
    private final TextReader text;
    private final AssetSelector selector;
    private final FetchPipeline pipeline;
    private final AssetLock locks;

    @Inject
    MirrorSource(HttpTransport http, AssetSelector selector, FetchPipeline pipeline, AssetLock locks) {
        this.text = new TextReader(http);
        this.selector = selector;
        this.pipeline = pipeline;
        this.locks = locks;
    }

    @Override
    public Class<MirrorSettings> settingsType() {
        return MirrorSettings.class;
    }

    /** The base may be a folder: a relative one is taken from the stack file's folder. */
    @Override
    public Set<SourceCapability> capabilities() {
        return Set.of(SourceCapability.LOCAL_PATH);
    }

    @Override
    public Release resolve(BinarySpec spec, Platform platform) {
        String repo = settings(spec).repo();
        String base = base(spec);
        if ("latest".equals(spec.version())) {
            return read(spec, base, repo, repo + "/releases/latest.json");
        }
        String tag = spec.version();
        Optional<String> body = text.read(URI.create(base + repo + "/releases/tags/" + encode(tag) + ".json"));
        if (body.isEmpty() && !tag.startsWith("v")) {
            body = text.read(URI.create(base + repo + "/releases/tags/v" + encode(tag) + ".json"));
        }
        return parse(spec, base, repo, body.orElseThrow(() -> new FetchException(
                "mirror " + base + ": no release " + tag + " of " + repo + " (expected " + repo + "/releases/tags/"
                        + tag + ".json)")));
    }

    @Override
    public String explain(BinarySpec spec, Release release, Platform platform) {
        MirrorSettings settings = settings(spec);
        List<String> names = release.assets().stream().map(Asset::name).toList();
        return selector.explainTable(names, platform, settings.repoName(), text(settings.asset()));
    }

    @Override
    public FetchedBinary fetch(FetchRequest request) {
        return pipeline.run(request, plan(request.spec(), request.release(), request.platform()));
    }

    @Override
    public Optional<LockedAsset> lock(BinarySpec spec, Release release, Platform platform) {
        return Optional.of(locks.lock(plan(spec, release, platform)));
    }

    private Plan plan(BinarySpec spec, Release release, Platform platform) {
        MirrorSettings settings = settings(spec);
        String repoName = settings.repoName();
        Asset asset = selector.select(release.assets(), platform, repoName, text(settings.asset()));
        return new Plan("mirror:" + settings.repo(), release.version(), null, asset, release.assets(),
                Optional.empty(), Optional.empty(), Optional.empty(), text(settings.path()),
                List.of(spec.name(), repoName));
    }

    private Release read(BinarySpec spec, String base, String repo, String file) {
        String body = text.read(URI.create(base + file))
                .orElseThrow(() -> new FetchException("mirror " + base + " has no " + file));
        return parse(spec, base, repo, body);
    }

    private Release parse(BinarySpec spec, String base, String repo, String body) {
        try {
            var node = json.readTree(body);
            String tag = node.path("tag_name").asText();
            return GitHubJson.release(node, nameAndUrl -> URI.create(
                    base + repo + "/releases/download/" + encode(tag) + "/" + encode(nameAndUrl[0])));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new FetchException("binaries." + spec.name() + ": mirror release file of " + repo + " is invalid: "
                    + e.getMessage(), e);
        }
    }

    private static Optional<String> text(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    /** The base as a URI string ending in {@code /}; a plain path is a local folder. */
    private static String base(BinarySpec spec) {
        String location = spec.location().trim();
        String uri = location.matches("^[A-Za-z][A-Za-z0-9+.-]*://.*")
                ? location : Path.of(location).toAbsolutePath().normalize().toUri().toString();
        return uri.endsWith("/") ? uri : uri + "/";
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
