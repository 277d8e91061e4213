package dev.pitstop.fetchers.internal.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pitstop.core.source.FetchException;
import dev.pitstop.core.source.UnsafeArchiveException;
import dev.pitstop.testkit.release.Archives;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import dev.pitstop.fetchers.ExtractionLimits;

class ExtractorTest {
    static final byte[] BIN = "#!/bin/sh\necho tool\n".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path tmp;
    final Extractor extractor = new Extractor(ExtractionLimits.defaults());
    final BinaryPicker picker = new BinaryPicker();

    Path write(String name, byte[] bytes) throws Exception {
        return Files.write(tmp.resolve(name), bytes);
    }

    static Archives tree() {
        return Archives.tar().directory("tool-1.0").file("tool-1.0/LICENSE", "MIT", 0644)
                .file("tool-1.0/tool", BIN, 0755);
    }

    @ParameterizedTest
    @CsvSource({"tool.tar.gz,gz", "tool.tgz,gz", "tool.tar.xz,xz", "tool.tar.bz2,bzip2", "tool.tar.zst,zstd", "tool.tar,"})
    void everyTarFormatExtractsAndKeepsTheExecutableBit(String name, String compressor) throws Exception {
        Path archive = write(name, tree().build(compressor));

        List<Extracted> files = extractor.extract(archive, name, tmp.resolve("out"), "tool");
        Extracted bin = picker.pick(name, files, Optional.empty(), List.of("tool"), false);

        assertThat(files).extracting(Extracted::relative).containsExactlyInAnyOrder("tool-1.0/LICENSE", "tool-1.0/tool");
        assertThat(Files.readAllBytes(bin.file())).isEqualTo(BIN);
        assertThat(Files.isExecutable(bin.file())).isTrue();
        assertThat(Files.isExecutable(tmp.resolve("out/tool-1.0/LICENSE"))).isFalse();
    }

    @Test
    void zipKeepsUnixModes() throws Exception {
        Path archive = write("tool.zip", Archives.zip().file("tool", BIN, 0755).file("README", "x", 0644).buildZip());

        List<Extracted> files = extractor.extract(archive, "tool.zip", tmp.resolve("out"), "tool");

        assertThat(files).filteredOn(Extracted::executable).extracting(Extracted::relative).containsExactly("tool");
    }

    @ParameterizedTest
    @CsvSource({"tool.gz,gz", "tool.xz,xz", "tool.bz2,bzip2", "tool.zst,zstd"})
    void aSingleCompressedFileBecomesTheBinary(String name, String compressor) throws Exception {
        Path archive = write(name, Archives.compress(BIN, compressor));

        List<Extracted> files = extractor.extract(archive, name, tmp.resolve("out"), "tool");

        assertThat(files).singleElement().satisfies(f -> {
            assertThat(f.relative()).isEqualTo("tool");
            assertThat(Files.readAllBytes(f.file())).isEqualTo(BIN);
            assertThat(Files.isExecutable(f.file())).isTrue();
        });
    }

    @Test
    void aBareBinaryIsCopiedAsTheToolName() throws Exception {
        Path archive = write("tool_linux_amd64", BIN);

        List<Extracted> files = extractor.extract(archive, "tool_linux_amd64", tmp.resolve("out"), "tool");

        assertThat(files).extracting(Extracted::relative).containsExactly("tool");
    }

    @Test
    void symlinksInsideAreKept() throws Exception {
        Path archive = write("t.tar.gz", tree().symlink("tool-1.0/latest", "tool").build("gz"));

        extractor.extract(archive, "t.tar.gz", tmp.resolve("out"), "tool");

        assertThat(Files.readSymbolicLink(tmp.resolve("out/tool-1.0/latest"))).isEqualTo(Path.of("tool"));
    }

    @Test
    void pathTraversalIsRefused() throws Exception {
        Path archive = write("evil.tar.gz", Archives.tar().file("tool-1.0/../../evil", BIN, 0755).build("gz"));

        assertThatThrownBy(() -> extractor.extract(archive, "evil.tar.gz", tmp.resolve("out"), "tool"))
                .isInstanceOf(UnsafeArchiveException.class).hasMessageContaining("escapes");
        assertThat(tmp.resolve("evil")).doesNotExist();
    }

    @Test
    void zipTraversalIsRefused() throws Exception {
        Path archive = write("evil.zip", Archives.zip().file("../evil", BIN, 0755).buildZip());

        assertThatThrownBy(() -> extractor.extract(archive, "evil.zip", tmp.resolve("out"), "tool"))
                .isInstanceOf(UnsafeArchiveException.class);
        assertThat(tmp.resolve("evil")).doesNotExist();
    }

    @Test
    void absolutePathsAreRefused() throws Exception {
        Path archive = write("abs.tar", Archives.tar().file("/tmp/pitstop-evil", BIN, 0755).build(null));

        assertThatThrownBy(() -> extractor.extract(archive, "abs.tar", tmp.resolve("out"), "tool"))
                .isInstanceOf(UnsafeArchiveException.class).hasMessageContaining("absolute");
    }

    @Test
    void symlinksLeadingOutsideAreRefused() throws Exception {
        Path up = write("up.tar.gz", Archives.tar().symlink("link", "../../etc/passwd").build("gz"));
        Path abs = write("abs.tar.gz", Archives.tar().symlink("link", "/etc/passwd").build("gz"));
        Path zip = write("link.zip", Archives.zip().symlink("link", "../outside").buildZip());

        for (Path archive : List.of(up, abs, zip)) {
            String name = archive.getFileName().toString();
            assertThatThrownBy(() -> extractor.extract(archive, name, tmp.resolve("out-" + name), "tool"))
                    .isInstanceOf(UnsafeArchiveException.class).hasMessageContaining("symlink");
        }
    }

    @Test
    void linksChainedThroughEarlierLinksCannotClimbOut() throws Exception {
        Path archive = write("via.tar", Archives.tar().symlink("a", ".").symlink("a/b", "..")
                .file("a/b/evil", "x", 0644).build(null));

        assertThatThrownBy(() -> extractor.extract(archive, "via.tar", tmp.resolve("out"), "x"))
                .isInstanceOf(UnsafeArchiveException.class).hasMessageContaining("symlink");
        assertThat(tmp.resolve("evil")).doesNotExist();
    }

    @Test
    void devicesAndFifosAreRefused() throws Exception {
        Path dev = write("dev.tar", Archives.tar().characterDevice("null").build(null));
        Path fifo = write("fifo.tar", Archives.tar().fifo("pipe").build(null));

        assertThatThrownBy(() -> extractor.extract(dev, "dev.tar", tmp.resolve("a"), "tool"))
                .isInstanceOf(UnsafeArchiveException.class).hasMessageContaining("device");
        assertThatThrownBy(() -> extractor.extract(fifo, "fifo.tar", tmp.resolve("b"), "tool"))
                .isInstanceOf(UnsafeArchiveException.class).hasMessageContaining("fifo");
    }

    @Test
    void bombsAreRefusedBySizeAndByRatio() throws Exception {
        byte[] zeros = new byte[4 << 20];
        Path archive = write("bomb.tar.gz", Archives.tar().file("a", zeros, 0644).file("b", zeros, 0644).build("gz"));

        Extractor bySize = new Extractor(new ExtractionLimits(6 << 20, 1_000_000, 0, 100));
        assertThatThrownBy(() -> bySize.extract(archive, "bomb.tar.gz", tmp.resolve("s"), "tool"))
                .isInstanceOf(UnsafeArchiveException.class).hasMessageContaining("expands past");

        Extractor byRatio = new Extractor(new ExtractionLimits(1L << 40, 50, 1 << 20, 100));
        assertThatThrownBy(() -> byRatio.extract(archive, "bomb.tar.gz", tmp.resolve("r"), "tool"))
                .isInstanceOf(UnsafeArchiveException.class).hasMessageContaining("times its size");

        Extractor byCount = new Extractor(new ExtractionLimits(1L << 40, 1_000_000, 0, 1));
        assertThatThrownBy(() -> byCount.extract(archive, "bomb.tar.gz", tmp.resolve("c"), "tool"))
                .isInstanceOf(UnsafeArchiveException.class).hasMessageContaining("entries");
    }

    @Test
    void pickingFollowsPathThenNameThenTheOnlyExecutable() throws Exception {
        Path archive = write("p.tar.gz", Archives.tar().file("bin/server", BIN, 0755).file("bin/helper", BIN, 0755)
                .file("doc/tool.md", "x", 0644).build("gz"));
        List<Extracted> files = extractor.extract(archive, "p.tar.gz", tmp.resolve("out"), "tool");

        assertThat(picker.pick("p", files, Optional.of("bin/helper"), List.of("server"), false).relative())
                .isEqualTo("bin/helper");
        assertThat(picker.pick("p", files, Optional.of("*/help*"), List.of(), false).relative()).isEqualTo("bin/helper");
        assertThat(picker.pick("p", files, Optional.empty(), List.of("nats", "server"), false).relative())
                .isEqualTo("bin/server");
        assertThatThrownBy(() -> picker.pick("p", files, Optional.empty(), List.of("tool"), false))
                .isInstanceOf(FetchException.class).hasMessageContaining("path: \"");
        assertThatThrownBy(() -> picker.pick("p", files, Optional.of("nope"), List.of(), false))
                .hasMessageContaining("path: \"nope\" matches no file");
    }

    @Test
    void windowsPicksTheExe() throws Exception {
        Path archive = write("w.zip", Archives.zip().file("tool.exe", BIN, 0644).file("README.txt", "x", 0644).buildZip());
        List<Extracted> files = extractor.extract(archive, "w.zip", tmp.resolve("out"), "tool");

        assertThat(picker.pick("w.zip", files, Optional.empty(), List.of("tool"), true).relative()).isEqualTo("tool.exe");
    }
}
