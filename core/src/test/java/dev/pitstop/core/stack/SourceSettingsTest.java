package dev.pitstop.core.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pitstop.core.Platform;
import dev.pitstop.core.source.FetchRequest;
import dev.pitstop.core.source.FetchedBinary;
import dev.pitstop.core.source.InvalidSettingException;
import dev.pitstop.core.source.NoSettings;
import dev.pitstop.core.source.Release;
import dev.pitstop.core.source.Source;
import dev.pitstop.core.source.SourceCapability;
import dev.pitstop.core.source.SourceKinds;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A source's own keys are read into its record; every bad key is reported at its line and column. */
class SourceSettingsTest {
    @TempDir
    Path dir;

    record BucketSettings(String region, boolean anonymous, List<String> tags) {
        BucketSettings {
            if (region != null && !region.matches("[a-z]+-[a-z]+-\\d")) {
                throw new InvalidSettingException("region", "expected a region such as eu-west-1, found '" + region + "'");
            }
            tags = tags == null ? List.of() : tags;
        }
    }

    static final class Bucket implements Source<BucketSettings> {
        @Override
        public Class<BucketSettings> settingsType() {
            return BucketSettings.class;
        }

        @Override
        public Set<SourceCapability> capabilities() {
            return Set.of(SourceCapability.LOCAL_PATH);
        }

        @Override
        public Release resolve(BinarySpec spec, Platform platform) {
            throw new UnsupportedOperationException();
        }

        @Override
        public FetchedBinary fetch(FetchRequest request) {
            throw new UnsupportedOperationException();
        }
    }

    static final class Bare implements Source<NoSettings> {
        @Override
        public Class<NoSettings> settingsType() {
            return NoSettings.class;
        }

        @Override
        public Release resolve(BinarySpec spec, Platform platform) {
            throw new UnsupportedOperationException();
        }

        @Override
        public FetchedBinary fetch(FetchRequest request) {
            throw new UnsupportedOperationException();
        }
    }

    private final StackReader reader = new StackReader(HostEnvironment.of(Map.of()),
            new SourceKinds(Map.of("s3", new Bucket(), "bare", new Bare())));

    private Stack read(String yaml) throws IOException {
        Path file = dir.resolve("pitstop.yaml");
        Files.writeString(file, yaml);
        return reader.read(file);
    }

    private String error(String yaml) {
        Path file = dir.resolve("pitstop.yaml");
        return assertThatThrownBy(() -> read(yaml)).isInstanceOf(StackFileException.class).actual().getMessage()
                .substring(file.toString().length() + 1);
    }

    @Test
    void readsTheSourcesOwnKeysIntoItsRecordAndTheSharedKeysApart() throws IOException {
        Stack stack = read("""
                binaries:
                  tool:
                    s3: bucket/tool
                    region: eu-west-1
                    anonymous: true
                    tags: nightly
                    checksum: sha256:00ff
                    public_key: keys/tool.pub
                    x-note: ignored
                processes: {}
                """);
        BinarySpec tool = stack.binaries().get("tool");
        assertThat(tool.settings(BucketSettings.class)).isEqualTo(new BucketSettings("eu-west-1", true, List.of("nightly")));
        assertThat(tool.trust()).isEqualTo(new TrustSettings("sha256:00ff", null, "keys/tool.pub", null));
        assertThat(tool.has(SourceCapability.LOCAL_PATH)).isTrue();
        assertThat(tool.has(SourceCapability.LOCAL_FILE)).isFalse();
    }

    @Test
    void anUnknownKeyNamesItsPositionAndTheSourcesKeys() {
        assertThat(error("""
                binaries:
                  tool:
                    s3: bucket/tool
                    regoin: eu-west-1
                processes: {}
                """)).isEqualTo("4:5: binaries.tool.regoin: unknown key for a s3 source (its keys: anonymous, region, tags)");
        assertThat(error("""
                binaries:
                  tool: { bare: x, asset: "*.tar.gz" }
                processes: {}
                """)).isEqualTo("2:20: binaries.tool.asset: unknown key: a bare source takes no keys of its own");
    }

    @Test
    void aValueOfTheWrongTypeOrRefusedByTheRecordIsReportedAtItsKey() {
        assertThat(error("""
                binaries:
                  tool:
                    s3: bucket/tool
                    anonymous: maybe
                processes: {}
                """)).isEqualTo("4:16: binaries.tool.anonymous: expected true or false");
        assertThat(error("""
                binaries:
                  tool:
                    s3: bucket/tool
                    region: moon
                processes: {}
                """)).isEqualTo("4:13: binaries.tool.region: expected a region such as eu-west-1, found 'moon'");
    }

    @Test
    void anUninstalledKindListsTheInstalledOnes() {
        assertThat(error("""
                binaries:
                  tool:
                    version: v1
                    github: acme/tool
                processes: {}
                """)).isEqualTo("4:5: binaries.tool.github: no source of kind 'github' is installed (installed: bare, s3)");
    }
}
