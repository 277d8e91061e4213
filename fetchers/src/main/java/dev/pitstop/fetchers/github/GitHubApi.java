package dev.pitstop.fetchers.github;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pitstop.core.source.FetchException;
import dev.pitstop.core.source.Release;
import dev.pitstop.fetchers.internal.http.EtagCache;
import dev.pitstop.fetchers.internal.http.HttpTransport;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import dev.pitstop.fetchers.internal.github.GitHubJson;

/** The three release endpoints of GitHub's REST API, answered from the ETag cache when unchanged. */
final class GitHubApi {
    private static final Pattern NEXT = Pattern.compile("<([^>]+)>\\s*;\\s*rel=\"next\"");
    private static final int PER_PAGE = 30;
    private static final int MAX_PAGES = 10;

    private final ObjectMapper json = new ObjectMapper();
    private final GitHubSettings settings;
    private final EtagCache cache;

    GitHubApi(GitHubSettings settings, HttpTransport http, Path cacheRoot) {
        this.settings = settings;
        this.cache = new EtagCache(cacheRoot.resolve("github").resolve(settings.api().getHost()
                + (settings.api().getPort() >= 0 ? "_" + settings.api().getPort() : "")), http);
    }

    Release latest() {
        return GitHubJson.release(getRequired(repoPath("/releases/latest"), "no published release"), this::downloadUrl);
    }

    Release tag(String tag) {
        Optional<JsonNode> found = get(repoPath("/releases/tags/" + URLEncoder.encode(tag, StandardCharsets.UTF_8)));
        if (found.isEmpty() && !tag.startsWith("v") && !tag.isEmpty() && Character.isDigit(tag.charAt(0))) {
            found = get(repoPath("/releases/tags/v" + URLEncoder.encode(tag, StandardCharsets.UTF_8)));
        }
        return GitHubJson.release(found.orElseThrow(() -> notFound("no release tagged " + tag)), this::downloadUrl);
    }

    /** The newest release that is not a draft, pre-releases included. */
    Release newestIncludingPrereleases() {
        URI page = repoPath("/releases?per_page=" + PER_PAGE + "&page=1");
        for (int n = 0; n < MAX_PAGES && page != null; n++) {
            EtagCache.Cached response = fetch(page);
            if (response.status() == 404) {
                throw notFound("repository not found");
            }
            for (JsonNode release : parse(page, response.body())) {
                if (!GitHubJson.isDraft(release)) {
                    return GitHubJson.release(release, this::downloadUrl);
                }
            }
            page = response.link().map(NEXT::matcher).filter(Matcher::find).map(m -> URI.create(m.group(1))).orElse(null);
        }
        throw notFound("no published release in the first " + MAX_PAGES * PER_PAGE);
    }

    private URI downloadUrl(String[] nameAndBrowserUrl) {
        return URI.create(nameAndBrowserUrl[1]);
    }

    private JsonNode getRequired(URI uri, String missing) {
        return get(uri).orElseThrow(() -> notFound(missing));
    }

    private Optional<JsonNode> get(URI uri) {
        EtagCache.Cached response = fetch(uri);
        return response.status() == 404 ? Optional.empty() : Optional.of(parse(uri, response.body()));
    }

    private EtagCache.Cached fetch(URI uri) {
        EtagCache.Cached response = cache.get(uri, headers());
        if (response.status() != 200 && response.status() != 404) {
            throw new FetchException("GitHub API " + HttpTransport.redact(uri) + " answered HTTP " + response.status()
                    + (response.status() == 401 || response.status() == 403 ? " (check the token's access)" : ""));
        }
        return response;
    }

    private Map<String, String> headers() {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Accept", "application/vnd.github+json");
        h.put("X-GitHub-Api-Version", "2022-11-28");
        h.put("User-Agent", "pitstop");
        settings.token().ifPresent(t -> h.put("Authorization", "Bearer " + t));
        return h;
    }

    private JsonNode parse(URI uri, String body) {
        try {
            return json.readTree(body);
        } catch (JsonProcessingException e) {
            throw new FetchException("GitHub API " + HttpTransport.redact(uri) + " sent invalid JSON: "
                    + e.getOriginalMessage(), e);
        }
    }

    private URI repoPath(String suffix) {
        return URI.create(settings.api() + "/repos/" + settings.owner() + "/" + settings.repo() + suffix);
    }

    private FetchException notFound(String what) {
        return new FetchException(settings.coordinates() + ": " + what + " (" + settings.api() + ")");
    }
}
