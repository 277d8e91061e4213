package dev.pitstop.signing.internal.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pitstop.core.Platform;
import dev.pitstop.core.trust.PlatformTrust;
import dev.pitstop.core.trust.TrustReport;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Random bytes behind every magic number: each check must end in findings, never in an exception. */
class GarbageExecutablesTest {
    private static final byte[][] MAGICS = {
        {0x7f, 'E', 'L', 'F', 2, 1}, {0x7f, 'E', 'L', 'F', 1, 2}, {(byte) 0xcf, (byte) 0xfa, (byte) 0xed, (byte) 0xfe},
        {(byte) 0xca, (byte) 0xfe, (byte) 0xba, (byte) 0xbe, 0, 0, 0, 2}, {(byte) 0xca, (byte) 0xfe, (byte) 0xba, (byte) 0xbf, 0, 0, 0, 1},
        {'M', 'Z'}, {'#', '!'}, {}};

    @TempDir Path dir;

    @Test
    void randomHeadersNeverThrow() throws Exception {
        FakeRunner runner = new FakeRunner().on("", 1, "No such xattr");
        List<PlatformTrust> trusts = List.of(
                new LinuxTrust(new Platform("linux", "amd64", null), Path.of("/proc/self/mountinfo")),
                new DarwinTrust(new Platform("darwin", "arm64", null), runner),
                new WindowsTrust(new Platform("windows", "amd64", null), runner));
        Random random = new Random(42);
        Path file = dir.resolve("garbage");
        for (int i = 0; i < 1500; i++) {
            byte[] magic = MAGICS[i % MAGICS.length];
            byte[] bytes = new byte[magic.length + random.nextInt(i % 3 == 0 ? 64 : 2048)];
            random.nextBytes(bytes);
            System.arraycopy(magic, 0, bytes, 0, magic.length);
            if (i % 5 == 0 && bytes.length > 0x40) {
                // plausible sizes, absurd offsets: the fields parsers most often trust
                ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putShort(Math.min(0x36, bytes.length - 2), (short) 56);
            }
            Files.write(file, bytes);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
            for (PlatformTrust trust : trusts) {
                TrustReport r = trust.check(file);
                assertThat(r.findings()).as("%s on sample %d", trust.getClass().getSimpleName(), i).isNotNull();
            }
        }
    }
}
