package dev.pitstop.testkit.release;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A repository of a {@link ReleaseServer}; releases are listed newest (last added) first. */
public final class RepoFixture {
    final String ownerRepo;
    final List<ReleaseFixture> releases = new CopyOnWriteArrayList<>();

    RepoFixture(String ownerRepo) {
        this.ownerRepo = ownerRepo;
    }

    public ReleaseFixture release(String tag) {
        ReleaseFixture r = new ReleaseFixture(this, tag);
        releases.add(0, r);
        return r;
    }
}
