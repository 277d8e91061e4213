package dev.pitstop.signing.cosign;

import dev.pitstop.core.PitstopException;
import dev.pitstop.signing.BadSignatureException;
import dev.pitstop.signing.MalformedTrustInputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.security.interfaces.ECPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;

/**
 * Verifies what {@code cosign sign-blob --key} produces and {@code cosign verify-blob --key} checks: a base64
 * ASN.1 DER ECDSA P-256 signature over the SHA-256 of the file, against a PEM {@code PUBLIC KEY}.
 */
public final class CosignVerifier {

    /**
     * @param signatureBase64 the {@code .sig} file's text
     * @param publicKeyPem the {@code cosign.pub} text
     * @return the key's fingerprint, {@code sha256:} of its DER encoding, for the evidence record
     * @throws BadSignatureException if the signature does not match the file under that key
     */
    public String verify(Path file, String signatureBase64, String publicKeyPem) {
        String name = String.valueOf(file.getFileName());
        PublicKey key = parseKey(publicKeyPem);
        byte[] sig = parseSignature(signatureBase64, name + " cosign signature");
        try {
            Signature s = Signature.getInstance("SHA256withECDSA");
            s.initVerify(key);
            byte[] buffer = new byte[1 << 16];
            try (InputStream in = Files.newInputStream(file)) {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    s.update(buffer, 0, n);
                }
            }
            if (!s.verify(sig)) {
                throw new BadSignatureException(name, "cosign signature does not match the file under key " + fingerprint(key));
            }
        } catch (SignatureException e) {
            throw new MalformedTrustInputException(name + " cosign signature", "is not an ECDSA signature (DER): " + e.getMessage(), e);
        } catch (IOException e) {
            throw new PitstopException("cannot read " + file + ": " + e, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK cannot verify ECDSA", e);
        }
        return fingerprint(key);
    }

    static PublicKey parseKey(String pem) {
        PemObject object;
        try (PemReader reader = new PemReader(new StringReader(pem))) {
            object = reader.readPemObject();
        } catch (IOException | RuntimeException e) {
            throw new MalformedTrustInputException("cosign public key", "is not PEM: " + e.getMessage(), e);
        }
        if (object == null || !"PUBLIC KEY".equals(object.getType())) {
            throw new MalformedTrustInputException("cosign public key",
                    "expected a PEM block '-----BEGIN PUBLIC KEY-----'" + (object == null ? "" : ", found " + object.getType()));
        }
        try {
            PublicKey key = KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(object.getContent()));
            if (((ECPublicKey) key).getParams().getCurve().getField().getFieldSize() != 256) {
                throw new MalformedTrustInputException("cosign public key", "only ECDSA P-256 keys are supported");
            }
            return key;
        } catch (GeneralSecurityException e) {
            throw new MalformedTrustInputException("cosign public key", "is not an ECDSA P-256 public key", e);
        }
    }

    private static byte[] parseSignature(String text, String source) {
        String compact = text.replaceAll("\\s+", "");
        if (compact.isEmpty()) {
            throw new MalformedTrustInputException(source, "is empty");
        }
        try {
            return Base64.getDecoder().decode(compact);
        } catch (IllegalArgumentException e) {
            throw new MalformedTrustInputException(source, "is not base64: " + e.getMessage(), e);
        }
    }

    private static String fingerprint(PublicKey key) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
