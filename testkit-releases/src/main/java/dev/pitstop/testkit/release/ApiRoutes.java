package dev.pitstop.testkit.release;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The github.com / api.github.com side of {@link ReleaseServer}: release JSON, paging, ETags, rate limits. */
final class ApiRoutes {
    private final ReleaseServer server;
    private final HttpExchange ex;
    private final Faults faults;

    ApiRoutes(ReleaseServer server, HttpExchange ex) {
        this.server = server;
        this.ex = ex;
        this.faults = server.faultsState();
    }

    int answer() throws IOException {
        String[] p = ex.getRequestURI().getPath().split("/");
        // /OWNER/REPO/releases/download/TAG/ASSET → redirect to the object store
        if (p.length == 7 && "releases".equals(p[3]) && "download".equals(p[4])) {
            ex.getResponseHeaders().set("Location", server.objectsUrl() + "objects/" + p[1] + "/" + p[2] + "/"
                    + ReleaseJson.enc(p[5]) + "/" + ReleaseJson.enc(p[6]));
            server.respond(ex, 302, -1);
            return 302;
        }
        Instant reset = faults.rateLimitReset.get();
        if (reset != null) {
            rateHeaders(0, reset);
            if (faults.rateLimitWith429) {
                ex.getResponseHeaders().set("retry-after", String.valueOf(Math.max(1, reset.getEpochSecond()
                        - Instant.now().getEpochSecond())));
                return json(429, "{\"message\":\"You have exceeded a secondary rate limit.\"}");
            }
            return json(403, "{\"message\":\"API rate limit exceeded for 127.0.0.1.\"}");
        }
        rateHeaders(59, Instant.now().plusSeconds(3600));
        if (faults.apiErrors.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            return json(500, "{\"message\":\"Server Error\"}");
        }
        if (p.length < 5 || !"repos".equals(p[1]) || !"releases".equals(p[4])) {
            return notFound();
        }
        RepoFixture repo = server.repos().get(p[2] + "/" + p[3]);
        if (repo == null) {
            return notFound();
        }
        if (p.length == 5) {
            return page(repo);
        }
        if (p.length == 6 && "latest".equals(p[5])) {
            return release(repo, server.latest(repo));
        }
        if (p.length == 7 && "tags".equals(p[5])) {
            return release(repo, repo.releases.stream().filter(r -> r.tag.equals(p[6]) && !r.draft).findFirst());
        }
        return notFound();
    }

    private int release(RepoFixture repo, Optional<ReleaseFixture> r) throws IOException {
        if (r.isEmpty()) {
            return notFound();
        }
        return withEtag(ReleaseJson.write(ReleaseJson.release(server.apiUrl(), server.apiUrl(), repo, r.get(),
                1 + repo.releases.indexOf(r.get()))));
    }

    private int page(RepoFixture repo) throws IOException {
        int perPage = Math.min(100, Math.max(1, query("per_page").orElse(30)));
        int page = Math.max(1, query("page").orElse(1));
        List<ReleaseFixture> all = repo.releases;
        int from = Math.min(all.size(), (page - 1) * perPage);
        int to = Math.min(all.size(), from + perPage);
        ArrayNode array = server.emptyArray();
        for (int i = from; i < to; i++) {
            array.add(ReleaseJson.release(server.apiUrl(), server.apiUrl(), repo, all.get(i), i + 1L));
        }
        int last = Math.max(1, (all.size() + perPage - 1) / perPage);
        if (page < last) {
            URI base = server.apiUrl().resolve("repos/" + repo.ownerRepo + "/releases");
            ex.getResponseHeaders().set("Link", "<" + base + "?per_page=" + perPage + "&page=" + (page + 1)
                    + ">; rel=\"next\", <" + base + "?per_page=" + perPage + "&page=" + last + ">; rel=\"last\"");
        }
        return withEtag(ReleaseJson.write(array));
    }

    private int withEtag(String body) throws IOException {
        String etag = "W/\"" + ReleaseFixture.sha256(body.getBytes(StandardCharsets.UTF_8)).substring(0, 32) + "\"";
        ex.getResponseHeaders().set("ETag", etag);
        if (etag.equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
            server.respond(ex, 304, -1);
            return 304;
        }
        return json(200, body);
    }

    private void rateHeaders(int remaining, Instant reset) {
        ex.getResponseHeaders().set("x-ratelimit-limit", "60");
        ex.getResponseHeaders().set("x-ratelimit-remaining", String.valueOf(remaining));
        ex.getResponseHeaders().set("x-ratelimit-reset", String.valueOf(reset.getEpochSecond()));
        ex.getResponseHeaders().set("x-ratelimit-resource", "core");
    }

    private Optional<Integer> query(String name) {
        String q = ex.getRequestURI().getQuery();
        if (q == null) {
            return Optional.empty();
        }
        for (String part : q.split("&")) {
            if (part.startsWith(name + "=")) {
                try {
                    return Optional.of(Integer.parseInt(part.substring(name.length() + 1)));
                } catch (NumberFormatException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    private int notFound() throws IOException {
        return json(404, "{\"message\":\"Not Found\",\"documentation_url\":\"https://docs.github.com/rest\",\"status\":\"404\"}");
    }

    private int json(int status, String body) throws IOException {
        return server.send(ex, status, "application/json; charset=utf-8", body.getBytes(StandardCharsets.UTF_8));
    }
}
