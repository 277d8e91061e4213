package dev.pitstop.fetchers.file;

import static dev.pitstop.fetchers.Fixture.spec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pitstop.core.Platform;
import dev.pitstop.core.Sha256;
import dev.pitstop.core.source.DigestMismatchException;
import dev.pitstop.core.source.FetchRequest;
import dev.pitstop.core.source.FetchedBinary;
import dev.pitstop.core.source.Source;
import dev.pitstop.fetchers.Fixture;
import dev.pitstop.testkit.release.Archives;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSourceTest {
    static final Platform LINUX = Platform.parse("linux/amd64");

    @TempDir
    Path tmp;
    Source<?> file;
    Path staging;

    @BeforeEach
    void setUp() throws Exception {
        file = new Fixture(tmp.resolve("home"), Map.of()).source("file");
        staging = Files.createDirectories(tmp.resolve("staging"));
    }

    @Test
    void aLocalArchiveGoesThroughTheSameVerifyAndExtractPath() throws Exception {
        Path archive = Files.write(tmp.resolve("ingest-linux.tar.gz"),
                Archives.tar().file("bin/ingest", "#!/bin/sh\n", 0755).build("gz"));
        String yaml = "checksum: " + Sha256.ofFile(archive).hex();

        FetchedBinary got = file.fetch(Fixture.request(file, spec("ingest", "file", archive.toString(), "latest", yaml), LINUX, staging));

        assertThat(got.path()).isEqualTo(staging.resolve("ingest"));
        assertThat(Files.isExecutable(got.path())).isTrue();
        assertThat(got.version()).isEqualTo("local");
        assertThat(got.archiveSha256()).isEqualTo(Sha256.ofFile(archive));
        assertThat(got.evidence()).extracting(e -> e.kind()).containsExactly("inline-checksum");
        assertThat(archive).exists();
    }

    @Test
    void aBareBinaryIsCopiedAndItsShaIsTheFilesSha() throws Exception {
        Path bin = Files.write(tmp.resolve("my-build"), "ELF...".getBytes());

        FetchedBinary got = file.fetch(Fixture.request(file, spec("svc", "file", bin.toString(), "1.4.0", ""), LINUX, staging));

        assertThat(got.sha256()).isEqualTo(Sha256.ofFile(bin));
        assertThat(got.version()).isEqualTo("1.4.0");
        assertThat(Files.readString(got.path())).isEqualTo("ELF...");
    }

    @Test
    void aWrongChecksumOrAMissingFileIsAClearError() throws Exception {
        Path bin = Files.write(tmp.resolve("my-build"), "ELF...".getBytes());

        assertThatThrownBy(() -> file.fetch(Fixture.request(file, 
                spec("svc", "file", bin.toString(), "latest", "checksum: \"" + "0".repeat(64) + "\""), LINUX, staging)))
                .isInstanceOf(DigestMismatchException.class);
        assertThat(Fixture.filesIn(staging)).isZero();
        assertThatThrownBy(() -> file.resolve(spec("svc", "file", tmp.resolve("nope").toString(), "latest", ""), LINUX))
                .hasMessageContaining("binaries.svc.file:").hasMessageContaining("no such file");
    }
}
