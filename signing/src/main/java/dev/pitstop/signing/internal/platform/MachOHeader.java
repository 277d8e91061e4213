package dev.pitstop.signing.internal.platform;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The slices of a Mach-O file (one for a thin binary, several for a universal one), each with its CPU type
 * and whether it carries an {@code LC_CODE_SIGNATURE} load command.
 */
record MachOHeader(List<Slice> slices) {
    static final int CPU_X86_64 = 0x01000007;
    static final int CPU_ARM64 = 0x0100000c;
    private static final int FAT_MAGIC = 0xcafebabe;
    private static final int FAT_MAGIC_64 = 0xcafebabf;
    private static final int MH_MAGIC = 0xfeedface;
    private static final int MH_MAGIC_64 = 0xfeedfacf;
    private static final int LC_CODE_SIGNATURE = 0x1d;
    /** Java class files share 0xcafebabe; their next word (the version) is at least 45, a fat count is small. */
    private static final int MAX_FAT_ARCHS = 30;

    record Slice(int cpuType, boolean codeSignature) {
        String cpuName() {
            return MachOHeader.cpuName(cpuType);
        }
    }

    static String cpuName(int cpuType) {
        return switch (cpuType) {
            case CPU_X86_64 -> "x86_64";
            case CPU_ARM64 -> "arm64";
            case 0x0200000c -> "arm64_32";
            case 7 -> "i386";
            case 12 -> "arm";
            case 18 -> "ppc";
            case 0x01000012 -> "ppc64";
            default -> "cpu type 0x" + Integer.toHexString(cpuType);
        };
    }

    static boolean isMachO(byte[] head) {
        if (head.length < 8) {
            return false;
        }
        ByteBuffer b = ByteBuffer.wrap(head).order(ByteOrder.BIG_ENDIAN);
        int magic = b.getInt(0);
        if (magic == FAT_MAGIC || magic == FAT_MAGIC_64) {
            int n = b.getInt(4);
            return n > 0 && n <= MAX_FAT_ARCHS;
        }
        return magic == MH_MAGIC || magic == MH_MAGIC_64 || Integer.reverseBytes(magic) == MH_MAGIC
                || Integer.reverseBytes(magic) == MH_MAGIC_64;
    }

    /** @throws IOException with a message saying what is broken, for files that are not well-formed Mach-O */
    static MachOHeader read(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer head = readAt(ch, 0, 8).order(ByteOrder.BIG_ENDIAN);
            if (head.remaining() < 8 || !isMachO(head.array())) {
                throw new IOException("not a Mach-O file");
            }
            int magic = head.getInt(0);
            if (magic != FAT_MAGIC && magic != FAT_MAGIC_64) {
                return new MachOHeader(List.of(slice(ch, 0)));
            }
            boolean fat64 = magic == FAT_MAGIC_64;
            int count = head.getInt(4);
            int entry = fat64 ? 32 : 20;
            List<Slice> slices = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                ByteBuffer a = readAt(ch, 8L + (long) i * entry, entry).order(ByteOrder.BIG_ENDIAN);
                if (a.remaining() < entry) {
                    throw new IOException("truncated universal header");
                }
                long offset = fat64 ? a.getLong(8) : Integer.toUnsignedLong(a.getInt(8));
                Slice s = slice(ch, offset);
                if (s.cpuType() != a.getInt(0)) {
                    throw new IOException("slice " + i + " claims " + cpuName(a.getInt(0)) + " but holds " + s.cpuName());
                }
                slices.add(s);
            }
            return new MachOHeader(List.copyOf(slices));
        }
    }

    private static Slice slice(FileChannel ch, long offset) throws IOException {
        ByteBuffer h = readAt(ch, offset, 32);
        if (h.remaining() < 28) {
            throw new IOException("truncated Mach-O header at offset " + offset);
        }
        int magic = h.order(ByteOrder.BIG_ENDIAN).getInt(0);
        if (magic != MH_MAGIC && magic != MH_MAGIC_64) {
            h.order(ByteOrder.LITTLE_ENDIAN);
            magic = h.getInt(0);
        }
        if (magic != MH_MAGIC && magic != MH_MAGIC_64) {
            throw new IOException("no Mach-O header at offset " + offset);
        }
        int cpuType = h.getInt(4);
        int ncmds = h.getInt(16);
        if (ncmds < 0 || ncmds > 100_000) {
            throw new IOException("implausible load command count " + ncmds);
        }
        long at = offset + (magic == MH_MAGIC_64 ? 32 : 28);
        boolean signed = false;
        for (int i = 0; i < ncmds; i++) {
            ByteBuffer lc = readAt(ch, at, 8).order(h.order());
            if (lc.remaining() < 8) {
                throw new IOException("truncated load command " + i + " of " + cpuName(cpuType));
            }
            int cmdSize = lc.getInt(4);
            if (cmdSize < 8) {
                throw new IOException("load command " + i + " of " + cpuName(cpuType) + " has size " + cmdSize);
            }
            signed |= lc.getInt(0) == LC_CODE_SIGNATURE;
            at += Integer.toUnsignedLong(cmdSize);
        }
        return new Slice(cpuType, signed);
    }

    /** Reads up to {@code length} bytes; fewer (none for offsets outside the file) tell the caller it is truncated. */
    private static ByteBuffer readAt(FileChannel ch, long position, int length) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(length);
        if (position < 0 || position >= ch.size()) {
            return b.flip();
        }
        while (b.hasRemaining() && ch.read(b, position + b.position()) >= 0) {
            // read until full or end of file
        }
        return b.flip();
    }
}
