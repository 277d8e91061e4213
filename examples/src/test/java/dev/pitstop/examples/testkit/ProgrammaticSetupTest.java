package dev.pitstop.examples.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pitstop.core.process.LogLine;
import dev.pitstop.supervisor.SupervisorConfig;
import dev.pitstop.testkit.PitstopExtension;
import dev.pitstop.testkit.PitstopStack;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Issue 11: a stack written in the test, with variables, free ports, a Guice override and a home of its own. */
class ProgrammaticSetupTest {
    /** A supervisor that keeps only three lines of each process's output: the override is visible in logs(). */
    static final SupervisorConfig SHORT_MEMORY = new SupervisorConfig(Duration.ofSeconds(1), 3, 8 * 1024,
            10L * 1024 * 1024, 3, Duration.ofSeconds(60), Duration.ofSeconds(10));

    @RegisterExtension
    static final PitstopExtension STACK = PitstopExtension.yaml("""
                    binaries:
                      sleep: { file: /usr/bin/sleep }
                    processes:
                      echo:
                        command: "for i in 1 2 3 4 5 6; do echo ${GREETING} $i; done; echo port ${ECHO_PORT}; exec ${bin:sleep} 600"
                        ready_log_line: "port"
                    """)
            .variable("GREETING", "hello").ports("ECHO_PORT")
            .override(binder -> binder.bind(SupervisorConfig.class).toInstance(SHORT_MEMORY))
            .home(Path.of("target", "pitstop-programmatic-home"));

    @Test
    void variablesPortsAndOverridesReachTheStack() {
        int port = STACK.port("ECHO_PORT");
        STACK.stack().awaitLogLine("echo", "port " + port, Duration.ofSeconds(10));

        assertThat(STACK.engine().logs("echo", 100)).extracting(LogLine::text)
                .containsExactly("hello 5", "hello 6", "port " + port);
        assertThat(STACK.stack().workDir().resolve("pitstop.yaml")).exists();
        // the binary went to the store of the given home, not to the user's ~/.cache/pitstop
        assertThat(Path.of("target", "pitstop-programmatic-home", "store", "sha256")).isDirectoryRecursivelyContaining("glob:**/sleep");
    }

    @Nested
    class Inner {
        @Test
        void sharesTheClassStack() {
            assertThat(STACK.engine().ps()).hasSize(1);
            assertThat(STACK.stack().workDir()).endsWith(Path.of(ProgrammaticSetupTest.class.getName()));
        }
    }

    /** An instance field: a stack per test method. */
    @Nested
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    class PerMethod {
        static final Set<Long> PIDS = ConcurrentHashMap.newKeySet();

        @RegisterExtension
        final PitstopExtension own = PitstopExtension.yaml("""
                processes:
                  sleeper:
                    command: "exec sleep 600"
                """);

        @Test
        @Order(1)
        void first() {
            PitstopStack stack = own.stack();
            PIDS.add(stack.engine().ps().get(0).pid());
            assertThat(stack.workDir()).endsWith(Path.of("first"));
        }

        @Test
        @Order(2)
        void second() {
            PitstopStack stack = own.stack();
            long pid = stack.engine().ps().get(0).pid();
            assertThat(PIDS).hasSize(1).doesNotContain(pid);
            assertThat(PIDS.stream().mapToLong(Long::longValue).mapToObj(ProcessHandle::of))
                    .allSatisfy(h -> assertThat(h.filter(ProcessHandle::isAlive)).isEmpty());
        }
    }
}
