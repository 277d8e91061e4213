package dev.pitstop.core.store;

import dev.pitstop.core.Sha256;
import java.util.List;
import java.util.Objects;

/**
 * The result of a verification: empty {@link #mismatches()} means everything checked out.
 *
 * @param checked how many files or processes were hashed
 */
public record VerifyReport(int checked, List<Mismatch> mismatches) {
    public VerifyReport {
        mismatches = List.copyOf(mismatches);
    }

    public boolean ok() {
        return mismatches.isEmpty();
    }

    /** Adds the findings of another check to this one. */
    public VerifyReport plus(VerifyReport other) {
        List<Mismatch> all = new java.util.ArrayList<>(mismatches);
        all.addAll(other.mismatches);
        return new VerifyReport(checked + other.checked, all);
    }

    /**
     * One finding.
     *
     * @param actual what the bytes hash to now, or {@code null} if they could not be read
     * @param where the file or process examined, for example {@code /proc/4242/exe (pid 4242)}
     * @param problem one line, for example {@code content changed} or {@code not the current binary}
     */
    public record Mismatch(String name, Sha256 expected, Sha256 actual, String where, String problem) {
        public Mismatch {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(where, "where");
            Objects.requireNonNull(problem, "problem");
        }

        @Override
        public String toString() {
            return name + ": " + problem + " at " + where + " (expected " + expected + ", actual " + actual + ")";
        }
    }
}
