package dev.pitstop.fetchers.internal.select;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pitstop.core.Platform;
import dev.pitstop.core.source.NoMatchingAssetException;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Selection on the asset lists of real releases, for every platform each file names an expectation for. */
class RealReleaseSelectionTest {
    private final AssetSelector selector = new AssetSelector();

    @Test
    void thereAreAtLeastThirtyRealReleasesWithAllFivePlatforms() {
        List<ReleaseLists.Listing> all = ReleaseLists.all();
        assertThat(all).hasSizeGreaterThanOrEqualTo(30);
        assertThat(all).allSatisfy(l -> assertThat(l.expectations()).extracting(ReleaseLists.Expectation::platform)
                .contains("linux/amd64", "linux/arm64", "darwin/arm64"));
    }

    @TestFactory
    Stream<DynamicTest> picksTheExpectedAsset() {
        return ReleaseLists.all().stream().flatMap(listing -> listing.expectations().stream().map(e ->
                DynamicTest.dynamicTest(listing.file() + " " + e.platform(), () -> check(listing, e))));
    }

    private void check(ReleaseLists.Listing listing, ReleaseLists.Expectation e) {
        Platform platform = Platform.parse(e.platform());
        if (e.asset().equals("none")) {
            assertThatThrownBy(() -> selector.selectName(listing.assets(), platform, listing.tool(), Optional.empty()))
                    .isInstanceOf(NoMatchingAssetException.class);
            return;
        }
        assertThat(listing.assets()).as("expected asset is in the list").contains(e.asset());
        String picked;
        try {
            picked = selector.selectName(listing.assets(), platform, listing.tool(), Optional.empty());
        } catch (NoMatchingAssetException ex) {
            throw new AssertionError(ex.getMessage() + "\n"
                    + selector.explainTable(listing.assets(), platform, listing.tool(), Optional.empty()), ex);
        }
        assertThat(picked).as(() -> selector.explainTable(listing.assets(), platform, listing.tool(), Optional.empty()))
                .isEqualTo(e.asset());
    }
}
