package dev.pitstop.fetchers.internal.archive;

import dev.pitstop.core.source.FetchException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.List;
import java.util.Objects;
import java.util.function.LongSupplier;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.compressors.CompressorException;
import org.apache.commons.compress.compressors.CompressorStreamFactory;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import dev.pitstop.fetchers.ExtractionLimits;

/**
 * Unpacks a downloaded file into a folder with Commons Compress: tar (plain, gz, xz, bz2, zst), zip, single
 * compressed files and bare binaries. Refuses entries that would land outside the folder, device files and
 * fifos, and archives that expand past {@link ExtractionLimits}. Keeps each file's executable bit.
 */
public final class Extractor {
    private final ExtractionLimits limits;

    public Extractor(ExtractionLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /**
     * @param archiveName the asset's name; decides the format
     * @param bareName the file name for a bare or single-compressed binary
     * @return every regular file written
     */
    public List<Extracted> extract(Path archive, String archiveName, Path into, String bareName) {
        ArchiveFormat format = ArchiveFormat.of(archiveName);
        try {
            long size = Files.size(archive);
            SafeTarget target = new SafeTarget(archiveName, into, limits, () -> size);
            if (format == ArchiveFormat.ZIP) {
                unzip(archive, target);
            } else if (format.isTar()) {
                try (InputStream in = decompressed(Files.newInputStream(archive), format);
                     TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
                    untar(tar, target);
                }
            } else {
                try (InputStream in = decompressed(Files.newInputStream(archive), format)) {
                    target.file(bareName, in, true);
                }
            }
            return target.files();
        } catch (IOException e) {
            throw new FetchException(archiveName + ": cannot extract: " + e.getMessage(), e);
        }
    }

    /**
     * Extracts a tar archive while it is still arriving (see {@code FetchPipeline}); the same checks apply.
     *
     * @param compressedBytes how many archive bytes were read so far, for the expansion-ratio check
     */
    public List<Extracted> extractTar(InputStream archive, String archiveName, Path into, LongSupplier compressedBytes)
            throws IOException {
        ArchiveFormat format = ArchiveFormat.of(archiveName);
        if (!format.isTar()) {
            throw new IllegalArgumentException(archiveName + " is not a tar archive");
        }
        SafeTarget target = new SafeTarget(archiveName, into, limits, compressedBytes);
        try (InputStream in = decompressed(archive, format); TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
            untar(tar, target);
        }
        return target.files();
    }

    /** Whether {@link #extractTar} can take this file while it downloads. */
    public static boolean streamable(String archiveName) {
        return ArchiveFormat.of(archiveName).isTar();
    }

    private static InputStream decompressed(InputStream source, ArchiveFormat format) throws IOException {
        InputStream raw = new BufferedInputStream(source, 1 << 16);
        if (format.compressor() == null) {
            return raw;
        }
        try {
            if ("gz".equals(format.compressor())) {
                return GzipCompressorInputStream.builder().setInputStream(raw).setDecompressConcatenated(true).get();
            }
            return new CompressorStreamFactory(true).createCompressorInputStream(format.compressor(), raw);
        } catch (CompressorException e) {
            raw.close();
            throw new IOException(e.getMessage(), e);
        }
    }

    private static void untar(TarArchiveInputStream tar, SafeTarget target) throws IOException {
        for (TarArchiveEntry e; (e = tar.getNextEntry()) != null; ) {
            String name = e.getName();
            if (e.isCharacterDevice() || e.isBlockDevice() || e.isFIFO()) {
                throw target.unsafe(name, "device file or fifo");
            } else if (e.isDirectory()) {
                target.directory(name);
            } else if (e.isSymbolicLink()) {
                target.symlink(name, e.getLinkName());
            } else if (e.isLink()) {
                target.hardlink(name, e.getLinkName());
            } else if (e.isFile()) {
                target.file(name, tar, (e.getMode() & 0111) != 0);
            }
            // pax and GNU long-name headers are consumed by the stream; anything else has no file to write
        }
    }

    private static void unzip(Path archive, SafeTarget target) throws IOException {
        try (ZipFile zip = ZipFile.builder().setPath(archive).get()) {
            for (Enumeration<ZipArchiveEntry> en = zip.getEntries(); en.hasMoreElements(); ) {
                ZipArchiveEntry e = en.nextElement();
                int mode = e.getUnixMode();
                int type = mode & 0170000;
                if (type == 0020000 || type == 0060000 || type == 0010000) {
                    throw target.unsafe(e.getName(), "device file or fifo");
                }
                if (e.isDirectory()) {
                    target.directory(e.getName());
                } else if (e.isUnixSymlink()) {
                    target.symlink(e.getName(), zip.getUnixSymlink(e));
                } else {
                    try (InputStream in = zip.getInputStream(e)) {
                        target.file(e.getName(), in, (mode & 0111) != 0);
                    }
                }
            }
        }
    }
}
