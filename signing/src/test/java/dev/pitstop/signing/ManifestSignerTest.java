package dev.pitstop.signing;

import static dev.pitstop.signing.testing.Tools.ok;
import static dev.pitstop.signing.testing.Tools.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pitstop.core.PitstopException;
import dev.pitstop.signing.minisign.Minisign;
import dev.pitstop.signing.minisign.MinisignPublicKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Round trips between Pitstop and the real minisign binary, in both directions. */
class ManifestSignerTest {
    @TempDir Path dir;
    private final ManifestSigner signer =
            new ManifestSigner(new Minisign(), Clock.fixed(Instant.ofEpochSecond(1_800_000_000L), ZoneOffset.UTC));
    private Path manifest;

    @BeforeEach
    void manifest() throws Exception {
        manifest = dir.resolve("pitstop.lock.json");
        Files.writeString(manifest, "{\n  \"binaries\" : { }\n}\n");
    }

    @Test
    void keygenWritesSecretKeyPrivatelyAndMinisignAcceptsOurSignature() throws Exception {
        MinisignPublicKey pub = signer.keygen(dir.resolve("pitstop.key"), dir.resolve("pitstop.pub"));
        assertThat(Files.getPosixFilePermissions(dir.resolve("pitstop.key")))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.list(dir).map(p -> p.getFileName().toString())).doesNotContain(".pitstop.key.tmp")
                .allMatch(n -> !n.endsWith(".tmp"));

        Path sig = signer.sign(manifest, dir.resolve("pitstop.key"));
        assertThat(sig).isEqualTo(dir.resolve("pitstop.lock.json.minisig"));
        assertThat(Files.readString(sig)).contains("trusted comment: timestamp:1800000000\tfile:pitstop.lock.json\thashed");
        assertThat(ok(dir, "minisign", "-Vm", "pitstop.lock.json", "-p", "pitstop.pub"))
                .contains("Signature and comment signature verified");
        assertThat(ok(dir, "minisign", "-Vm", "pitstop.lock.json", "-P", pub.toBase64())).contains("verified");
        assertThat(signer.verify(manifest, dir.resolve("pitstop.pub"))).contains("file:pitstop.lock.json");
    }

    @Test
    void verifiesWhatMinisignSignedWithItsOwnKey() throws Exception {
        ok(dir, "minisign", "-G", "-p", "m.pub", "-s", "m.key", "-W");
        ok(dir, "minisign", "-Sm", "pitstop.lock.json", "-s", "m.key", "-t", "release 7");
        assertThat(signer.verify(manifest, dir.resolve("m.pub"))).isEqualTo("release 7");
        // and our signer reads minisign's passwordless secret key
        signer.sign(manifest, dir.resolve("m.key"));
        assertThat(ok(dir, "minisign", "-Vm", "pitstop.lock.json", "-p", "m.pub")).contains("verified");
    }

    @Test
    void minisignSignsWithOurSecretKey() throws Exception {
        signer.keygen(dir.resolve("pitstop.key"), dir.resolve("pitstop.pub"));
        ok(dir, "minisign", "-Sm", "pitstop.lock.json", "-s", "pitstop.key", "-W");
        assertThat(signer.verify(manifest, dir.resolve("pitstop.pub"))).contains("file:pitstop.lock.json");
    }

    @Test
    void changedManifestFailsOnBothSides() throws Exception {
        signer.keygen(dir.resolve("pitstop.key"), dir.resolve("pitstop.pub"));
        signer.sign(manifest, dir.resolve("pitstop.key"));
        Files.writeString(manifest, "{ \"binaries\" : { \"evil\" : { } } }\n");
        assertThatThrownBy(() -> signer.verify(manifest, dir.resolve("pitstop.pub")))
                .isInstanceOf(BadSignatureException.class).hasMessageStartingWith("pitstop.lock.json: minisign signature does not match");
        assertThat(run(dir, "minisign", "-Vm", "pitstop.lock.json", "-p", "pitstop.pub").exitCode()).isNotZero();
    }

    @Test
    void wrongKeyIsNamed() throws Exception {
        signer.keygen(dir.resolve("a.key"), dir.resolve("a.pub"));
        MinisignPublicKey b = signer.keygen(dir.resolve("b.key"), dir.resolve("b.pub"));
        signer.sign(manifest, dir.resolve("a.key"));
        assertThatThrownBy(() -> signer.verify(manifest, dir.resolve("b.pub")))
                .isInstanceOf(BadSignatureException.class).hasMessageContaining("not with the trusted key " + b.keyId());
    }

    @Test
    void keygenNeverOverwritesAKey() throws Exception {
        signer.keygen(dir.resolve("pitstop.key"), dir.resolve("pitstop.pub"));
        String before = Files.readString(dir.resolve("pitstop.key"));
        assertThatThrownBy(() -> signer.keygen(dir.resolve("pitstop.key"), dir.resolve("other.pub")))
                .isInstanceOf(PitstopException.class).hasMessageEndingWith("a key exists already; remove it first to make a new one");
        assertThat(Files.readString(dir.resolve("pitstop.key"))).isEqualTo(before);
    }

    @Test
    void missingAndGarbageInputsAreClearErrors() throws Exception {
        assertThatThrownBy(() -> signer.verify(manifest, dir.resolve("nope.pub")))
                .isInstanceOf(PitstopException.class).hasMessage(dir.resolve("nope.pub") + ": no such file");
        Files.write(dir.resolve("bin.pub"), new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1});
        assertThatThrownBy(() -> signer.verify(manifest, dir.resolve("bin.pub")))
                .isInstanceOf(MalformedTrustInputException.class).hasMessageEndingWith("bin.pub: is not a text file (not UTF-8)");
        signer.keygen(dir.resolve("pitstop.key"), dir.resolve("pitstop.pub"));
        assertThatThrownBy(() -> signer.verify(manifest, dir.resolve("pitstop.pub")))
                .isInstanceOf(PitstopException.class).hasMessageEndingWith("pitstop.lock.json.minisig: no such file");
        Files.writeString(dir.resolve("pitstop.lock.json.minisig"), "garbage");
        assertThatThrownBy(() -> signer.verify(manifest, dir.resolve("pitstop.pub")))
                .isInstanceOf(MalformedTrustInputException.class).hasMessageContaining("has 4 lines, this has 1");
        assertThatThrownBy(() -> signer.sign(manifest, dir.resolve("pitstop.pub")))
                .isInstanceOf(MalformedTrustInputException.class).hasMessageContaining("secret key has");
    }
}
