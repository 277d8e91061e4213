package dev.pitstop.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoredJarsTest {
    @TempDir Path dir;

    @Test
    void keepsClassesAndOnlyThisPlatformsNativeLibraries() {
        StoredJars linux = new StoredJars("Linux", "amd64");
        assertThat(linux.keep("com/sun/jna/Native.class")).isTrue();
        assertThat(linux.keep("com/sun/jna/linux-x86-64/libjnidispatch.so")).isTrue();
        assertThat(linux.keep("linux/amd64/libzstd-jni-1.5.7-4.so")).isTrue();
        assertThat(linux.keep("com/sun/jna/linux-aarch64/libjnidispatch.so")).isFalse();
        assertThat(linux.keep("darwin/aarch64/libzstd-jni-1.5.7-4.dylib")).isFalse();
        assertThat(linux.keep("win/amd64/libzstd-jni-1.5.7-4.dll")).isFalse();
        StoredJars mac = new StoredJars("Mac OS X", "aarch64");
        assertThat(mac.keep("com/sun/jna/darwin-aarch64/libjnidispatch.jnilib")).isTrue();
        assertThat(mac.keep("darwin/aarch64/libzstd-jni-1.5.7-4.dylib")).isTrue();
        assertThat(mac.keep("linux/aarch64/libzstd-jni-1.5.7-4.so")).isFalse();
    }

    @Test
    void rewritesAJarStoredWithTheSameEntriesInOrder() throws IOException {
        Path jar = dir.resolve("lib.jar");
        try (OutputStream file = Files.newOutputStream(jar); ZipOutputStream out = new ZipOutputStream(file)) {
            for (String name : List.of("META-INF/MANIFEST.MF", "a/B.class", "linux/arm/libx.so", "linux/amd64/libx.so")) {
                out.putNextEntry(new ZipEntry(name));
                out.write(("content of " + name).repeat(50).getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        new StoredJars("Linux", "amd64").store(jar);
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            assertThat(Collections.list(zip.entries())).extracting(ZipEntry::getName)
                    .containsExactly("META-INF/MANIFEST.MF", "a/B.class", "linux/amd64/libx.so");
            assertThat(Collections.list(zip.entries())).allSatisfy(e -> assertThat(e.getMethod()).isEqualTo(ZipEntry.STORED));
            assertThat(new String(zip.getInputStream(zip.getEntry("a/B.class")).readAllBytes(), StandardCharsets.UTF_8))
                    .isEqualTo("content of a/B.class".repeat(50));
        }
    }
}
