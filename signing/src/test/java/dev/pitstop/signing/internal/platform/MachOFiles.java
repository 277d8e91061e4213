package dev.pitstop.signing.internal.platform;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Minimal Mach-O files built from the published format ({@code <mach-o/loader.h>}, {@code <mach-o/fat.h>}):
 * a 64-bit header, an {@code LC_UUID} and optionally an {@code LC_CODE_SIGNATURE} load command.
 */
final class MachOFiles {
    static final int ARM64 = 0x0100000c;
    static final int X86_64 = 0x01000007;

    private MachOFiles() {}

    static byte[] thin(int cpuType, boolean signed) {
        int ncmds = signed ? 2 : 1;
        int sizeofcmds = 24 + (signed ? 16 : 0);
        ByteBuffer b = ByteBuffer.allocate(32 + sizeofcmds + 64).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0xfeedfacf).putInt(cpuType).putInt(cpuType == ARM64 ? 0 : 3).putInt(2 /* MH_EXECUTE */)
                .putInt(ncmds).putInt(sizeofcmds).putInt(0x00200085 /* NOUNDEFS|DYLDLINK|TWOLEVEL|PIE */).putInt(0);
        b.putInt(0x1b /* LC_UUID */).putInt(24).put(new byte[16]);
        if (signed) {
            b.putInt(0x1d /* LC_CODE_SIGNATURE */).putInt(16).putInt(32 + sizeofcmds).putInt(64);
        }
        return b.array();
    }

    /** A universal binary: big-endian fat header, slices aligned to 4 KiB. */
    static byte[] fat(byte[]... slices) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuffer h = ByteBuffer.allocate(8 + 20 * slices.length).order(ByteOrder.BIG_ENDIAN);
        h.putInt(0xcafebabe).putInt(slices.length);
        int offset = 4096;
        for (byte[] s : slices) {
            int cpu = ByteBuffer.wrap(s).order(ByteOrder.LITTLE_ENDIAN).getInt(4);
            h.putInt(cpu).putInt(0).putInt(offset).putInt(s.length).putInt(12);
            offset += 4096;
        }
        out.writeBytes(h.array());
        out.writeBytes(new byte[4096 - h.capacity()]);
        for (byte[] s : slices) {
            out.writeBytes(s);
            out.writeBytes(new byte[4096 - s.length]);
        }
        return out.toByteArray();
    }
}
