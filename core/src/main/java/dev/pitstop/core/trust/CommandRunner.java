package dev.pitstop.core.trust;

import java.time.Duration;
import java.util.List;

/**
 * Runs one short external command (xattr, codesign, spctl, PowerShell) to completion. Injected so that
 * tests of the macOS and Windows trust steps can run on any machine with a fake.
 */
public interface CommandRunner {

    /**
     * @param argv the program and its arguments, passed without a shell
     * @return the exit code and captured output
     * @throws CommandRunException if the program cannot be started or does not finish within {@code timeout}
     *                             (it is then killed)
     */
    Result run(List<String> argv, Duration timeout);

    record Result(int exitCode, String stdout, String stderr) {
        public boolean ok() {
            return exitCode == 0;
        }
    }
}
