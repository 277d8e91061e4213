package dev.pitstop.core.source;

import dev.pitstop.core.Platform;
import dev.pitstop.core.stack.BinarySpec;
import dev.pitstop.core.store.BinaryVersion;
import dev.pitstop.core.store.LockedArtifact;
import java.util.Optional;
import java.util.Set;

/**
 * Where a binary comes from: a GitHub release, a URL template, a mirror, a local file, or anything an embedder
 * binds. Bound in a {@code MapBinder<String, Source<?>>} under its kind (see {@link SourceBinder}); the stack
 * file's key is the kind ({@code github: nats-io/nats-server}).
 *
 * @param <S> the source's own keys of a {@code binaries:} entry, a record read by Jackson (snake_case keys)
 */
public interface Source<S> {

    /**
     * The record this source's keys are read into when the stack file is read. Keys shared by every source
     * ({@code version}, {@code watch}, {@code poll}, {@code checksum}, {@code signature}, {@code public_key},
     * {@code cosign_key}) are not part of it; any other key it lacks is an error at its line and column.
     * {@link NoSettings} takes no key.
     */
    Class<S> settingsType();

    /** What the engine may do with this source's binaries beyond resolve and fetch. */
    default Set<SourceCapability> capabilities() {
        return Set.of();
    }

    /** What is published for this spec right now: version and assets. Cheap and cached; no download. */
    Release resolve(BinarySpec spec, Platform platform);

    /**
     * Downloads the asset of {@link FetchRequest#release()} (resolved once by the engine, never again here) for
     * the request's platform, verifies it against the best evidence available and extracts the binary into the
     * staging folder. On any failure nothing is left in the staging folder.
     */
    FetchedBinary fetch(FetchRequest request);

    /**
     * How this source would choose the artifact of {@code release} (what {@link #resolve} returned) for
     * {@code platform}: every candidate with its score and the reason, or every input of a build (what
     * {@code pitstop fetch NAME --explain} prints). Sources with a single artifact say so.
     */
    default String explain(BinarySpec spec, Release release, Platform platform) {
        return spec.name() + ": a " + spec.kind() + " source offers one artifact per platform; nothing to choose\n";
    }

    /**
     * Whether {@link #resolve} would now give something other than {@code current}, as cheaply as the source can
     * tell, never downloading an asset: empty when it would give {@code current} again, else what {@code resolve}
     * gives. The default resolves (GitHub answers an unchanged release with a {@code 304} to the stored ETag, which
     * its rate limit does not count) and compares the version and, for a source build, the commit and build key.
     */
    default Optional<Release> poll(BinarySpec spec, Platform platform, Optional<BinaryVersion> current) {
        Release latest = resolve(spec, platform);
        boolean same = current.isPresent() && latest.version().equals(current.get().version())
                && (latest.revision() == null || latest.revision().commit().equals(current.get().commit())
                        && latest.revision().buildKey().equals(current.get().buildKey()));
        return same ? Optional.empty() : Optional.of(latest);
    }

    /**
     * For {@code pitstop lock}: the asset {@link #fetch} would download for {@code platform} from {@code release},
     * with its SHA-256 taken from published evidence (the host's digest, a checksum file) or, when there is none,
     * from one download that is hashed and thrown away. Nothing is extracted or stored. Empty when the source
     * cannot tell without a fetch: the engine then fetches into a temporary folder and records what it got.
     * Not called for releases with a {@link Release#revision()} (builds are locked by their commit).
     */
    default Optional<LockedAsset> lock(BinarySpec spec, Release release, Platform platform) {
        return Optional.empty();
    }

    /**
     * The release {@code locked} pins, for a fetch on a machine of a locked platform: by default what
     * {@link #resolve} gives for the locked tag. A source that builds resolves the locked commit instead.
     */
    default Release resolveLocked(BinarySpec spec, Platform platform, LockedArtifact locked) {
        return resolve(spec.withVersion(locked.tag()), platform);
    }

    /** This source's keys of {@code spec}, as read from the stack file. */
    default S settings(BinarySpec spec) {
        return spec.settings(settingsType());
    }
}
