package dev.pitstop.supervisor.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;

class ProcessPlatformsTest {
    @Test
    void theDefaultOnThisLinuxIsLinuxAndSaysWhy() {
        ProcessPlatforms.Choice choice = ProcessPlatforms.open(null, ForkJoinPool.commonPool(), "t");
        try {
            assertThat(choice.platform().name()).isEqualTo("linux");
            assertThat(choice).hasToString("linux (default on Linux)");
        } finally {
            choice.platform().close();
        }
    }

    @Test
    void aForcedPlatformIsReportedAsForced() {
        ProcessPlatforms.Choice choice = ProcessPlatforms.open(" POSIX ", ForkJoinPool.commonPool(), "t");
        try {
            assertThat(choice).hasToString("posix (PITSTOP_PROCESS_PLATFORM=posix)");
        } finally {
            choice.platform().close();
        }
    }

    @Test
    void anUnknownOrImpossiblePlatformIsAnErrorNotAFallback() {
        assertThatThrownBy(() -> ProcessPlatforms.open("windows", ForkJoinPool.commonPool(), "t"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("PITSTOP_PROCESS_PLATFORM=windows is none of linux, posix, macos, jdk");
        assertThatThrownBy(() -> ProcessPlatforms.open("macos", ForkJoinPool.commonPool(), "t"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("PITSTOP_PROCESS_PLATFORM=macos cannot run here: not macOS");
    }
}
