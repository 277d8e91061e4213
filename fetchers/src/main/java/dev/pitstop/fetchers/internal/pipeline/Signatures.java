package dev.pitstop.fetchers.internal.pipeline;

import dev.pitstop.core.source.Asset;
import dev.pitstop.core.stack.TrustSettings;
import dev.pitstop.core.trust.PublishedArtifact.PublishedSignature;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the detached signatures published for an asset, for the engine's trust policy to check. Only the kinds
 * a key is configured for are read ({@code public_key:} → {@code <asset>.minisig}, {@code cosign_key:} →
 * {@code <asset>.sig}), so a release's other signatures (GPG, keyless cosign) cost no request.
 */
final class Signatures {
    private final TextReader text;

    Signatures(TextReader text) {
        this.text = text;
    }

    List<PublishedSignature> collect(Plan plan, TrustSettings settings) {
        boolean minisign = present(settings.publicKey());
        boolean cosign = present(settings.cosignKey());
        List<PublishedSignature> found = new ArrayList<>();
        if (!minisign && !cosign) {
            return found;
        }
        if (plan.signatureUrl().isPresent()) {
            URI uri = plan.signatureUrl().get();
            String kind = uri.getPath().endsWith(".minisig") || (minisign && !uri.getPath().endsWith(".sig"))
                    ? "minisign" : "cosign";
            text.read(uri).ifPresent(t -> found.add(new PublishedSignature(kind, t, uri.toString())));
        }
        String name = plan.asset().name();
        for (Asset a : plan.siblings()) {
            if (minisign && a.name().equals(name + ".minisig")) {
                text.read(a.downloadUrl()).ifPresent(t -> found.add(new PublishedSignature("minisign", t, a.name())));
            } else if (cosign && a.name().equals(name + ".sig")) {
                text.read(a.downloadUrl()).ifPresent(t -> found.add(new PublishedSignature("cosign", t, a.name())));
            }
        }
        return found;
    }

    private static boolean present(String key) {
        return key != null && !key.isBlank();
    }
}
