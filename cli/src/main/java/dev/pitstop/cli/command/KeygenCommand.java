package dev.pitstop.cli.command;

import dev.pitstop.cli.PitstopCommand;
import dev.pitstop.core.PitstopException;
import dev.pitstop.signing.ManifestSigner;
import dev.pitstop.signing.minisign.MinisignPublicKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Model.OptionSpec;

/** {@code pitstop keygen [-p PUB] [-s SEC] [--force]}: a minisign key pair for signing manifests. */
public final class KeygenCommand extends LocalCommand {
    private final OptionSpec publicKey;
    private final OptionSpec secretKey;
    private final OptionSpec force;

    public KeygenCommand(PitstopCommand root) {
        super(root, "keygen", false, "Make a minisign key pair (no password) for pitstop manifest sign; the secret "
                + "key gets mode 0600.");
        this.publicKey = Specs.defaulted(spec, Path.class, "PUB", "pitstop.pub", "The public key file (default: ${DEFAULT-VALUE}).",
                "-p", "--public-key");
        this.secretKey = Specs.defaulted(spec, Path.class, "SEC", "pitstop.key", "The secret key file (default: ${DEFAULT-VALUE}).",
                "-s", "--secret-key");
        this.force = Specs.flag(spec, "Replace an existing key pair.", "--force");
    }

    @Override
    public Integer call() throws IOException {
        Path pub = resolve(publicKey.getValue());
        Path sec = resolve(secretKey.getValue());
        for (Path key : new Path[] {sec, pub}) {
            if (Files.exists(key)) {
                if (!Specs.isSet(force)) {
                    throw new PitstopException(key + " exists already; use --force to replace the key pair");
                }
                Files.delete(key);
            }
        }
        MinisignPublicKey key = local().get(ManifestSigner.class).keygen(sec, pub);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("secretKey", sec);
        json.put("publicKey", pub);
        json.put("keyId", key.keyId());
        return emit(0, json, "secret key: " + sec + " (mode 0600, no password: keep it private)\n"
                + "public key: " + pub + " (key id " + key.keyId() + ")\n");
    }
}
