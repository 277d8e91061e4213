package dev.pitstop.signing.internal.platform;

import dev.pitstop.core.Platform;
import dev.pitstop.core.trust.TrustReport.Finding;
import dev.pitstop.core.trust.TrustReport.Severity;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;

/** Tells executables apart by their first bytes and checks the ones meant for Linux against this machine. */
final class ExecutableFormat {
    private ExecutableFormat() {}

    static byte[] head(Path file, int n) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(n);
        }
    }

    static boolean isScript(byte[] head) {
        return head.length >= 2 && head[0] == '#' && head[1] == '!';
    }

    static List<Finding> linux(Path file, Platform host) throws IOException {
        byte[] head = head(file, 256);
        if (isScript(head)) {
            return shebang(head);
        }
        if (head.length < 4 || head[0] != 0x7f || head[1] != 'E' || head[2] != 'L' || head[3] != 'F') {
            return List.of(new Finding(Severity.ERROR, "not a Linux executable: " + describe(head)));
        }
        ElfHeader elf;
        try {
            elf = ElfHeader.read(file);
        } catch (ElfHeader.BadElfException e) {
            return List.of(new Finding(Severity.ERROR, "broken ELF file: " + e.getMessage()));
        }
        int hostMachine = ElfHeader.machineOf(host.arch());
        if (hostMachine >= 0 && elf.machine() != hostMachine) {
            String built = ElfHeader.machineName(elf.machine());
            String here = ElfHeader.machineName(hostMachine);
            boolean compat = (hostMachine == 62 && elf.machine() == 3) || (hostMachine == 183 && elf.machine() == 40);
            return List.of(new Finding(compat ? Severity.WARNING : Severity.ERROR, "built for " + built
                    + ", this machine is " + here + (compat ? "; runs only if the kernel has 32-bit support" : "")));
        }
        if (elf.interpreter() != null && (elf.interpreter().isEmpty() || !Files.exists(Path.of(elf.interpreter())))) {
            return List.of(new Finding(Severity.ERROR, "needs the program loader " + elf.interpreter()
                    + ", which this machine lacks" + libcHint(elf.interpreter(), host)));
        }
        return List.of(new Finding(Severity.INFO, "ELF " + elf.bits() + "-bit " + ElfHeader.machineName(elf.machine())
                + (elf.interpreter() == null ? ", statically linked" : ", loader " + elf.interpreter())));
    }

    private static String libcHint(String interpreter, Platform host) {
        if (interpreter.contains("musl") && !"musl".equals(host.libc())) {
            return " (a binary for musl libc, as on Alpine; pick the glibc build or install musl)";
        }
        if (interpreter.contains("ld-linux") && "musl".equals(host.libc())) {
            return " (a binary for glibc on a musl system; pick the musl or static build)";
        }
        return "";
    }

    private static List<Finding> shebang(byte[] head) {
        String line = new String(head, 2, head.length - 2, StandardCharsets.UTF_8).lines().findFirst().orElse("").strip();
        String interpreter = line.split("\\s+")[0];
        if (interpreter.indexOf(0) >= 0) {
            return List.of(new Finding(Severity.ERROR, "broken #! line: not a path to an interpreter"));
        }
        if (interpreter.startsWith("/") && !Files.exists(Path.of(interpreter))) {
            return List.of(new Finding(Severity.ERROR, "script interpreter " + interpreter + " does not exist"));
        }
        return List.of(new Finding(Severity.INFO, "script run by " + line));
    }

    static String describe(byte[] head) {
        if (head.length == 0) {
            return "the file is empty";
        }
        if (head.length >= 4 && head[0] == 0x7f && head[1] == 'E' && head[2] == 'L' && head[3] == 'F') {
            return "an ELF binary, built for Linux or another Unix";
        }
        if (head.length >= 2 && head[0] == 'M' && head[1] == 'Z') {
            return "a Windows executable";
        }
        if (head.length >= 4 && MachOHeader.isMachO(head)) {
            return "a macOS (Mach-O) executable";
        }
        if (head[0] == '<') {
            return "looks like HTML or XML (an error page instead of the download?)";
        }
        if (head.length >= 2 && head[0] == 0x1f && (head[1] & 0xff) == 0x8b) {
            return "a gzip archive (not extracted?)";
        }
        if (head.length >= 2 && head[0] == 'P' && head[1] == 'K') {
            return "a zip archive (not extracted?)";
        }
        byte[] first = java.util.Arrays.copyOf(head, Math.min(head.length, 4));
        return "unknown format (first bytes " + HexFormat.ofDelimiter(" ").formatHex(first) + ")";
    }
}
