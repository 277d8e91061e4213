package dev.pitstop.fetchers.internal.github;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pitstop.core.source.Asset;
import dev.pitstop.core.source.Release;
import dev.pitstop.core.trust.Digest;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Reads GitHub's release JSON ({@code tag_name}, {@code draft}, {@code prerelease}, {@code published_at},
 * {@code assets[].name/size/content_type/browser_download_url/digest}). Shared with the mirror source, whose
 * release files are copies of these responses.
 */
public final class GitHubJson {
    private GitHubJson() {
    }

    /**
     * @param downloadUrl where each asset is downloaded from, given its name and its {@code browser_download_url}
     */
    public static Release release(JsonNode node, Function<String[], URI> downloadUrl) {
        String tag = node.path("tag_name").asText(null);
        if (tag == null || tag.isEmpty()) {
            throw new IllegalArgumentException("release JSON has no tag_name");
        }
        List<Asset> assets = new ArrayList<>();
        for (JsonNode a : node.path("assets")) {
            String name = a.path("name").asText();
            String browser = a.path("browser_download_url").asText("");
            String digest = a.path("digest").asText(null);
            assets.add(new Asset(name, downloadUrl.apply(new String[] {name, browser}), a.path("size").asLong(-1),
                    digest == null || digest.isEmpty() ? null : Digest.parse(digest), a.path("content_type").asText(null)));
        }
        String published = node.path("published_at").asText(null);
        return new Release(tag, null, published == null || published.isEmpty() ? null : Instant.parse(published),
                node.path("prerelease").asBoolean(false), assets);
    }

    public static boolean isDraft(JsonNode node) {
        return node.path("draft").asBoolean(false);
    }
}
