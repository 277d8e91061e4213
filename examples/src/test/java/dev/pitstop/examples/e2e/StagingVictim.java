package dev.pitstop.examples.e2e;

import dev.pitstop.core.store.StagingArea;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A JVM that stages a binary the way {@code install} does and then hangs, to be killed with SIGKILL half way:
 * {@code StagingVictim <staging folder>} prints the staged file's path.
 */
public final class StagingVictim {
    private StagingVictim() {}

    public static void main(String[] args) throws Exception {
        Path staged = new StagingArea(Path.of(args[0])).newFile("svc");
        Files.write(staged, new byte[1 << 20]);
        System.out.println(staged);
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
