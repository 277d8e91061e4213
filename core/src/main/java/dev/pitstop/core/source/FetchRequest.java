package dev.pitstop.core.source;

import dev.pitstop.core.Platform;
import dev.pitstop.core.Sha256;
import dev.pitstop.core.stack.BinarySpec;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What to fetch and where to put it.
 *
 * @param release what the source's {@link Source#resolve} returned for this fetch: the source fetches this
 *                release and does not resolve again, so a {@code latest} that moves meanwhile cannot mix two
 *                releases' files and digests
 * @param stagingDir an existing, empty folder owned by the caller; the binary is extracted into it
 * @param recordedSha the manifest's SHA-256 of the archive for this same version: a re-fetch must give the
 *                    same bytes
 * @param logDir where a source that builds writes its build log ({@code build-<name>.log}): the stack's
 *               {@code .pitstop/logs}; {@code null} for a temporary folder of the source's choosing
 */
public record FetchRequest(BinarySpec spec, Release release, Platform platform, Path stagingDir,
                           Optional<Sha256> recordedSha, ProgressListener progress, Path logDir) {
    public FetchRequest {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(release, "release");
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(stagingDir, "stagingDir");
        recordedSha = recordedSha == null ? Optional.empty() : recordedSha;
        progress = progress == null ? ProgressListener.NONE : progress;
    }

    public static FetchRequest of(BinarySpec spec, Release release, Platform platform, Path stagingDir) {
        return new FetchRequest(spec, release, platform, stagingDir, Optional.empty(), ProgressListener.NONE, null);
    }

    public FetchRequest withRecordedSha(Sha256 sha) {
        return new FetchRequest(spec, release, platform, stagingDir, Optional.of(sha), progress, logDir);
    }

    public FetchRequest withProgress(ProgressListener listener) {
        return new FetchRequest(spec, release, platform, stagingDir, recordedSha, listener, logDir);
    }

    public FetchRequest withLogDir(Path dir) {
        return new FetchRequest(spec, release, platform, stagingDir, recordedSha, progress, dir);
    }
}
