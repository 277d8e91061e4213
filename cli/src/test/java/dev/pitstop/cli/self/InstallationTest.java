package dev.pitstop.cli.self;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pitstop.core.PitstopException;
import dev.pitstop.core.Sha256;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstallationTest {
    @TempDir Path dir;

    @Test
    void aReleaseUnderVersionsBelongsToTheInstallationAbove() throws Exception {
        Path tree = Files.createDirectories(dir.resolve("lib/pitstop/versions/0.1.0"));
        Installation installation = Installation.of(tree.toString());
        assertThat(installation.home()).isEqualTo(dir.resolve("lib/pitstop"));
        assertThat(installation.lockFile()).isEqualTo(dir.resolve("lib/pitstop/pitstop.lock.json"));
        assertThat(installation.tree("0.2.0")).isEqualTo(dir.resolve("lib/pitstop/versions/0.2.0"));
    }

    @Test
    void aSourceCheckoutOrAnUnpackedArchiveIsNoInstallation() {
        assertThatThrownBy(() -> Installation.of(null)).isInstanceOf(PitstopException.class)
                .hasMessageContaining("source checkout");
        assertThatThrownBy(() -> Installation.of(dir.resolve("pitstop-0.1.0-linux-amd64").toString()))
                .isInstanceOf(PitstopException.class).hasMessageContaining("install it with install.sh first");
    }

    @Test
    void switchingPointsCurrentAtTheVersionInOneRename() throws Exception {
        Files.createDirectories(dir.resolve("versions/0.1.0"));
        Files.createDirectories(dir.resolve("versions/0.2.0"));
        Installation installation = Installation.of(dir.resolve("versions/0.1.0").toString());
        installation.switchTo("0.2.0");
        assertThat(Files.readSymbolicLink(dir.resolve("current"))).isEqualTo(Path.of("versions/0.2.0"));
        installation.switchTo("0.1.0");
        assertThat(dir.resolve("current").toRealPath()).isEqualTo(dir.resolve("versions/0.1.0").toRealPath());
        assertThatThrownBy(() -> installation.switchTo("0.9.0")).hasMessageContaining("missing");
        assertThatThrownBy(() -> installation.tree("../evil")).hasMessageContaining("cannot name a release folder");
    }

    @Test
    void readsTheDigestInstallShRecorded() throws Exception {
        Files.createDirectories(dir.resolve("versions/0.1.0"));
        String hex = "a".repeat(64);
        Files.writeString(dir.resolve("versions/0.1.0.sha256"), hex + "  pitstop-0.1.0-linux-amd64.tar.gz\n");
        Installation installation = Installation.of(dir.resolve("versions/0.1.0").toString());
        assertThat(installation.installedDigest("0.1.0")).contains(new Sha256(hex));
        assertThat(installation.installedDigest("0.2.0")).isEmpty();
    }
}
