package dev.pitstop.signing.internal.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class MountTableTest {
    private static final String FIXTURE = String.join("\n",
            "22 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw",
            "25 22 0:21 / /tmp rw,nosuid,nodev,noexec shared:5 - tmpfs tmpfs rw",
            "26 25 0:22 / /tmp/build rw,nosuid,nodev shared:6 - tmpfs tmpfs rw",
            "27 22 0:23 / /media/usb\\040stick rw,noexec - vfat /dev/sdb1 rw",
            "garbage line",
            "");

    private final MountTable table = MountTable.parse(FIXTURE);

    @Test
    void longestMountPointWins() {
        assertThat(table.find(Path.of("/tmp/x/tool")).orElseThrow().mountPoint()).isEqualTo(Path.of("/tmp"));
        assertThat(table.find(Path.of("/tmp/x/tool")).orElseThrow().noexec()).isTrue();
        assertThat(table.find(Path.of("/tmp/build/tool")).orElseThrow().noexec()).isFalse();
        assertThat(table.find(Path.of("/tmpfoo/tool")).orElseThrow().mountPoint()).isEqualTo(Path.of("/"));
    }

    @Test
    void unescapesOctal() {
        assertThat(table.find(Path.of("/media/usb stick/tool")).orElseThrow().noexec()).isTrue();
        assertThat(MountTable.unescape("a\\134b\\011c\\")).isEqualTo("a\\b\tc\\");
    }

    @Test
    void laterMountOnSamePointWins() {
        MountTable stacked = MountTable.parse("1 0 0:1 / /opt rw,noexec - tmpfs t rw\n2 1 0:2 / /opt rw - tmpfs t rw\n");
        assertThat(stacked.find(Path.of("/opt/a")).orElseThrow().noexec()).isFalse();
    }
}
