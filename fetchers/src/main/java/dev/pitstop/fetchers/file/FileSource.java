package dev.pitstop.fetchers.file;

import com.google.inject.Inject;
import dev.pitstop.core.Platform;
import dev.pitstop.core.source.Asset;
import dev.pitstop.core.source.FetchException;
import dev.pitstop.core.source.FetchRequest;
import dev.pitstop.core.source.FetchedBinary;
import dev.pitstop.core.source.Release;
import dev.pitstop.core.source.Source;
import dev.pitstop.core.source.SourceCapability;
import dev.pitstop.core.stack.BinarySpec;
import dev.pitstop.fetchers.internal.pipeline.FetchPipeline;
import dev.pitstop.fetchers.internal.pipeline.InlineChecksum;
import dev.pitstop.fetchers.internal.pipeline.Plan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code file: <path>}: a binary or archive on this machine (a local build, a vendored download), taken through
 * the same verify-and-extract path. The version is the spec's, or {@code local} when it says {@code latest}.
 * It declares {@link SourceCapability#LOCAL_FILE}, so the engine stores it from its path, re-reads it on reload
 * and watches it with {@code watch: true}.
 */
final class FileSource implements Source<FileSettings> {
    private final FetchPipeline pipeline;

    @Inject
    FileSource(FetchPipeline pipeline) {
        this.pipeline = pipeline;
    }

    @Override
    public Class<FileSettings> settingsType() {
        return FileSettings.class;
    }

    @Override
    public Set<SourceCapability> capabilities() {
        return Set.of(SourceCapability.LOCAL_FILE);
    }

    @Override
    public Release resolve(BinarySpec spec, Platform platform) {
        Path file = Path.of(spec.location()).toAbsolutePath().normalize();
        if (!Files.isRegularFile(file)) {
            throw new FetchException("binaries." + spec.name() + ".file: '" + spec.location() + "': no such file");
        }
        Instant modified;
        long size;
        try {
            modified = Files.getLastModifiedTime(file).toInstant();
            size = Files.size(file);
        } catch (IOException e) {
            throw new FetchException("binaries." + spec.name() + ".file: cannot read " + file + ": " + e.getMessage(), e);
        }
        String version = "latest".equals(spec.version()) ? "local" : spec.version();
        return new Release(version, version, modified, false, List.of(new Asset(file.getFileName().toString(),
                file.toUri(), size, InlineChecksum.parse(spec.name(), "checksum", spec.trust().checksum()).orElse(null),
                null)));
    }

    @Override
    public FetchedBinary fetch(FetchRequest request) {
        BinarySpec spec = request.spec();
        Release release = request.release();
        Asset asset = release.assets().get(0);
        Plan plan = new Plan("file:" + Path.of(asset.downloadUrl()), release.version(), null,
                new Asset(asset.name(), asset.downloadUrl(), asset.size(), null, null), List.of(),
                Optional.ofNullable(asset.digest()), Optional.empty(), Optional.empty(),
                Optional.ofNullable(settings(spec).path()), List.of(spec.name()));
        return pipeline.run(request, plan);
    }
}
