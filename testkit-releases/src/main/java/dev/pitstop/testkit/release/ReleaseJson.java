package dev.pitstop.testkit.release;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Writes releases in the shape of GitHub's REST API ({@code 2022-11-28}). */
final class ReleaseJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ReleaseJson() {
    }

    static ObjectNode release(URI api, URI web, RepoFixture repo, ReleaseFixture r, long id) {
        ObjectNode n = JSON.createObjectNode();
        String repoUrl = api + "repos/" + repo.ownerRepo;
        n.put("url", repoUrl + "/releases/" + id);
        n.put("html_url", web + repo.ownerRepo + "/releases/tag/" + enc(r.tag));
        n.put("assets_url", repoUrl + "/releases/" + id + "/assets");
        n.put("id", id);
        n.put("tag_name", r.tag);
        n.put("target_commitish", "main");
        n.put("name", "Release " + r.tag);
        n.put("draft", r.draft);
        n.put("prerelease", r.prerelease);
        n.put("created_at", r.publishedAt.toString());
        n.put("published_at", r.draft ? null : r.publishedAt.toString());
        ArrayNode assets = n.putArray("assets");
        long assetId = id * 1000;
        for (Map.Entry<String, byte[]> a : r.assets.entrySet()) {
            ObjectNode asset = assets.addObject();
            asset.put("url", repoUrl + "/releases/assets/" + (++assetId));
            asset.put("id", assetId);
            asset.put("name", a.getKey());
            asset.putNull("label");
            asset.put("content_type", contentType(a.getKey()));
            asset.put("state", "uploaded");
            asset.put("size", a.getValue().length);
            if (r.publishDigests) {
                asset.put("digest", r.digests.get(a.getKey()));
            } else {
                asset.putNull("digest");
            }
            asset.put("download_count", 0);
            asset.put("created_at", r.publishedAt.toString());
            asset.put("updated_at", r.publishedAt.toString());
            asset.put("browser_download_url", web + repo.ownerRepo + "/releases/download/" + enc(r.tag) + "/" + enc(a.getKey()));
        }
        n.put("tarball_url", repoUrl + "/tarball/" + enc(r.tag));
        n.put("zipball_url", repoUrl + "/zipball/" + enc(r.tag));
        n.put("body", "");
        return n;
    }

    static String write(Object node) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static ArrayNode array() {
        return JSON.createArrayNode();
    }

    static String enc(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String contentType(String name) {
        if (name.endsWith(".zip")) {
            return "application/zip";
        } else if (name.endsWith(".gz") || name.endsWith(".tgz")) {
            return "application/gzip";
        } else if (name.endsWith(".txt") || name.contains("SUMS") || name.endsWith(".sha256")) {
            return "text/plain";
        }
        return "application/octet-stream";
    }
}
