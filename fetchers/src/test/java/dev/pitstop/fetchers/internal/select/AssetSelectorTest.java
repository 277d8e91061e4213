package dev.pitstop.fetchers.internal.select;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pitstop.core.Platform;
import dev.pitstop.core.source.NoMatchingAssetException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AssetSelectorTest {
    static final Platform LINUX = Platform.parse("linux/amd64");
    static final List<String> ASSETS = List.of("tool_1.0_linux_amd64.tar.gz", "tool_1.0_linux_amd64.deb",
            "tool_1.0_linux_arm64.tar.gz", "tool_1.0_darwin_all.tar.gz", "tool_1.0_windows_amd64.zip", "checksums.txt",
            "tool_1.0_linux_amd64.tar.gz.sig", "tool_1.0_linux_amd64.sbom.json");
    final AssetSelector selector = new AssetSelector();

    @Test
    void explainListsEveryAssetWithItsScoreOrWhyItIsOut() {
        List<ScoredAsset> rows = selector.explain(ASSETS, LINUX, "tool", Optional.empty());

        assertThat(rows).hasSize(ASSETS.size());
        assertThat(rows.get(0)).satisfies(r -> {
            assertThat(r.name()).isEqualTo("tool_1.0_linux_amd64.tar.gz");
            assertThat(r.reason()).contains("os linux +100", "arch amd64 +50", ".tar.gz +8", "name prefix +5");
        });
        assertThat(rows).filteredOn(r -> !r.eligible()).extracting(ScoredAsset::reason).contains(
                "excluded: package .deb", "excluded: for arm64", "excluded: for darwin", "excluded: for windows",
                "excluded: metadata .txt", "excluded: metadata .sig", "excluded: metadata .json");
        assertThat(selector.explainTable(ASSETS, LINUX, "tool", Optional.empty()))
                .startsWith("SCORE").contains("tool_1.0_linux_amd64.tar.gz").contains("excluded: package .deb");
    }

    @Test
    void universalMacBuildsServeBothMacArchitectures() {
        assertThat(selector.selectName(ASSETS, Platform.parse("darwin/arm64"), "tool", Optional.empty()))
                .isEqualTo("tool_1.0_darwin_all.tar.gz");
        assertThat(selector.selectName(ASSETS, Platform.parse("darwin/amd64"), "tool", Optional.empty()))
                .isEqualTo("tool_1.0_darwin_all.tar.gz");
    }

    @Test
    void aTieIsAnErrorThatNamesBothAndHowToPin() {
        List<String> twins = List.of("tool-linux-amd64.tar.gz", "tool-linux-x86_64.tar.gz");

        assertThatThrownBy(() -> selector.selectName(twins, LINUX, "tool", Optional.empty()))
                .isInstanceOf(NoMatchingAssetException.class)
                .hasMessageContaining("fit equally well").hasMessageContaining("asset: \"");
    }

    @Test
    void theSameArchiveUnderTwoSuffixesIsNoTie() {
        List<String> twice = List.of("micro-2.0.14-linux64.tgz", "micro-2.0.14-linux64.tar.gz");

        assertThat(selector.selectName(twice, LINUX, "micro", Optional.empty())).isEqualTo("micro-2.0.14-linux64.tar.gz");
    }

    @Test
    void aNumberAfterThePlatformWordsIsAVariantThatLosesToThePlainBuild() {
        List<String> names = List.of("bottom_x86_64-unknown-linux-gnu-2-17.tar.gz", "bottom_x86_64-unknown-linux-gnu.tar.gz");

        assertThat(selector.selectName(names, LINUX, "bottom", Optional.empty()))
                .isEqualTo("bottom_x86_64-unknown-linux-gnu.tar.gz");
    }

    @Test
    void aStaticBuildCountsAsLibcFreeLikeMusl() {
        List<String> names = List.of("usql-0.19.3-linux-amd64.tar.bz2", "usql_static-0.19.3-linux-amd64.tar.bz2");

        assertThat(selector.selectName(names, LINUX, "usql", Optional.empty())).isEqualTo("usql-0.19.3-linux-amd64.tar.bz2");
        assertThat(selector.selectName(names, Platform.parse("linux/amd64/musl"), "usql", Optional.empty()))
                .isEqualTo("usql_static-0.19.3-linux-amd64.tar.bz2");
    }

    @Test
    void aPinAsGlobOrRegexDecides() {
        List<String> twins = List.of("tool-linux-amd64.tar.gz", "tool-linux-x86_64.tar.gz");

        assertThat(selector.selectName(twins, LINUX, "tool", Optional.of("*x86_64*"))).isEqualTo("tool-linux-x86_64.tar.gz");
        assertThat(selector.selectName(twins, LINUX, "tool", Optional.of("/amd64/"))).isEqualTo("tool-linux-amd64.tar.gz");
        assertThat(selector.selectName(ASSETS, LINUX, "tool", Optional.of("tool_1.0_linux_arm64.tar.gz")))
                .as("a pin overrides the heuristics").isEqualTo("tool_1.0_linux_arm64.tar.gz");
        assertThatThrownBy(() -> selector.selectName(ASSETS, LINUX, "tool", Optional.of("*.msi")))
                .isInstanceOf(NoMatchingAssetException.class).hasMessageContaining("no asset matches asset: \"*.msi\"");
        assertThatThrownBy(() -> selector.selectName(ASSETS, LINUX, "tool", Optional.of("/[/")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("asset: '/[/'");
    }

    @Test
    void gnuIsPreferredOnGlibcAndRefusedOnMusl() {
        List<String> both = List.of("t-x86_64-unknown-linux-gnu.tar.gz", "t-x86_64-unknown-linux-musl.tar.gz");
        List<String> gnuOnly = List.of("t-x86_64-unknown-linux-gnu.tar.gz");

        assertThat(selector.selectName(both, LINUX, "t", Optional.empty())).endsWith("gnu.tar.gz");
        assertThat(selector.selectName(both, Platform.parse("linux/amd64/musl"), "t", Optional.empty())).endsWith("musl.tar.gz");
        assertThatThrownBy(() -> selector.selectName(gnuOnly, Platform.parse("linux/amd64/musl"), "t", Optional.empty()))
                .isInstanceOf(NoMatchingAssetException.class).hasMessageContaining("candidates");
    }

    @Test
    void aReleaseThatNamesNoPlatformAtAllStillYieldsItsBinary() {
        assertThat(selector.selectName(List.of("tool", "tool.sha256"), LINUX, "tool", Optional.empty())).isEqualTo("tool");
    }
}
