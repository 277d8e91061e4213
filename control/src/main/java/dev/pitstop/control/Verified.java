package dev.pitstop.control;

import dev.pitstop.core.store.VerifyReport;
import java.util.List;

/** {@link VerifyReport} as the API answers it: {@code ok} is whether every check matched. */
public record Verified(boolean ok, int checked, List<VerifyReport.Mismatch> mismatches) {
    public Verified {
        mismatches = mismatches == null ? List.of() : List.copyOf(mismatches);
    }

    public static Verified of(VerifyReport r) {
        return new Verified(r.ok(), r.checked(), r.mismatches());
    }
}
