package dev.pitstop.fetchers.url;

import com.google.inject.Inject;
import dev.pitstop.core.Platform;
import dev.pitstop.core.source.Asset;
import dev.pitstop.core.source.FetchException;
import dev.pitstop.core.source.FetchRequest;
import dev.pitstop.core.source.FetchedBinary;
import dev.pitstop.core.source.LockedAsset;
import dev.pitstop.core.source.Release;
import dev.pitstop.core.source.Source;
import dev.pitstop.core.stack.BinarySpec;
import dev.pitstop.fetchers.internal.pipeline.AssetLock;
import dev.pitstop.fetchers.internal.pipeline.FetchPipeline;
import dev.pitstop.fetchers.internal.pipeline.InlineChecksum;
import dev.pitstop.fetchers.internal.pipeline.Plan;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code url: https://example.com/tool/{version}/tool-{os}-{arch}.tar.gz}: one URL per platform, with
 * {@code platforms: {darwin/arm64: {url: …, checksum: …}}} overrides and {@code checksum:} or
 * {@code checksum_url:} as evidence, and {@code signature_url:} for a detached minisign or cosign signature. The
 * version must be given: a URL has no notion of "latest".
 */
final class UrlSource implements Source<UrlSettings> {
    private final FetchPipeline pipeline;
    private final AssetLock locks;

    @Inject
    UrlSource(FetchPipeline pipeline, AssetLock locks) {
        this.pipeline = pipeline;
        this.locks = locks;
    }

    @Override
    public Class<UrlSettings> settingsType() {
        return UrlSettings.class;
    }

    @Override
    public Release resolve(BinarySpec spec, Platform platform) {
        String template = key(spec, platform, UrlSettings.PlatformOverride::url, s -> null).orElse(spec.location());
        if ("latest".equals(spec.version()) && template.contains("{version}")) {
            throw invalid(spec, "version", "latest", "a url: source needs a concrete version");
        }
        URI uri = uri(spec, "url", UrlTemplate.fill(template, spec, settings(spec), spec.version(), platform));
        String path = uri.getPath();
        String name = path.substring(path.lastIndexOf('/') + 1);
        if (name.isEmpty()) {
            throw invalid(spec, "url", uri.toString(), "the URL must end with a file name");
        }
        String checksum = key(spec, platform, UrlSettings.PlatformOverride::checksum, s -> spec.trust().checksum())
                .orElse(null);
        return new Release(spec.version(), null, null, false, List.of(new Asset(name, uri, -1,
                InlineChecksum.parse(spec.name(), "checksum", checksum).orElse(null), null)));
    }

    @Override
    public FetchedBinary fetch(FetchRequest request) {
        return pipeline.run(request, plan(request.spec(), request.release(), request.platform()));
    }

    /** The digest from {@code checksum:} or {@code checksum_url:} when given, else one download that is hashed. */
    @Override
    public Optional<LockedAsset> lock(BinarySpec spec, Release release, Platform platform) {
        return Optional.of(locks.lock(plan(spec, release, platform)));
    }

    private Plan plan(BinarySpec spec, Release release, Platform platform) {
        UrlSettings settings = settings(spec);
        Asset asset = release.assets().get(0);
        Optional<URI> checksumUrl = key(spec, platform, UrlSettings.PlatformOverride::checksumUrl,
                UrlSettings::checksumUrl)
                .map(t -> uri(spec, "checksum_url", UrlTemplate.fill(t, spec, settings, spec.version(), platform)));
        Optional<URI> signatureUrl = key(spec, platform, UrlSettings.PlatformOverride::signatureUrl,
                UrlSettings::signatureUrl)
                .map(t -> uri(spec, "signature_url", UrlTemplate.fill(t, spec, settings, spec.version(), platform)));
        return new Plan("url:" + asset.downloadUrl(), release.version(), null,
                new Asset(asset.name(), asset.downloadUrl(), -1, null, null), List.of(),
                Optional.ofNullable(asset.digest()), checksumUrl, signatureUrl,
                key(spec, platform, UrlSettings.PlatformOverride::path, UrlSettings::path), List.of(spec.name()));
    }

    /** A key of the matching {@code platforms:} entry, else the binary's own. */
    private Optional<String> key(BinarySpec spec, Platform platform,
                                 Function<UrlSettings.PlatformOverride, String> override,
                                 Function<UrlSettings, String> own) {
        UrlSettings settings = settings(spec);
        UrlSettings.PlatformOverride entry = settings.platforms().get(platform.toString());
        String value = entry == null ? null : override.apply(entry);
        if (value == null || value.isBlank()) {
            value = own.apply(settings);
        }
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    private static FetchException invalid(BinarySpec spec, String key, String value, String why) {
        return new FetchException("binaries." + spec.name() + "." + key + ": '" + value + "': " + why);
    }

    private static URI uri(BinarySpec spec, String key, String text) {
        try {
            URI uri = URI.create(text);
            if (uri.getScheme() == null) {
                throw new IllegalArgumentException("no scheme");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new FetchException("binaries." + spec.name() + "." + key + ": '" + text + "' is not a URL: "
                    + e.getMessage(), e);
        }
    }
}
