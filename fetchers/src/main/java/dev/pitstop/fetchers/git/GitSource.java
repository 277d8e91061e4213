package dev.pitstop.fetchers.git;

import com.google.inject.Inject;
import com.google.inject.Singleton;
import dev.pitstop.core.PitstopHome;
import dev.pitstop.core.Platform;
import dev.pitstop.core.source.FetchRequest;
import dev.pitstop.core.source.FetchedBinary;
import dev.pitstop.core.source.Release;
import dev.pitstop.core.source.Source;
import dev.pitstop.core.source.TransferMeter;
import dev.pitstop.core.stack.BinarySpec;
import dev.pitstop.core.store.BinaryVersion;
import dev.pitstop.core.store.LockedArtifact;
import java.util.Optional;

/**
 * {@code git: <url>} + {@code build:}: a binary built from a git repository ({@link GitBuilds} does the work).
 *
 * <p>Every stack's injector makes every source, and Guice reads each one's methods, loading the types they name.
 * JGit's jar is signed: its first class costs a verification of the jar (some 300 security classes, ~50 ms of a
 * supervisor's start-up) and none of its classes can be class-data-shared. So this class names no JGit type, and
 * the JGit side, with its one cache per JVM, is made when a git binary is first resolved.
 */
@Singleton
final class GitSource implements Source<GitSettings> {
    private final PitstopHome home;
    private final TransferMeter meter;
    private GitBuilds builds;

    @Inject
    GitSource(PitstopHome home, TransferMeter meter) {
        this.home = home;
        this.meter = meter;
    }

    private synchronized GitBuilds builds() {
        if (builds == null) {
            builds = new GitBuilds(new GitCache(home, meter), home, meter);
        }
        return builds;
    }

    @Override
    public Class<GitSettings> settingsType() {
        return GitSettings.class;
    }

    @Override
    public Release resolve(BinarySpec spec, Platform platform) {
        return builds().resolve(spec, platform);
    }

    @Override
    public Release resolveLocked(BinarySpec spec, Platform platform, LockedArtifact locked) {
        return builds().resolveLocked(spec, platform, locked);
    }

    @Override
    public Optional<Release> poll(BinarySpec spec, Platform platform, Optional<BinaryVersion> current) {
        return builds().poll(spec, platform, current);
    }

    @Override
    public FetchedBinary fetch(FetchRequest request) {
        return builds().fetch(request);
    }

    @Override
    public String explain(BinarySpec spec, Release release, Platform platform) {
        return builds().explain(spec, release, platform);
    }
}
