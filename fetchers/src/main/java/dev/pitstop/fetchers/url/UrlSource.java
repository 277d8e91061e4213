package dev.pitstop.fetchers.url;

import com.google.inject.Inject;
import dev.pitstop.core.Platform;
import dev.pitstop.core.source.Asset;
import dev.pitstop.core.source.FetchException;
import dev.pitstop.core.source.FetchRequest;
import dev.pitstop.core.source.FetchedBinary;
import dev.pitstop.core.source.Release;
import dev.pitstop.core.source.Source;
import dev.pitstop.core.stack.BinarySpec;
import dev.pitstop.fetchers.pipeline.FetchPipeline;
import dev.pitstop.fetchers.pipeline.Plan;
import dev.pitstop.fetchers.pipeline.SpecSettings;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * {@code url: https://example.com/tool/{version}/tool-{os}-{arch}.tar.gz}: one URL per platform, with
 * {@code platforms: {darwin/arm64: {url: …, checksum: …}}} overrides and {@code checksum:} or
 * {@code checksum_url:} as evidence, and {@code signature_url:} for a detached minisign or cosign signature. The version must be given: a URL has no notion of "latest".
 */
final class UrlSource implements Source {
    private final FetchPipeline pipeline;

    @Inject
    UrlSource(FetchPipeline pipeline) {
        this.pipeline = pipeline;
    }

    @Override
    public Release resolve(BinarySpec spec, Platform platform) {
        SpecSettings s = forPlatform(spec, platform);
        String template = s.text("url").orElse(spec.location());
        if ("latest".equals(spec.version()) && template.contains("{version}")) {
            throw new SpecSettings(spec).invalid("version", "latest", "a url: source needs a concrete version");
        }
        URI uri = uri(spec, "url", UrlTemplate.fill(template, spec, spec.version(), platform));
        String path = uri.getPath();
        String name = path.substring(path.lastIndexOf('/') + 1);
        if (name.isEmpty()) {
            throw new SpecSettings(spec).invalid("url", uri.toString(), "the URL must end with a file name");
        }
        return new Release(spec.version(), null, null, false,
                List.of(new Asset(name, uri, -1, s.digest("checksum").orElse(null), null)));
    }

    @Override
    public FetchedBinary fetch(FetchRequest request) {
        BinarySpec spec = request.spec();
        SpecSettings s = forPlatform(spec, request.platform());
        Release release = resolve(spec, request.platform());
        Asset asset = release.assets().get(0);
        Optional<URI> checksumUrl = s.text("checksum_url")
                .map(t -> uri(spec, "checksum_url", UrlTemplate.fill(t, spec, spec.version(), request.platform())));
        Optional<URI> signatureUrl = s.text("signature_url")
                .map(t -> uri(spec, "signature_url", UrlTemplate.fill(t, spec, spec.version(), request.platform())));
        Plan plan = new Plan("url:" + asset.downloadUrl(), release.version(), null,
                new Asset(asset.name(), asset.downloadUrl(), -1, null, null), List.of(),
                Optional.ofNullable(asset.digest()), checksumUrl, signatureUrl, s.text("path"), List.of(spec.name()));
        return pipeline.run(request, plan);
    }

    /** The settings with the matching {@code platforms:} entry laid over them. */
    private static SpecSettings forPlatform(BinarySpec spec, Platform platform) {
        SpecSettings base = new SpecSettings(spec);
        return base.child("platforms").flatMap(p -> p.child(platform.toString())).map(o -> o.over(base)).orElse(base);
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
