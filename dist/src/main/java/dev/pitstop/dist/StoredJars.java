package dev.pitstop.dist;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Rewrites jars for one platform's release archive: entries stored instead of deflated, in the same order, and
 * without the native libraries of other platforms (JNA and zstd-jni carry about twenty each). The archive is
 * gzipped as a whole, which compresses the classes of all jars together better than each jar did alone (about
 * 6 MB less download), and the JVM reads stored classes without inflating them. Signed jars stay valid: a
 * signature covers entry contents, not how they are packed, and no signed jar carries native libraries. The
 * platform is that of the JVM running this, the JDK the runtime is linked from. Run by the build:
 * {@code StoredJars JAR...}.
 */
public final class StoredJars {
    private static final List<String> NATIVE = List.of(".so", ".dll", ".dylib", ".jnilib", ".a");
    private final List<String> platformFolders;

    StoredJars(String osName, String osArch) {
        String os = osName.startsWith("Mac") ? "darwin" : osName.toLowerCase(Locale.ROOT);
        String jnaArch = osArch.equals("amd64") || osArch.equals("x86_64") ? "x86-64" : osArch;
        // zstd-jni: linux/amd64/, darwin/aarch64/ (Java's os.arch); JNA: com/sun/jna/linux-x86-64/
        this.platformFolders = List.of(os + "/" + osArch + "/", "com/sun/jna/" + os + "-" + jnaArch + "/");
    }

    public static void main(String[] args) throws IOException {
        StoredJars jars = new StoredJars(System.getProperty("os.name"), System.getProperty("os.arch"));
        for (String jar : args) {
            jars.store(Path.of(jar));
        }
    }

    /** Whether an entry belongs in this platform's archive: anything but another platform's native library. */
    boolean keep(String entry) {
        return NATIVE.stream().noneMatch(entry::endsWith) || platformFolders.stream().anyMatch(entry::startsWith);
    }

    void store(Path jar) throws IOException {
        Path temp = jar.resolveSibling(jar.getFileName() + ".part");
        try (ZipFile in = new ZipFile(jar.toFile()); OutputStream file = Files.newOutputStream(temp);
             ZipOutputStream out = new ZipOutputStream(file)) {
            out.setMethod(ZipOutputStream.STORED);
            for (Enumeration<? extends ZipEntry> entries = in.entries(); entries.hasMoreElements(); ) {
                ZipEntry entry = entries.nextElement();
                if (!keep(entry.getName())) {
                    continue;
                }
                ZipEntry stored = new ZipEntry(entry);
                stored.setMethod(ZipEntry.STORED);
                stored.setCompressedSize(entry.getSize());
                out.putNextEntry(stored);
                try (InputStream content = in.getInputStream(entry)) {
                    content.transferTo(out);
                }
                out.closeEntry();
            }
        }
        Files.move(temp, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
