package dev.pitstop.fetchers.git;

import dev.pitstop.core.source.FetchException;
import dev.pitstop.core.source.TransferMeter;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;

/** {@code git ls-remote} with JGit: the commit a ref names on the remote right now, without fetching any object. */
final class RemoteRefs {
    private RemoteRefs() {
    }

    /** The commit {@code ref} names on {@code url} (the remote's HEAD when {@code null}), if it names one. */
    static Optional<String> commit(String url, String ref, TransferMeter meter) {
        Map<String, Ref> refs;
        try {
            refs = Git.lsRemoteRepository().setRemote(url).setTimeout(GitCache.TIMEOUT_SECONDS).callAsMap();
            meter.request(0, GitTraffic.advertisement(refs.values()));
        } catch (GitAPIException e) {
            throw new FetchException("git " + url + ": ls-remote failed: " + GitCache.oneLine(e), e);
        }
        if (ref != null && ref.matches("[0-9a-f]{40}")) {
            return Optional.of(ref);
        }
        Ref found = ref == null ? refs.get(Constants.HEAD)
                : Optional.ofNullable(refs.get(Constants.R_TAGS + ref))
                        .or(() -> Optional.ofNullable(refs.get(ref.startsWith(Constants.R_REFS) ? ref : Constants.R_HEADS + ref)))
                        .orElse(null);
        if (found == null) {
            return Optional.empty();
        }
        ObjectId id = found.getPeeledObjectId() != null ? found.getPeeledObjectId() : found.getObjectId();
        return Optional.ofNullable(id).map(ObjectId::getName);
    }
}
