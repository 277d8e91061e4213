package dev.pitstop.cli.self;

import dev.pitstop.core.PitstopException;
import dev.pitstop.fetchers.ExtractionLimits;
import dev.pitstop.fetchers.internal.archive.Extractor;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Unpacks a verified release archive into {@code versions/<version>/} and checks that it runs. Extraction is the
 * fetchers' {@link Extractor} (path, link and size checks); the archive's modification times are put back
 * afterwards, because the class-data-sharing archives inside only match jars with the times they were built
 * with.
 */
final class ReleaseTree {
    private static final Logger LOG = LoggerFactory.getLogger(ReleaseTree.class);
    private static final long CHECK_SECONDS = 60;

    /** Unpacks {@code archive} as {@code target}, replacing an earlier unpack of the same version. */
    void unpack(Path archive, Path target, String version) {
        Path versions = target.getParent();
        Path temp = versions.resolve(".unpack-" + ProcessHandle.current().pid());
        try {
            Files.createDirectories(versions);
            delete(temp);
            new Extractor(ExtractionLimits.defaults()).extract(archive, "pitstop.tar.gz", temp, "pitstop");
            restoreTimes(archive, temp);
            Path top = topFolder(temp);
            String packed = releaseVersion(top);
            if (!packed.equals(version)) {
                throw new PitstopException("the archive of release " + version + " holds Pitstop " + packed);
            }
            Path old = versions.resolve(".old-" + ProcessHandle.current().pid());
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
            }
            Files.move(top, target, StandardCopyOption.ATOMIC_MOVE);
            delete(old);
            if (javaFeature(target) < 19) {
                trainCds(target);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack release " + version + " into " + target, e);
        } finally {
            delete(temp);
        }
    }

    /**
     * Before JDK 19, class-data sharing matches class paths by absolute path, so the archives made at build time
     * do not apply here: make them again (as install.sh does). Without them Pitstop only starts slower.
     */
    private static void trainCds(Path tree) {
        try {
            run(tree, CHECK_SECONDS * 3, tree.resolve("app/train-cds").toString());
        } catch (PitstopException e) {
            LOG.warn("could not prepare the start-up archives of {}; it runs, only slower: {}", tree, e.getMessage());
        }
    }

    /** Runs {@code bin/pitstop --version} of an unpacked release: it must start and name its version. */
    void check(Path tree, String version) {
        String out = run(tree, CHECK_SECONDS, tree.resolve("bin/pitstop").toString(), "--version");
        if (!out.equals("pitstop " + version)) {
            throw new PitstopException(tree + "/bin/pitstop --version answered '" + out + "', not 'pitstop " + version + "'");
        }
    }

    /** Runs a command of the release with a deadline; returns its output, or throws naming the command. */
    private static String run(Path tree, long seconds, String... command) {
        Path log = tree.resolveSibling(".run-" + ProcessHandle.current().pid());
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor();
                throw new PitstopException(String.join(" ", command) + " did not finish within " + seconds + " s");
            }
            String out = Files.readString(log, StandardCharsets.UTF_8).strip();
            if (p.exitValue() != 0) {
                throw new PitstopException(String.join(" ", command) + " failed (exit code " + p.exitValue() + "): " + out);
            }
            return out;
        } catch (IOException e) {
            throw new PitstopException(command[0] + " does not start: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PitstopException("interrupted while running " + command[0], e);
        } finally {
            delete(log);
        }
    }

    /** The Java feature version of the release's runtime ({@code JAVA_VERSION} in its {@code release} file). */
    private static int javaFeature(Path tree) {
        String version = ReleaseFile.field(tree, "JAVA_VERSION").orElse("");
        int end = 0;
        while (end < version.length() && Character.isDigit(version.charAt(end))) {
            end++;
        }
        return end == 0 ? 0 : Integer.parseInt(version.substring(0, end));
    }

    static String releaseVersion(Path tree) {
        return ReleaseFile.field(tree, "PITSTOP_VERSION")
                .orElseThrow(() -> new PitstopException(tree.resolve("release") + " names no PITSTOP_VERSION"));
    }

    private static Path topFolder(Path unpacked) throws IOException {
        try (Stream<Path> top = Files.list(unpacked)) {
            List<Path> entries = top.toList();
            if (entries.size() != 1 || !Files.isRegularFile(entries.get(0).resolve("bin/pitstop"))) {
                throw new PitstopException("not a Pitstop release archive: expected one folder with bin/pitstop, found "
                        + entries.stream().map(p -> p.getFileName().toString()).toList());
            }
            return entries.get(0);
        }
    }

    /** Gives every unpacked file the time the archive records; only paths inside {@code into} are touched. */
    private static void restoreTimes(Path archive, Path into) throws IOException {
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(archive), 1 << 16);
             TarArchiveInputStream tar = new TarArchiveInputStream(
                     GzipCompressorInputStream.builder().setInputStream(raw).get())) {
            for (TarArchiveEntry e; (e = tar.getNextEntry()) != null; ) {
                Path file = into.resolve(e.getName()).normalize();
                if (file.startsWith(into) && !e.isSymbolicLink() && Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                    Files.setLastModifiedTime(file, FileTime.from(e.getModTime().toInstant()));
                }
            }
        }
    }

    static void delete(Path path) {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + path, e);
        }
    }
}
