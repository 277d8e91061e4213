package dev.pitstop.signing.internal.platform;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;

/**
 * The parts of an ELF file that decide whether it can start here: class, machine, and the program
 * interpreter ({@code PT_INTERP}) of a dynamically linked executable.
 *
 * @param interpreter the loader path, or {@code null} for a static binary
 */
record ElfHeader(int bits, int machine, String interpreter) {
    private static final int PT_INTERP = 3;

    /** e_machine values (System V ABI) with the names {@code uname -m} prints. */
    private static final Map<Integer, String> MACHINES = Map.ofEntries(
            Map.entry(3, "i386"), Map.entry(8, "mips"), Map.entry(20, "ppc"), Map.entry(21, "ppc64"),
            Map.entry(22, "s390x"), Map.entry(40, "arm"), Map.entry(62, "x86_64"), Map.entry(183, "aarch64"),
            Map.entry(243, "riscv64"), Map.entry(258, "loongarch64"));

    private static final Map<String, Integer> BY_GO_ARCH = Map.of(
            "386", 3, "amd64", 62, "arm", 40, "arm64", 183, "riscv64", 243, "ppc64le", 21, "ppc64", 21,
            "s390x", 22, "loong64", 258);

    /** The e_machine of a Go-style architecture name, or {@code -1} if unknown. */
    static int machineOf(String goArch) {
        return BY_GO_ARCH.getOrDefault(goArch, -1);
    }

    static String machineName(int machine) {
        return MACHINES.getOrDefault(machine, "machine type " + machine);
    }

    /** @throws BadElfException if the file is shorter than its headers say */
    static ElfHeader read(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer h = readAt(ch, 0, 64);
            if (h.remaining() < 52) {
                throw new BadElfException("truncated ELF header (" + h.remaining() + " bytes)");
            }
            int elfClass = h.get(4);
            if (elfClass != 1 && elfClass != 2) {
                throw new BadElfException("unknown ELF class " + elfClass);
            }
            boolean is64 = elfClass == 2;
            h.order(h.get(5) == 2 ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
            if (is64 && h.remaining() < 64) {
                throw new BadElfException("truncated ELF header (" + h.remaining() + " bytes)");
            }
            int machine = Short.toUnsignedInt(h.getShort(18));
            long phoff = is64 ? h.getLong(0x20) : Integer.toUnsignedLong(h.getInt(0x1c));
            int phentsize = Short.toUnsignedInt(h.getShort(is64 ? 0x36 : 0x2a));
            int phnum = Short.toUnsignedInt(h.getShort(is64 ? 0x38 : 0x2c));
            String interp = null;
            for (int i = 0; i < phnum; i++) {
                ByteBuffer ph = readAt(ch, phoff + (long) i * phentsize, is64 ? 56 : 32).order(h.order());
                if (ph.remaining() < (is64 ? 56 : 32)) {
                    throw new BadElfException("truncated program header table");
                }
                if (ph.getInt(0) == PT_INTERP) {
                    long offset = is64 ? ph.getLong(8) : Integer.toUnsignedLong(ph.getInt(4));
                    long size = is64 ? ph.getLong(0x20) : Integer.toUnsignedLong(ph.getInt(0x10));
                    if (size <= 0 || size > 4096) {
                        throw new BadElfException("implausible PT_INTERP size " + size);
                    }
                    ByteBuffer s = readAt(ch, offset, (int) size);
                    if (s.remaining() < size) {
                        throw new BadElfException("PT_INTERP lies outside the file");
                    }
                    String text = StandardCharsets.UTF_8.decode(s).toString();
                    int nul = text.indexOf('\0');
                    interp = nul < 0 ? text : text.substring(0, nul);
                }
            }
            return new ElfHeader(is64 ? 64 : 32, machine, interp);
        }
    }

    /** Reads up to {@code length} bytes; fewer (none for offsets outside the file) tell the caller it is truncated. */
    private static ByteBuffer readAt(FileChannel ch, long position, int length) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(length);
        if (position < 0 || position >= ch.size()) {
            return b.flip();
        }
        while (b.hasRemaining()) {
            if (ch.read(b, position + b.position()) < 0) {
                break;
            }
        }
        return b.flip();
    }

    /** Structurally broken ELF; the message says what is wrong. */
    static final class BadElfException extends IOException {
        private static final long serialVersionUID = 1L;

        BadElfException(String message) {
            super(message);
        }
    }
}
