package dev.pitstop.fetchers.internal.archive;

import dev.pitstop.core.source.FetchException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Finds the binary among extracted files: the {@code path:} setting, else a file named like the tool, else the
 * only executable.
 */
public final class BinaryPicker {

    /**
     * @param path the {@code path:} setting: a path inside the archive or a glob ({@code * /bin/nats})
     * @param names the names the binary may have, best first (the binary's name, the repo's name)
     */
    public Extracted pick(String archiveName, List<Extracted> files, Optional<String> path, List<String> names,
                          boolean windows) {
        if (path.isPresent()) {
            String wanted = path.get().replace('\\', '/');
            PathMatcher glob = FileSystems.getDefault().getPathMatcher("glob:" + wanted);
            return shortest(files.stream().filter(f -> f.relative().equals(wanted) || f.relative().endsWith("/" + wanted)
                    || glob.matches(Path.of(f.relative()))).collect(Collectors.toList()))
                    .orElseThrow(() -> missing(archiveName, files, "path: \"" + wanted + "\" matches no file"));
        }
        for (String name : names) {
            for (String candidate : windows ? List.of(name + ".exe", name) : List.of(name)) {
                Optional<Extracted> hit = shortest(files.stream()
                        .filter(f -> f.fileName().toLowerCase(Locale.ROOT).equals(candidate.toLowerCase(Locale.ROOT)))
                        .collect(Collectors.toList()));
                if (hit.isPresent()) {
                    return hit.get();
                }
            }
        }
        List<Extracted> runnable = files.stream()
                .filter(f -> windows ? f.fileName().toLowerCase(Locale.ROOT).endsWith(".exe") : f.executable())
                .collect(Collectors.toList());
        if (runnable.size() == 1) {
            return runnable.get(0);
        }
        if (files.size() == 1) {
            return files.get(0);
        }
        throw missing(archiveName, files, "no file named " + names + (runnable.isEmpty() ? " and no executable"
                : " and " + runnable.size() + " executables"));
    }

    private static Optional<Extracted> shortest(List<Extracted> hits) {
        return hits.stream().min(Comparator.comparingInt((Extracted f) -> f.relative().length()));
    }

    private static FetchException missing(String archiveName, List<Extracted> files, String why) {
        String listing = files.stream().limit(10).map(Extracted::relative).collect(Collectors.joining(", "));
        return new FetchException(archiveName + ": " + why + "; it holds " + listing
                + (files.size() > 10 ? ", …" : "") + "; choose one with path: \"<file in archive>\"");
    }
}
