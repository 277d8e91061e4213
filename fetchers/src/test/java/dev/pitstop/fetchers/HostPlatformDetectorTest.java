package dev.pitstop.fetchers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pitstop.core.Platform;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostPlatformDetectorTest {
    @TempDir
    Path root;

    @Test
    void glibcLinuxOnX86() throws Exception {
        Files.createDirectories(root.resolve("lib64"));
        Files.createFile(root.resolve("lib64/ld-linux-x86-64.so.2"));

        assertThat(new HostPlatformDetector("Linux", "amd64", root).detect()).isEqualTo(new Platform("linux", "amd64", "gnu"));
        assertThat(new HostPlatformDetector("Linux", "x86_64", root).detect().arch()).isEqualTo("amd64");
    }

    @Test
    void muslIsAMuslLoaderWithoutAGlibcOne() throws Exception {
        Files.createDirectories(root.resolve("lib"));
        Files.createFile(root.resolve("lib/ld-musl-aarch64.so.1"));

        assertThat(new HostPlatformDetector("Linux", "aarch64", root).detect()).isEqualTo(new Platform("linux", "arm64", "musl"));

        Files.createFile(root.resolve("lib/ld-linux-aarch64.so.1"));
        assertThat(new HostPlatformDetector("Linux", "aarch64", root).detect().libc()).isEqualTo("gnu");
    }

    @Test
    void macAndWindowsHaveNoLibc() {
        assertThat(new HostPlatformDetector("Mac OS X", "aarch64", root).detect()).isEqualTo(new Platform("darwin", "arm64", "none"));
        assertThat(new HostPlatformDetector("Windows 11", "amd64", root).detect()).isEqualTo(new Platform("windows", "amd64", "none"));
    }

    @Test
    void thisMachineIsDetected() {
        Platform here = new HostPlatformDetector().detect();
        assertThat(here.os()).isEqualTo("linux");
        assertThat(here.arch()).isIn("amd64", "arm64");
    }
}
