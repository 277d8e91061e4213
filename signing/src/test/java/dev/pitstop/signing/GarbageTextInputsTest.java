package dev.pitstop.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.pitstop.signing.cosign.CosignVerifier;
import dev.pitstop.signing.internal.SumFileParser;
import dev.pitstop.signing.minisign.MinisignPublicKey;
import dev.pitstop.signing.minisign.MinisignSecretKey;
import dev.pitstop.signing.minisign.MinisignSignature;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Random and near-valid text into every reader: only Pitstop's own exceptions may come out. */
class GarbageTextInputsTest {
    @TempDir Path dir;

    private static String sample(Random r, int i) {
        byte[] bytes = new byte[r.nextInt(200)];
        r.nextBytes(bytes);
        String blob = i % 2 == 0 ? Base64.getEncoder().encodeToString(bytes) : new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
        return switch (i % 5) {
            case 0 -> "untrusted comment: x\n" + blob + "\ntrusted comment: y\n" + blob;
            case 1 -> "untrusted comment: x\n" + blob;
            case 2 -> "RW" + blob;
            case 3 -> "-----BEGIN PUBLIC KEY-----\n" + blob + "\n-----END PUBLIC KEY-----\n";
            default -> blob;
        };
    }

    private static void onlyOurs(Consumer<String> reader, String input) {
        Throwable t = catchThrowable(() -> reader.accept(input));
        if (t != null) {
            assertThat(t).as("input %s", input).isInstanceOf(VerificationException.class);
            assertThat(t.getMessage()).doesNotContain("\n");
        }
    }

    @Test
    void everyReaderFailsCleanly() throws Exception {
        Path file = Files.writeString(dir.resolve("tool"), "x");
        Random r = new Random(7);
        SumFileParser sums = new SumFileParser();
        CosignVerifier cosign = new CosignVerifier();
        for (int i = 0; i < 500; i++) {
            String s = sample(r, i);
            onlyOurs(t -> MinisignSignature.parse(t, "s.minisig"), s);
            onlyOurs(t -> MinisignPublicKey.parse(t, "k.pub"), s);
            onlyOurs(t -> MinisignSecretKey.parse(t, "k.key"), s);
            onlyOurs(t -> sums.find(t, "tool"), s);
            onlyOurs(t -> cosign.verify(file, t, t), s);
        }
    }
}
