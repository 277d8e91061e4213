package dev.pitstop.fetchers.git;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.stream.Stream;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;

/**
 * What a git exchange received, for {@code pitstop poll}'s cost: JGit reports no byte counts, so the ref
 * advertisement is sized as the protocol sends it (one pkt-line per ref, and one per peeled tag) and a fetch's pack
 * by how much the cache's pack files grew.
 */
final class GitTraffic {
    private static final int PKT_LINE = 4 + 40 + 1 + 1; // length prefix, object id, space, newline

    private GitTraffic() {
    }

    static long advertisement(Collection<Ref> refs) {
        long bytes = 4; // the flush packet
        for (Ref ref : refs) {
            bytes += PKT_LINE + ref.getName().length();
            if (ref.getPeeledObjectId() != null) {
                bytes += PKT_LINE + ref.getName().length() + 3; // NAME^{}
            }
        }
        return bytes;
    }

    static long packBytes(Repository repo) {
        Path packs = repo.getDirectory().toPath().resolve("objects/pack");
        if (!Files.isDirectory(packs)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(packs)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".pack")).mapToLong(p -> p.toFile().length()).sum();
        } catch (IOException e) {
            return 0;
        }
    }
}
