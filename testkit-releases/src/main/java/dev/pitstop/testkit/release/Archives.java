package dev.pitstop.testkit.release;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.compressors.CompressorException;
import org.apache.commons.compress.compressors.CompressorStreamFactory;

/**
 * Builds real archives in memory for release fixtures, including hostile ones (traversal, absolute paths,
 * escaping symlinks, devices):
 * <pre>
 * byte[] tgz = Archives.tar().file("nats-server-v2/nats-server", bytes, 0755).build("gz");
 * byte[] zip = Archives.zip().file("tool.exe", bytes, 0755).buildZip();
 * </pre>
 */
public final class Archives {
    private record Entry(String name, byte[] content, int mode, byte type, String link) {}

    private final List<Entry> entries = new ArrayList<>();

    private Archives() {
    }

    public static Archives tar() {
        return new Archives();
    }

    public static Archives zip() {
        return new Archives();
    }

    public Archives file(String name, byte[] content, int mode) {
        entries.add(new Entry(name, content, mode, TarConstants.LF_NORMAL, null));
        return this;
    }

    public Archives file(String name, String content, int mode) {
        return file(name, content.getBytes(StandardCharsets.UTF_8), mode);
    }

    public Archives directory(String name) {
        entries.add(new Entry(name.endsWith("/") ? name : name + "/", new byte[0], 0755, TarConstants.LF_DIR, null));
        return this;
    }

    public Archives symlink(String name, String target) {
        entries.add(new Entry(name, new byte[0], 0777, TarConstants.LF_SYMLINK, target));
        return this;
    }

    public Archives hardlink(String name, String target) {
        entries.add(new Entry(name, new byte[0], 0644, TarConstants.LF_LINK, target));
        return this;
    }

    /** A character device entry (tar only): extraction must refuse it. */
    public Archives characterDevice(String name) {
        entries.add(new Entry(name, new byte[0], 0644, TarConstants.LF_CHR, null));
        return this;
    }

    public Archives fifo(String name) {
        entries.add(new Entry(name, new byte[0], 0644, TarConstants.LF_FIFO, null));
        return this;
    }

    /**
     * @param compressor {@code null} for a plain tar, else a Commons Compress name: {@code gz}, {@code xz},
     *                   {@code bzip2}, {@code zstd}
     */
    public byte[] build(String compressor) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = compressor == null ? bytes
                : new CompressorStreamFactory().createCompressorOutputStream(compressor, bytes);
             TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            for (Entry e : entries) {
                TarArchiveEntry t = new TarArchiveEntry(e.name(), e.type(), true);
                t.setMode(e.mode());
                if (e.link() != null) {
                    t.setLinkName(e.link());
                }
                if (e.type() == TarConstants.LF_NORMAL) {
                    t.setSize(e.content().length);
                }
                tar.putArchiveEntry(t);
                tar.write(e.content());
                tar.closeArchiveEntry();
            }
        } catch (CompressorException e) {
            throw new IllegalArgumentException("unknown compressor " + compressor, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public byte[] buildZip() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(bytes)) {
            for (Entry e : entries) {
                ZipArchiveEntry z = new ZipArchiveEntry(e.name());
                if (e.type() == TarConstants.LF_SYMLINK) {
                    z.setUnixMode(0120777);
                    zip.putArchiveEntry(z);
                    zip.write(e.link().getBytes(StandardCharsets.UTF_8));
                } else {
                    z.setUnixMode((e.type() == TarConstants.LF_DIR ? 040000 : 0100000) | e.mode());
                    zip.putArchiveEntry(z);
                    zip.write(e.content());
                }
                zip.closeArchiveEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** One file compressed on its own ({@code tool.gz}). */
    public static byte[] compress(byte[] content, String compressor) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new CompressorStreamFactory().createCompressorOutputStream(compressor, bytes)) {
            out.write(content);
        } catch (CompressorException e) {
            throw new IllegalArgumentException("unknown compressor " + compressor, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
