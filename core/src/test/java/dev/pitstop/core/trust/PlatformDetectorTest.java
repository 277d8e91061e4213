package dev.pitstop.core.trust;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pitstop.core.Platform;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlatformDetectorTest {
    @TempDir Path dir;

    @Test
    void namesFollowGo() throws Exception {
        Path maps = Files.writeString(dir.resolve("maps"), "7f00-7f01 r-xp 0 08:01 1 /usr/lib/x86_64-linux-gnu/libc.so.6\n");
        assertThat(new PlatformDetector("Linux", "amd64", maps).detect()).isEqualTo(new Platform("linux", "amd64", "gnu"));
        assertThat(new PlatformDetector("Linux", "aarch64", maps).detect().arch()).isEqualTo("arm64");
        assertThat(new PlatformDetector("Mac OS X", "aarch64", maps).detect()).isEqualTo(new Platform("darwin", "arm64", "none"));
        assertThat(new PlatformDetector("Windows 11", "amd64", maps).detect().os()).isEqualTo("windows");
        assertThat(PlatformDetector.arch("x86_64")).isEqualTo("amd64");
        assertThat(PlatformDetector.arch("i686")).isEqualTo("386");
    }

    @Test
    void muslIsReadFromTheMappedLoader() throws Exception {
        Path maps = Files.writeString(dir.resolve("maps"), "7f00-7f01 r-xp 0 08:01 1 /lib/ld-musl-x86_64.so.1\n");
        assertThat(new PlatformDetector("Linux", "amd64", maps).detect().libc()).isEqualTo("musl");
        assertThat(new PlatformDetector("Linux", "amd64", dir.resolve("absent")).detect().libc()).isEqualTo("gnu");
    }

    @Test
    void thisJvm() {
        Platform p = new PlatformDetector().detect();
        assertThat(p.os()).isIn("linux", "darwin", "windows", "freebsd");
        assertThat(p.arch()).doesNotContain("x86_64").doesNotContain("aarch64");
    }
}
