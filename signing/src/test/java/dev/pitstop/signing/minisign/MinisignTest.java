package dev.pitstop.signing.minisign;

import static dev.pitstop.signing.testing.Tools.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pitstop.signing.BadSignatureException;
import dev.pitstop.signing.MalformedTrustInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Against signatures and keys made by Debian's real minisign. */
class MinisignTest {
    @TempDir Path dir;
    private final Minisign minisign = new Minisign();
    private Path file;
    private MinisignPublicKey key;

    @BeforeEach
    void keyAndFile() throws Exception {
        ok(dir, "minisign", "-G", "-p", "pk", "-s", "sk", "-W");
        file = dir.resolve("release.tar.gz");
        Files.write(file, "a release, byte for byte\n".repeat(1000).getBytes());
        key = MinisignPublicKey.parse(Files.readString(dir.resolve("pk")), "pk");
    }

    private MinisignSignature sig(Path sigFile) throws Exception {
        return MinisignSignature.parse(Files.readString(sigFile), sigFile.getFileName().toString());
    }

    @Test
    void verifiesPrehashedSignatureFromMinisign() throws Exception {
        ok(dir, "minisign", "-S", "-s", "sk", "-m", "release.tar.gz", "-t", "release 1.2.3");
        MinisignSignature s = sig(dir.resolve("release.tar.gz.minisig"));
        assertThat(s.prehashed()).isTrue();
        assertThat(minisign.verify(file, s, key)).isEqualTo("release 1.2.3");
    }

    @Test
    void verifiesLegacySignatureFromMinisign() throws Exception {
        ok(dir, "minisign", "-S", "-l", "-s", "sk", "-m", "release.tar.gz");
        MinisignSignature s = sig(dir.resolve("release.tar.gz.minisig"));
        assertThat(s.prehashed()).isFalse();
        assertThat(minisign.verify(file, s, key)).startsWith("timestamp:").contains("file:release.tar.gz");
    }

    @Test
    void keyIdMatchesWhatMinisignPrints() throws Exception {
        String pub = Files.readString(dir.resolve("pk"));
        assertThat(pub).contains("minisign public key " + key.keyId());
        assertThat(MinisignPublicKey.parse(key.toBase64(), "-P")).isEqualTo(key);
        assertThat(key.toFileText()).isEqualTo(pub.strip() + "\n");
    }

    @Test
    void rejectsTamperedFileInBothModes() throws Exception {
        ok(dir, "minisign", "-S", "-s", "sk", "-m", "release.tar.gz", "-x", "ed.minisig");
        ok(dir, "minisign", "-S", "-l", "-s", "sk", "-m", "release.tar.gz", "-x", "legacy.minisig");
        Files.writeString(file, "tampered", java.nio.file.StandardOpenOption.APPEND);
        for (String s : new String[] {"ed.minisig", "legacy.minisig"}) {
            assertThatThrownBy(() -> minisign.verify(file, sig(dir.resolve(s)), key))
                    .isInstanceOf(BadSignatureException.class)
                    .hasMessageStartingWith("release.tar.gz: minisign signature does not match the file");
        }
    }

    @Test
    void rejectsAlteredTrustedComment() throws Exception {
        ok(dir, "minisign", "-S", "-s", "sk", "-m", "release.tar.gz", "-t", "version 1.0");
        Path s = dir.resolve("release.tar.gz.minisig");
        Files.writeString(s, Files.readString(s).replace("version 1.0", "version 9.9"));
        assertThatThrownBy(() -> minisign.verify(file, sig(s), key))
                .isInstanceOf(BadSignatureException.class).hasMessageContaining("trusted comment");
    }

    @Test
    void rejectsSignatureOfAnotherKey() throws Exception {
        ok(dir, "minisign", "-G", "-p", "pk2", "-s", "sk2", "-W");
        ok(dir, "minisign", "-S", "-s", "sk2", "-m", "release.tar.gz");
        MinisignSignature s = sig(dir.resolve("release.tar.gz.minisig"));
        assertThatThrownBy(() -> minisign.verify(file, s, key))
                .isInstanceOf(BadSignatureException.class)
                .hasMessageContaining("signed with minisign key " + s.keyId() + ", not with the trusted key " + key.keyId());
    }

    @Test
    void rejectsSameKeyIdWithOtherKeyBytes() throws Exception {
        ok(dir, "minisign", "-S", "-s", "sk", "-m", "release.tar.gz");
        MinisignSecretKey other = MinisignSecretKey.generate();
        MinisignPublicKey forged = new MinisignPublicKey(key.keyIdBytes(), other.publicKey().key());
        assertThatThrownBy(() -> minisign.verify(file, sig(dir.resolve("release.tar.gz.minisig")), forged))
                .isInstanceOf(BadSignatureException.class).hasMessageContaining("does not match the file");
    }

    @Test
    void rejectsTruncatedAndGarbageSignatures() throws Exception {
        ok(dir, "minisign", "-S", "-s", "sk", "-m", "release.tar.gz");
        String text = Files.readString(dir.resolve("release.tar.gz.minisig"));
        String[] lines = text.split("\n");
        String truncatedBlob = lines[0] + "\n" + lines[1].substring(0, 40) + "\n" + lines[2] + "\n" + lines[3] + "\n";
        assertThatThrownBy(() -> MinisignSignature.parse(truncatedBlob, "x.minisig"))
                .isInstanceOf(MalformedTrustInputException.class)
                .hasMessageStartingWith("x.minisig: signature has ");
        assertThatThrownBy(() -> MinisignSignature.parse(lines[0] + "\n" + lines[1] + "\n", "x.minisig"))
                .isInstanceOf(MalformedTrustInputException.class).hasMessage("x.minisig: a minisign signature has 4 lines, this has 2");
        assertThatThrownBy(() -> MinisignSignature.parse("<html>404 Not Found</html>", "x.minisig"))
                .isInstanceOf(MalformedTrustInputException.class);
        assertThatThrownBy(() -> MinisignSignature.parse(text.replace(lines[1], "@@@not base64@@@"), "x.minisig"))
                .isInstanceOf(MalformedTrustInputException.class).hasMessageContaining("not base64");
        assertThatThrownBy(() -> MinisignSignature.parse(text.replace("\ntrusted comment: ", "\ncomment: "), "x.minisig"))
                .isInstanceOf(MalformedTrustInputException.class).hasMessageContaining("'trusted comment:'");
    }

    @Test
    void rejectsGarbagePublicKeys() {
        assertThatThrownBy(() -> MinisignPublicKey.parse("", "key.pub"))
                .isInstanceOf(MalformedTrustInputException.class).hasMessageStartingWith("key.pub: is empty");
        assertThatThrownBy(() -> MinisignPublicKey.parse("RWQRwAPWZYRDE7DPbLuM0KR6z5qTLdThHMDo15xAvhDzhHUU", "key.pub"))
                .isInstanceOf(MalformedTrustInputException.class).hasMessageContaining("truncated");
        assertThatThrownBy(() -> MinisignPublicKey.parse("-----BEGIN PUBLIC KEY-----\nMFkw\n-----END PUBLIC KEY-----", "key.pub"))
                .isInstanceOf(MalformedTrustInputException.class).hasMessageContaining("not a minisign public key");
    }

    @Test
    void readsMinisignPasswordlessSecretKeyAndSignsLikeIt() throws Exception {
        MinisignSecretKey sk = MinisignSecretKey.parse(Files.readString(dir.resolve("sk")), "sk");
        assertThat(sk.publicKey()).isEqualTo(key);
        MinisignSignature ours = minisign.sign(file, sk, "ours");
        Files.writeString(dir.resolve("ours.minisig"), ours.toFileText());
        assertThat(ok(dir, "minisign", "-V", "-p", "pk", "-m", "release.tar.gz", "-x", "ours.minisig"))
                .contains("Signature and comment signature verified").contains("ours");
    }

    @Test
    void refusesPasswordProtectedSecretKey() throws Exception {
        String sk = Files.readString(dir.resolve("sk"));
        byte[] raw = java.util.Base64.getDecoder().decode(sk.split("\n")[1]);
        raw[2] = 'S';
        raw[3] = 'c';
        String encrypted = sk.split("\n")[0] + "\n" + java.util.Base64.getEncoder().encodeToString(raw) + "\n";
        assertThatThrownBy(() -> MinisignSecretKey.parse(encrypted, "sk"))
                .isInstanceOf(MalformedTrustInputException.class).hasMessageContaining("password-protected");
    }

    @Test
    void ourGeneratedKeysWorkWithMinisignBothWays() throws Exception {
        MinisignSecretKey sk = MinisignSecretKey.generate();
        Files.writeString(dir.resolve("our.key"), sk.toFileText());
        Files.writeString(dir.resolve("our.pub"), sk.publicKey().toFileText());
        assertThat(MinisignSecretKey.parse(sk.toFileText(), "our.key").publicKey()).isEqualTo(sk.publicKey());

        ok(dir, "minisign", "-S", "-s", "our.key", "-m", "release.tar.gz", "-t", "by minisign with our key");
        assertThat(ok(dir, "minisign", "-V", "-p", "our.pub", "-m", "release.tar.gz")).contains("by minisign with our key");
        assertThat(minisign.verify(file, sig(dir.resolve("release.tar.gz.minisig")), sk.publicKey()))
                .isEqualTo("by minisign with our key");
    }

    @Test
    void detectsDamagedSecretKey() throws Exception {
        MinisignSecretKey sk = MinisignSecretKey.generate();
        String[] lines = sk.toFileText().split("\n");
        byte[] raw = java.util.Base64.getDecoder().decode(lines[1]);
        raw[70] ^= 1;
        String damaged = lines[0] + "\n" + java.util.Base64.getEncoder().encodeToString(raw) + "\n";
        assertThatThrownBy(() -> MinisignSecretKey.parse(damaged, "our.key"))
                .isInstanceOf(MalformedTrustInputException.class).hasMessage("our.key: checksum does not match: the key is damaged");
    }

}
