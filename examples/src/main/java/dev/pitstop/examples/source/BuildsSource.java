package dev.pitstop.examples.source;

import dev.pitstop.core.Platform;
import dev.pitstop.core.Sha256;
import dev.pitstop.core.source.Asset;
import dev.pitstop.core.source.DigestMismatchException;
import dev.pitstop.core.source.FetchException;
import dev.pitstop.core.source.FetchRequest;
import dev.pitstop.core.source.FetchedBinary;
import dev.pitstop.core.source.InvalidSettingException;
import dev.pitstop.core.source.Release;
import dev.pitstop.core.source.Source;
import dev.pitstop.core.source.SourceCapability;
import dev.pitstop.core.stack.BinarySpec;
import dev.pitstop.core.trust.Evidence;
import java.io.IOException;
import java.lang.module.ModuleDescriptor.Version;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * {@code builds: ./out}: a folder where a build drops versioned binaries ({@code out/greeter-1.2.0},
 * {@code out/greeter-1.10.0}); {@code latest} is the highest version. The example of docs/sources.md,
 * "Write your own source".
 */
public final class BuildsSource implements Source<BuildsSource.Settings> {

    /** The keys of a {@code builds:} binary: {@code prefix: greeter-} (default: the binary's name and a dash). */
    public record Settings(String prefix) {
        public Settings {
            if (prefix != null && (prefix.isBlank() || prefix.contains("/"))) {
                throw new InvalidSettingException("prefix", "expected the start of a file name, found '" + prefix + "'");
            }
        }
    }

    @Override
    public Class<Settings> settingsType() {
        return Settings.class;
    }

    /** The folder is a path: the engine resolves a relative one against the stack file's folder. */
    @Override
    public Set<SourceCapability> capabilities() {
        return Set.of(SourceCapability.LOCAL_PATH);
    }

    @Override
    public Release resolve(BinarySpec spec, Platform platform) {
        String prefix = settings(spec).prefix() != null ? settings(spec).prefix() : spec.name() + "-";
        Path folder = Path.of(spec.location());
        try (Stream<Path> files = Files.list(folder)) {
            Path build = files.filter(f -> f.getFileName().toString().startsWith(prefix))
                    .filter(f -> version(f, prefix).matches("\\d.*"))
                    .filter(f -> "latest".equals(spec.version()) || version(f, prefix).equals(spec.version()))
                    .max(Comparator.comparing(f -> Version.parse(version(f, prefix))))
                    .orElseThrow(() -> new FetchException(spec.name() + ": no " + prefix + spec.version()
                            .replace("latest", "*") + " in " + folder));
            String version = version(build, prefix);
            return new Release(version, version, Files.getLastModifiedTime(build).toInstant(), false,
                    List.of(new Asset(build.getFileName().toString(), build.toUri(), Files.size(build), null, null)));
        } catch (IOException e) {
            throw new FetchException(spec.name() + ": cannot list " + folder + ": " + e.getMessage(), e);
        }
    }

    /** Copies the resolved build (never resolving again) and keeps the promise that a version's bytes never change. */
    @Override
    public FetchedBinary fetch(FetchRequest request) {
        Asset asset = request.release().assets().get(0);
        Path target = request.stagingDir().resolve(request.spec().name());
        try {
            Files.copy(Path.of(asset.downloadUrl()), target, StandardCopyOption.REPLACE_EXISTING);
            target.toFile().setExecutable(true);
            Sha256 sha = Sha256.ofFile(target);
            if (request.recordedSha().isPresent() && !request.recordedSha().get().equals(sha)) {
                Files.delete(target);
                throw new DigestMismatchException(asset.name(), "manifest", request.recordedSha().get().toString(),
                        sha.toString());
            }
            return new FetchedBinary(target, sha, Files.size(target), sha, request.release().version(), null,
                    "builds:" + request.spec().location(), asset.name(),
                    List.of(new Evidence("none", "local build " + asset.name())));
        } catch (IOException e) {
            throw new FetchException(request.spec().name() + ": cannot copy " + asset.name() + ": " + e.getMessage(), e);
        }
    }

    private static String version(Path file, String prefix) {
        return file.getFileName().toString().substring(prefix.length());
    }
}
