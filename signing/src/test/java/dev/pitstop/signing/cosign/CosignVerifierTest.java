package dev.pitstop.signing.cosign;

import static dev.pitstop.signing.testing.Tools.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pitstop.signing.BadSignatureException;
import dev.pitstop.signing.MalformedTrustInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Against keys and signatures made by the real openssl, in cosign's key-based blob format. */
class CosignVerifierTest {
    @TempDir Path dir;
    private final CosignVerifier verifier = new CosignVerifier();
    private Path file;
    private String pub;
    private String sig;

    @BeforeEach
    void sign() throws Exception {
        file = dir.resolve("tool");
        Files.write(file, "binary bytes\n".repeat(500).getBytes());
        ok(dir, "openssl", "ecparam", "-genkey", "-name", "prime256v1", "-noout", "-out", "key.pem");
        ok(dir, "openssl", "ec", "-in", "key.pem", "-pubout", "-out", "cosign.pub");
        pub = Files.readString(dir.resolve("cosign.pub"));
        sig = ok(dir, "sh", "-c", "openssl dgst -sha256 -sign key.pem tool | base64 -w0");
    }

    @Test
    void acceptsSignatureOverFile() {
        assertThat(verifier.verify(file, sig, pub)).startsWith("sha256:").hasSize(71);
    }

    @Test
    void acceptsSignatureWithLineBreaks() throws Exception {
        String wrapped = ok(dir, "sh", "-c", "openssl dgst -sha256 -sign key.pem tool | base64 -w 20");
        assertThat(verifier.verify(file, wrapped, pub)).startsWith("sha256:");
    }

    @Test
    void rejectsTamperedFile() throws Exception {
        Files.writeString(file, "x", StandardOpenOption.APPEND);
        assertThatThrownBy(() -> verifier.verify(file, sig, pub))
                .isInstanceOf(BadSignatureException.class)
                .hasMessageStartingWith("tool: cosign signature does not match the file under key sha256:");
    }

    @Test
    void rejectsOtherKey() throws Exception {
        ok(dir, "openssl", "ecparam", "-genkey", "-name", "prime256v1", "-noout", "-out", "other.pem");
        String other = ok(dir, "openssl", "ec", "-in", "other.pem", "-pubout");
        assertThatThrownBy(() -> verifier.verify(file, sig, other)).isInstanceOf(BadSignatureException.class);
    }

    @Test
    void rejectsGarbageSignatures() {
        assertThatThrownBy(() -> verifier.verify(file, "", pub))
                .isInstanceOf(MalformedTrustInputException.class).hasMessage("tool cosign signature: is empty");
        assertThatThrownBy(() -> verifier.verify(file, "%%%", pub))
                .isInstanceOf(MalformedTrustInputException.class).hasMessageContaining("not base64");
        assertThatThrownBy(() -> verifier.verify(file, sig.substring(0, 40), pub))
                .isInstanceOf(MalformedTrustInputException.class).hasMessageContaining("is not an ECDSA signature");
    }

    @Test
    void rejectsGarbageKeys() throws Exception {
        assertThatThrownBy(() -> verifier.verify(file, sig, "hello"))
                .isInstanceOf(MalformedTrustInputException.class).hasMessageStartingWith("cosign public key: expected a PEM block");
        String priv = Files.readString(dir.resolve("key.pem"));
        assertThatThrownBy(() -> verifier.verify(file, sig, priv))
                .isInstanceOf(MalformedTrustInputException.class).hasMessageContaining("found EC PRIVATE KEY");
        ok(dir, "openssl", "ecparam", "-genkey", "-name", "secp384r1", "-noout", "-out", "p384.pem");
        String p384 = ok(dir, "openssl", "ec", "-in", "p384.pem", "-pubout");
        assertThatThrownBy(() -> verifier.verify(file, sig, p384))
                .isInstanceOf(MalformedTrustInputException.class).hasMessageContaining("only ECDSA P-256");
        assertThatThrownBy(() -> verifier.verify(file, sig, "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n"))
                .isInstanceOf(MalformedTrustInputException.class).hasMessageContaining("not an ECDSA P-256 public key");
    }
}
