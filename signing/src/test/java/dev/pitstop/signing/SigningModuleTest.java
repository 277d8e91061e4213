package dev.pitstop.signing;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import dev.pitstop.core.trust.ChecksumParser;
import dev.pitstop.core.trust.PlatformDetector;
import dev.pitstop.core.trust.PlatformTrust;
import dev.pitstop.core.trust.TrustReport;
import dev.pitstop.signing.internal.platform.LinuxTrust;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SigningModuleTest {

    @Test
    void bindsEveryOsAndTheHostTrust() {
        Injector injector = Guice.createInjector(new SigningModule());
        Map<String, PlatformTrust> byOs = injector.getInstance(Key.get(new TypeLiteral<Map<String, PlatformTrust>>() {}));
        assertThat(byOs).containsOnlyKeys("linux", "darwin", "windows");
        String os = new PlatformDetector().detect().os();
        assertThat(injector.getInstance(PlatformTrust.class)).isInstanceOf(byOs.get(os).getClass())
                .isSameAs(injector.getInstance(PlatformTrust.class));
        if (os.equals("linux")) {
            assertThat(injector.getInstance(PlatformTrust.class)).isInstanceOf(LinuxTrust.class);
        }
        assertThat(injector.getInstance(ChecksumParser.class).find("a".repeat(64), "x")).isPresent();
        assertThat(injector.getInstance(Verification.class)).isNotNull();
        assertThat(injector.getInstance(ManifestSigner.class)).isNotNull();
    }

    @Test
    void embeddersAddTheirOwnOs() {
        PlatformTrust plan9 = new PlatformTrust() {
            @Override public TrustReport check(Path binary) { return new TrustReport(binary, List.of(), List.of()); }
            @Override public TrustReport prepare(Path binary) { return check(binary); }
        };
        Injector injector = Guice.createInjector(new SigningModule(), new AbstractModule() {
            @Override
            protected void configure() {
                TrustBinder.trustBinder(binder()).addBinding("plan9").toInstance(plan9);
            }
        });
        Map<String, PlatformTrust> byOs = injector.getInstance(Key.get(new TypeLiteral<Map<String, PlatformTrust>>() {}));
        assertThat(byOs).containsEntry("plan9", plan9).containsKey("linux");
    }
}
