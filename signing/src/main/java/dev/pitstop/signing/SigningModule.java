package dev.pitstop.signing;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.pitstop.core.PitstopException;
import dev.pitstop.core.PitstopModule;
import dev.pitstop.core.trust.ArtifactVerifier;
import dev.pitstop.core.trust.ChecksumParser;
import dev.pitstop.core.trust.CommandRunner;
import dev.pitstop.core.trust.PlatformDetector;
import dev.pitstop.core.trust.PlatformTrust;
import dev.pitstop.signing.internal.ProcessCommandRunner;
import dev.pitstop.signing.internal.SumFileParser;
import dev.pitstop.signing.internal.platform.DarwinTrust;
import dev.pitstop.signing.internal.platform.LinuxTrust;
import dev.pitstop.signing.internal.platform.WindowsTrust;
import jakarta.inject.Provider;
import java.util.Map;
import java.util.TreeSet;

/**
 * Checksums, signatures and platform trust: binds {@link ChecksumParser}, {@link CommandRunner}, the engine's
 * {@link ArtifactVerifier} (a binary's trust policy applied to what a source fetched), the
 * {@link PlatformTrust} of every OS by name, and the unqualified {@link PlatformTrust} of this machine.
 */
public final class SigningModule extends AbstractModule implements PitstopModule {
    @Override
    protected void configure() {
        bind(ChecksumParser.class).to(SumFileParser.class);
        bind(CommandRunner.class).to(ProcessCommandRunner.class);
        bind(ArtifactVerifier.class).to(PolicyVerifier.class);
        TrustBinder trust = TrustBinder.trustBinder(binder());
        trust.addBinding("linux").to(LinuxTrust.class);
        trust.addBinding("darwin").to(DarwinTrust.class);
        trust.addBinding("windows").to(WindowsTrust.class);
    }

    /** The host's trust, picked once by OS name. */
    @Provides
    @Singleton
    PlatformTrust hostTrust(Map<String, Provider<PlatformTrust>> byOs, PlatformDetector detector) {
        String os = detector.detect().os();
        Provider<PlatformTrust> trust = byOs.get(os);
        if (trust == null) {
            throw new PitstopException("no platform trust for OS '" + os + "' (known: " + new TreeSet<>(byOs.keySet())
                    + "); bind one with TrustBinder.trustBinder(binder()).addBinding(\"" + os + "\")");
        }
        return trust.get();
    }
}
