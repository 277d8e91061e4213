package dev.pitstop.cli.command;

import dev.pitstop.cli.PitstopCommand;
import dev.pitstop.core.PitstopException;
import dev.pitstop.signing.ManifestSigner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code pitstop manifest sign --key FILE} and {@code pitstop manifest verify --pub FILE}: minisign
 * signatures of {@code pitstop.lock.json} ({@code pitstop.lock.json.minisig}), checkable with
 * {@code minisign -Vm pitstop.lock.json -p pitstop.pub}.
 */
public final class ManifestSigning extends LocalCommand {
    private final boolean sign;
    private final OptionSpec key;

    private ManifestSigning(PitstopCommand root, boolean sign, String description) {
        super(root, sign ? "sign" : "verify", true, description);
        this.sign = sign;
        OptionSpec option = sign
                ? Specs.option(spec, Path.class, "FILE", "The minisign secret key (pitstop keygen).", "--key")
                : Specs.option(spec, Path.class, "FILE", "The minisign public key.", "--pub");
        this.key = option;
    }

    static ManifestSigning sign(PitstopCommand root) {
        return new ManifestSigning(root, true, "Sign pitstop.lock.json into pitstop.lock.json.minisig.");
    }

    static ManifestSigning verify(PitstopCommand root) {
        return new ManifestSigning(root, false, "Check pitstop.lock.json.minisig against a public key; exit code 1 "
                + "if it does not match.");
    }

    @Override
    public Integer call() {
        Path keyFile = key.getValue();
        if (keyFile == null) {
            throw new PitstopException("manifest " + spec.name() + ": name the key with " + key.longestName());
        }
        Path lock = lockFile();
        if (!Files.isRegularFile(lock)) {
            throw new PitstopException(lock + ": no manifest yet (install or fetch a binary first)");
        }
        ManifestSigner signer = local().get(ManifestSigner.class);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("file", lock);
        if (sign) {
            Path signature = signer.sign(lock, resolve(keyFile));
            json.put("signature", signature);
            return emit(0, json, "signed " + lock + " \u2192 " + signature + "\n");
        }
        String comment = signer.verify(lock, resolve(keyFile));
        json.put("ok", true);
        json.put("trustedComment", comment);
        return emit(0, json, "signature OK: " + lock + " (trusted comment: " + comment + ")\n");
    }
}
