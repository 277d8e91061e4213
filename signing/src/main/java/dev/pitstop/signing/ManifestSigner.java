package dev.pitstop.signing;

import dev.pitstop.core.PitstopException;
import dev.pitstop.core.io.AtomicFiles;
import dev.pitstop.signing.minisign.Minisign;
import dev.pitstop.signing.minisign.MinisignPublicKey;
import dev.pitstop.signing.minisign.MinisignSecretKey;
import dev.pitstop.signing.minisign.MinisignSignature;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.Objects;
import java.util.Set;

/**
 * Signs and verifies files, usually {@code pitstop.lock.json}, in minisign's format: what Pitstop signs,
 * {@code minisign -Vm FILE -p KEY.pub} verifies, and the other way round. Keys are minisign keys without a
 * password.
 */
public final class ManifestSigner {
    private final Minisign minisign;
    private final Clock clock;

    @Inject
    public ManifestSigner(Minisign minisign) {
        this(minisign, Clock.systemUTC());
    }

    ManifestSigner(Minisign minisign, Clock clock) {
        this.minisign = Objects.requireNonNull(minisign, "minisign");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Makes a new key pair; the secret key file gets mode 0600 from its creation on.
     *
     * @throws PitstopException if the secret key file exists already (no key is ever overwritten)
     */
    public MinisignPublicKey keygen(Path secretKeyFile, Path publicKeyFile) {
        if (Files.exists(secretKeyFile)) {
            throw new PitstopException(secretKeyFile + ": a key exists already; remove it first to make a new one");
        }
        MinisignSecretKey key = MinisignSecretKey.generate();
        write(secretKeyFile, key.toFileText(), PosixFilePermissions.fromString("rw-------"));
        write(publicKeyFile, key.publicKey().toFileText(), null);
        return key.publicKey();
    }

    /** Signs {@code file} into {@code FILE.minisig}, with minisign's trusted comment (timestamp and file name). */
    public Path sign(Path file, Path secretKeyFile) {
        MinisignSecretKey key = MinisignSecretKey.parse(read(secretKeyFile), secretKeyFile.toString());
        String comment = "timestamp:" + clock.instant().getEpochSecond() + "\tfile:" + file.getFileName() + "\thashed";
        MinisignSignature signature = minisign.sign(file, key, comment);
        Path out = signatureFile(file);
        write(out, signature.toFileText(), null);
        return out;
    }

    /**
     * Verifies {@code FILE.minisig} against the public key file (or bare key).
     *
     * @return the verified trusted comment
     */
    public String verify(Path file, Path publicKeyFile) {
        return verify(file, signatureFile(file), MinisignPublicKey.parse(read(publicKeyFile), publicKeyFile.toString()));
    }

    public String verify(Path file, Path signatureFile, MinisignPublicKey key) {
        MinisignSignature signature = MinisignSignature.parse(read(signatureFile), signatureFile.toString());
        return minisign.verify(file, signature, key);
    }

    /** Where {@link #sign} puts the signature of {@code file}. */
    public static Path signatureFile(Path file) {
        return file.resolveSibling(file.getFileName() + ".minisig");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new PitstopException(file + ": no such file");
        } catch (CharacterCodingException e) {
            throw new MalformedTrustInputException(file.toString(), "is not a text file (not UTF-8)", e);
        } catch (IOException e) {
            throw new PitstopException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** @param permissions the file's mode from its creation on, or {@code null} for the umask's */
    private static void write(Path file, String text, Set<PosixFilePermission> permissions) {
        try {
            AtomicFiles.write(file, text.getBytes(StandardCharsets.UTF_8), permissions);
        } catch (IOException e) {
            throw new PitstopException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
