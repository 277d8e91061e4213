package dev.pitstop.drill;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** Broken versions of a working binary, written to a folder of the drill's own (never into the store). */
final class BrokenCandidates {
    /** ELF {@code e_machine}: x86-64 and AArch64; a binary of one is patched to claim the other. */
    static final int EM_X86_64 = 62;
    static final int EM_AARCH64 = 183;
    private static final int E_MACHINE = 18;

    /**
     * @param kind what is wrong with it
     * @param file where it was written
     * @param skipped why this kind does not apply to the binary ({@code file} is then {@code null})
     */
    record Candidate(String kind, Path file, String skipped) {}

    private final Path dir;

    BrokenCandidates(Path dir) {
        this.dir = dir;
    }

    /**
     * @param working the bytes of the version that runs now
     * @param gated whether every process that runs it has a readiness check, without which "never ready" cannot be
     *              told from "ready"
     */
    List<Candidate> make(String binary, byte[] working, boolean gated) throws IOException {
        List<Candidate> out = new ArrayList<>();
        // each run's candidates differ from the last run's, so each goes through the whole swap path again
        String nonce = UUID.randomUUID().toString();
        byte[] truncated = Arrays.copyOf(working, Math.max(1, working.length / 2));
        out.add(new Candidate("truncated", write(binary + ".truncated", append(truncated, nonce), true), null));
        // the store gives every version its own mode, so a working binary without the x bit is no broken one: this
        // candidate is not executable in content either (no ELF header, no #!), and the kernel refuses it
        out.add(new Candidate("not executable", write(binary + ".noexec", notExecutable(nonce), false), null));
        if (isElf(working)) {
            out.add(new Candidate("wrong CPU architecture", write(binary + ".wrongarch",
                    append(otherArchitecture(working), nonce), true), null));
        } else {
            out.add(new Candidate("wrong CPU architecture", null, "not an ELF binary"));
        }
        out.add(new Candidate("exits at once", write(binary + ".exits",
                script("echo 'drill: this candidate exits at once' >&2\nexit 3", nonce), true), null));
        if (gated) {
            out.add(new Candidate("never ready", write(binary + ".hangs", script("exec sleep 3600", nonce), true), null));
        } else {
            out.add(new Candidate("never ready", null, "a process that runs it has no readiness check"));
        }
        return out;
    }

    static boolean isElf(byte[] b) {
        return b.length > E_MACHINE + 1 && b[0] == 0x7f && b[1] == 'E' && b[2] == 'L' && b[3] == 'F';
    }

    /** The same bytes with {@code e_machine} naming another CPU: the kernel refuses to exec them (ENOEXEC). */
    static byte[] otherArchitecture(byte[] elf) {
        byte[] patched = elf.clone();
        boolean little = elf[5] == 1;
        int lo = little ? E_MACHINE : E_MACHINE + 1;
        int hi = little ? E_MACHINE + 1 : E_MACHINE;
        int machine = (elf[lo] & 0xff) | (elf[hi] & 0xff) << 8;
        int other = machine == EM_AARCH64 ? EM_X86_64 : EM_AARCH64;
        patched[lo] = (byte) other;
        patched[hi] = (byte) (other >> 8);
        return patched;
    }

    private static byte[] notExecutable(String nonce) {
        byte[] data = new byte[4096];
        new java.util.Random(nonce.hashCode()).nextBytes(data);
        data[0] = 0; // binary data to a shell too: it does not try to run it as a script
        return append(data, nonce);
    }

    /** Trailing bytes change the digest without changing what the kernel or a shell makes of the file. */
    private static byte[] append(byte[] bytes, String nonce) {
        byte[] tail = ("\n" + nonce + "\n").getBytes(StandardCharsets.US_ASCII);
        byte[] out = Arrays.copyOf(bytes, bytes.length + tail.length);
        System.arraycopy(tail, 0, out, bytes.length, tail.length);
        return out;
    }

    private static byte[] script(String body, String nonce) {
        return ("#!/bin/sh\n# pitstop drill candidate " + nonce + "\n" + body + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private Path write(String name, byte[] bytes, boolean executable) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(executable ? "rwxr-xr-x" : "rw-r--r--"));
        return file;
    }
}
