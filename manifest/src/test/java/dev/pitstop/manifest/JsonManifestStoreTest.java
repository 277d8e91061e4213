package dev.pitstop.manifest;

import static dev.pitstop.manifest.Fixtures.T0;
import static dev.pitstop.manifest.Fixtures.sha;
import static dev.pitstop.manifest.Fixtures.version;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pitstop.core.store.BinaryVersion;
import dev.pitstop.core.store.BuildRecord;
import dev.pitstop.core.store.Manifest;
import dev.pitstop.core.store.ManifestCorruptException;
import dev.pitstop.core.store.ManifestStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonManifestStoreTest {
    @TempDir Path tmp;
    ManifestStore manifests;
    Path lockFile;

    @BeforeEach
    void setUp() {
        manifests = Fixtures.injector(tmp.resolve("home")).getInstance(ManifestStore.class);
        lockFile = tmp.resolve("stack").resolve(ManifestStore.FILE_NAME);
    }

    @Test
    void aMissingManifestReadsAsEmpty() {
        assertThat(manifests.read(lockFile)).isEqualTo(Manifest.empty());
        assertThat(lockFile).doesNotExist();
    }

    @Test
    void writesSortedIndentedJsonThatReadsBackEqual() throws Exception {
        Manifest written = manifests.update(lockFile, m -> m
                .install("nats", version("v2.10.22", sha('a')), false, T0)
                .withCandidate("nats", version("v2.11.0", sha('b')), false, T0.plusSeconds(60))
                .markBad("nats", "exited with code 1 before it was ready", T0.plusSeconds(90))
                .install("ingest", version("v1.0.0", sha('c')), false, T0));

        assertThat(manifests.read(lockFile)).isEqualTo(written);
        String text = Files.readString(lockFile);
        assertThat(text).startsWith("{\n  \"binaries\": {\n    \"ingest\": {").endsWith("\n}\n")
                .contains("\"schemaVersion\": 1", "\"outcome\": \"bad\"", "\"sha256\": \"" + sha('a').hex() + "\"",
                        "\"recordedAt\": \"2026-11-28T10:00:00Z\"")
                .doesNotContain("\"candidate\"", "null");
        assertThat(text.indexOf("\"binaries\"")).isLessThan(text.indexOf("\"schemaVersion\""));
        assertThat(text.indexOf("\"commit\"")).isEqualTo(-1);
        assertThat(tmp.resolve("stack")).isDirectoryNotContaining("glob:**.tmp");
    }

    @Test
    void aVersionBuiltFromSourceKeepsItsCommitAndBuildAndOlderFilesStillRead() throws Exception {
        BinaryVersion plain = version("main@36991bf", sha('b'));
        BinaryVersion built = new BinaryVersion(plain.source(), plain.version(), "36991bf26a14e9088118f54603983b21c693b69a",
                plain.sha256(), plain.size(), plain.platform(), plain.recordedAt(), plain.evidence(), plain.trustSteps(),
                "99a4c8de148427225836d9436fe4cdc43bd1899cfc1f4651a2fa143dfa7d14ba",
                new BuildRecord("git://127.0.0.1:9418/hello", "main", T0, "4b825dc642cb6eb9a060e54bf8d69288fbee4904",
                        "cc (Debian 12.2.0-14) 12.2.0", 1250, "0d1f4c5e3b2a19087f6e5d4c3b2a190876543210"));
        manifests.update(lockFile, m -> m.install("hello", built, false, T0));

        String json = Files.readString(lockFile);
        assertThat(json).contains("\"commit\": \"36991bf26a14e9088118f54603983b21c693b69a\"",
                "\"buildMillis\": 1250", "\"sameInputsAs\": \"0d1f4c5e3b2a19087f6e5d4c3b2a190876543210\"",
                "\"commitTime\": \"2026-");
        assertThat(manifests.read(lockFile).current("hello")).contains(built);
        // a manifest written before builds were recorded has no "build": it reads as before
        Files.writeString(lockFile, json.replaceAll("(?s)\"build\": \\{[^}]*},\\s*", ""));
        assertThat(Files.readString(lockFile)).doesNotContain("\"build\"");
        assertThat(manifests.read(lockFile).current("hello").orElseThrow().build()).isNull();
    }

    @Test
    void aCorruptManifestIsReportedAndNeverOverwritten() throws Exception {
        Files.createDirectories(lockFile.getParent());
        byte[] corrupt = "{\n  \"schemaVersion\": 1,\n  \"binaries\": {\n    \"nats\": {,\n".getBytes(StandardCharsets.UTF_8);
        Files.write(lockFile, corrupt);

        assertThatThrownBy(() -> manifests.update(lockFile, m -> m.install("x", version("1", sha('a')), false, T0)))
                .isInstanceOf(ManifestCorruptException.class)
                .hasMessageStartingWith(lockFile + ": line 4, column 14: ")
                .hasMessageContaining("git checkout", "move it aside")
                .satisfies(e -> assertThat(((ManifestCorruptException) e).line()).isEqualTo(4));
        assertThat(Files.readAllBytes(lockFile)).isEqualTo(corrupt);
    }

    @Test
    void aValueThatIsNotValidNamesTheProblem() throws Exception {
        Files.createDirectories(lockFile.getParent());
        Files.writeString(lockFile, "{\"schemaVersion\": 1, \"binaries\": {\"nats\": {\"current\": {"
                + "\"sha256\": \"xyz\"}}}}\n");
        assertThatThrownBy(() -> manifests.read(lockFile)).isInstanceOf(ManifestCorruptException.class)
                .hasMessageContaining(lockFile.toString()).hasMessageContaining("binaries.nats.current.sha256: ")
                .hasMessageContaining("xyz")
                // once "Cannot deserialize value of type `dev.pitstop.core.Sha256` from String ..."
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("dev.pitstop").doesNotContain("deserialize"));
    }

    @Test
    void aManifestFromANewerPitstopIsRefused() throws Exception {
        Files.createDirectories(lockFile.getParent());
        Files.writeString(lockFile, "{\"schemaVersion\": 2}\n");
        assertThatThrownBy(() -> manifests.update(lockFile, m -> m)).isInstanceOf(ManifestCorruptException.class)
                .hasMessageContaining("schemaVersion 2 was written by a newer Pitstop");
        assertThat(Files.readString(lockFile)).isEqualTo("{\"schemaVersion\": 2}\n");
    }

    @Test
    void aNestedChangeOfTheSameManifestFailsAtOnceInsteadOfDeadlocking() {
        assertThatThrownBy(() -> manifests.update(lockFile, outer -> manifests.update(lockFile, inner -> inner)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("must not nest");
        assertThat(manifests.update(lockFile, m -> m.install("x", version("1", sha('a')), false, T0))
                .current("x")).isPresent();
    }

    @Test
    void retainedCountsEveryKnownManifest() {
        Path other = tmp.resolve("other").resolve(ManifestStore.FILE_NAME);
        manifests.update(lockFile, m -> m.install("nats", version("1", sha('a')), false, T0)
                .install("nats", version("2", sha('b')), false, T0));
        manifests.update(other, m -> m.install("redis", version("7", sha('c')), false, T0));

        assertThat(manifests.knownManifests()).containsExactlyInAnyOrder(lockFile, other);
        assertThat(manifests.retained(0)).containsExactlyInAnyOrder(sha('b'), sha('c'));
        assertThat(manifests.retained(3)).containsExactlyInAnyOrder(sha('a'), sha('b'), sha('c'));
    }
}
