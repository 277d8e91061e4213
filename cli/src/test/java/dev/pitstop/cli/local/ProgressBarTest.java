package dev.pitstop.cli.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pitstop.core.source.ProgressListener;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ProgressBarTest {

    @Test
    void redrawsOncePerPercentAndEndsTheLineWhenComplete() {
        StringWriter out = new StringWriter();
        ProgressListener bar = new ProgressBar(new PrintWriter(out)).start("nats");
        for (long done = 0; done <= 1 << 20; done += 1024) {
            bar.progress(done, 1 << 20);
        }
        String text = out.toString();
        assertThat(text.chars().filter(c -> c == '\r').count()).isEqualTo(101);
        assertThat(text).endsWith("100%  1.0 MiB / 1.0 MiB" + System.lineSeparator());
        assertThat(text).contains("nats             [###############               ]  50%");
    }

    @Test
    void withoutATotalShowsTheBytesSoFarOncePerMebibyte() {
        StringWriter out = new StringWriter();
        ProgressListener bar = new ProgressBar(new PrintWriter(out)).start("tool");
        for (long done = 0; done <= 3L << 20; done += 4096) {
            bar.progress(done, -1);
        }
        assertThat(out.toString().chars().filter(c -> c == '\r').count()).isEqualTo(4);
        assertThat(out.toString()).endsWith("\rtool             3.0 MiB");
    }
}
