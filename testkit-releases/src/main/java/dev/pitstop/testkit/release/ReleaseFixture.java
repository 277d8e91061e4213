package dev.pitstop.testkit.release;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One release of a {@link ReleaseServer} repository, built fluently:
 * {@code server.repo("nats-io/nats-server").release("v2.10.1").asset("nats-server-v2.10.1-linux-amd64.tar.gz", tgz).checksums("SHA256SUMS")}.
 */
public final class ReleaseFixture {
    private final RepoFixture repo;
    final String tag;
    final Map<String, byte[]> assets = new LinkedHashMap<>();
    final Map<String, String> digests = new LinkedHashMap<>();
    boolean prerelease;
    boolean draft;
    boolean publishDigests = true;
    Instant publishedAt = Instant.parse("2025-06-01T12:00:00Z");

    ReleaseFixture(RepoFixture repo, String tag) {
        this.repo = repo;
        this.tag = tag;
    }

    public ReleaseFixture asset(String name, byte[] content) {
        assets.put(name, content.clone());
        digests.put(name, "sha256:" + sha256(content));
        return this;
    }

    public ReleaseFixture asset(String name, String content) {
        return asset(name, content.getBytes(StandardCharsets.UTF_8));
    }

    /** Adds a {@code sha256sum}-style file listing every asset added so far. */
    public ReleaseFixture checksums(String fileName) {
        StringBuilder text = new StringBuilder();
        for (Map.Entry<String, byte[]> a : new ArrayList<>(assets.entrySet())) {
            text.append(sha256(a.getValue())).append("  ").append(a.getKey()).append('\n');
        }
        return asset(fileName, text.toString());
    }

    /** Overrides the published {@code assets[].digest} of one asset (to publish a wrong one). */
    public ReleaseFixture digest(String assetName, String prefixedDigest) {
        digests.put(assetName, prefixedDigest);
        return this;
    }

    /** Whether {@code assets[].digest} is in the JSON (GitHub added it in 2025; older releases lack it). */
    public ReleaseFixture publishDigests(boolean publish) {
        publishDigests = publish;
        return this;
    }

    public ReleaseFixture prerelease(boolean value) {
        prerelease = value;
        return this;
    }

    public ReleaseFixture draft(boolean value) {
        draft = value;
        return this;
    }

    public ReleaseFixture publishedAt(Instant when) {
        publishedAt = when;
        return this;
    }

    /** Another release of the same repository. */
    public ReleaseFixture release(String tag) {
        return repo.release(tag);
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
