package dev.pitstop.cli.command;

import dev.pitstop.cli.PitstopCommand;
import dev.pitstop.cli.local.LocalPitstop;
import dev.pitstop.core.PitstopException;
import dev.pitstop.core.store.BinaryStore;
import dev.pitstop.core.store.BinaryVersion;
import dev.pitstop.core.store.ManifestStore;
import dev.pitstop.core.store.StoredBinary;
import dev.pitstop.core.trust.PlatformTrust;
import dev.pitstop.core.trust.TrustReport;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * {@code pitstop trust NAME [--check]}: whether this machine runs the current stored binary of NAME. Store
 * files are read-only, so nothing is prepared here: the report is a fresh check, next to the trust steps the
 * manifest recorded when the binary was stored.
 */
public final class TrustCommand extends LocalCommand {
    private final PositionalParamSpec name;
    private final OptionSpec check;

    public TrustCommand(PitstopCommand root) {
        super(root, "trust", true, "Report what stands in the way of running the current stored binary of NAME on "
                + "this machine, and the trust steps recorded for it; exit code 1 if it cannot run.");
        this.name = Specs.name(spec, "The binary.");
        this.check = Specs.flag(spec, "Only the fresh check, without the recorded steps.", "--check");
    }

    @Override
    public Integer call() {
        String binary = name.getValue();
        LocalPitstop local = local();
        Path lock = lockFile();
        BinaryVersion current = local.get(ManifestStore.class).read(lock).current(binary)
                .orElseThrow(() -> new PitstopException(binary + ": no current version in " + lock));
        StoredBinary stored = local.get(BinaryStore.class).find(current.sha256(), binary)
                .orElseThrow(() -> new PitstopException(binary + ": " + current.label() + " is not in the store "
                        + "any more; fetch or install it again"));
        TrustReport report = local.get(PlatformTrust.class).check(stored.path());
        boolean recorded = !Specs.isSet(check);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("binary", binary);
        json.put("version", current.version());
        json.put("sha256", current.sha256());
        json.put("path", stored.path());
        if (recorded) {
            json.put("trustSteps", current.trustSteps());
        }
        json.put("runnable", report.runnable());
        json.put("findings", report.findings());
        StringBuilder text = new StringBuilder(binary).append("  ").append(current.label()).append("  ")
                .append(stored.path()).append('\n');
        if (recorded) {
            text.append("  recorded trust steps: ")
                    .append(current.trustSteps().isEmpty() ? "-" : String.join("; ", current.trustSteps())).append('\n');
        }
        text.append("  check: ").append(report.runnable() ? "runnable" : "NOT runnable").append('\n');
        report.findings().forEach(f -> text.append("    ").append(f.severity().name().toLowerCase(Locale.ROOT))
                .append(": ").append(f.message()).append('\n'));
        return emit(report.runnable() ? 0 : 1, json, text.toString());
    }
}
