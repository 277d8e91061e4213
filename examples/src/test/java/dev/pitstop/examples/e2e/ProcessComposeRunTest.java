package dev.pitstop.examples.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pitstop.core.Engine;
import dev.pitstop.core.EngineFactory;
import dev.pitstop.core.Pitstop;
import dev.pitstop.core.PitstopHome;
import dev.pitstop.core.event.Event;
import dev.pitstop.core.event.EventType;
import dev.pitstop.core.process.ProcessState;
import dev.pitstop.core.process.ProcessStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Process Compose's own runnable fixtures (v1.122, copied in core's test resources) run under Pitstop end
 * the way they end under Process Compose: each process's final state and exit code, as Process Compose's
 * system tests ({@code src/app/system_test.go}) and its dependency rules produce them.
 */
class ProcessComposeRunTest {
    private static final Path FIXTURES = Path.of("..", "core", "src", "test", "resources", "process-compose");

    /**
     * A fixture, the end state of each process ({@code STATE} or {@code STATE:EXIT_CODE}) and the exit code the
     * stack ends with.
     */
    record Run(String file, Map<String, String> expected, int stackExitCode) {
        Run(String file, Map<String, String> expected) {
            this(file, expected, 0);
        }

        @Override
        public String toString() {
            return file;
        }
    }

    private static Map<String, String> all(String state, String... names) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String n : names) {
            m.put(n, state);
        }
        return m;
    }

    private static Map<String, String> with(Map<String, String> base, String... pairs) {
        Map<String, String> m = new LinkedHashMap<>(base);
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return m;
    }

    /** Waiting when the stack ended, or skipped just before: which one is a race in Process Compose too. */
    private static final String NEVER_RAN = "Pending|Skipped";

    private static final String[] EIGHT = {"process1", "process2", "process3", "process4", "process5", "process6",
            "process7", "process8"};

    static Stream<Run> runs() {
        return Stream.of(
                new Run("fixtures/process-compose-chain-arrow.yaml", all("Completed:0", EIGHT)),
                new Run("fixtures/process-compose-chain-rhombus.yaml", all("Completed:0", EIGHT)),
                new Run("fixtures/process-compose-many-for-one.yaml", all("Completed:0", EIGHT)),
                new Run("fixtures/process-compose-one-for-many.yaml", all("Completed:0", EIGHT)),
                new Run("fixtures/process-compose-odd-then-even.yaml", all("Completed:0", EIGHT)),
                new Run("fixtures/process-compose-chain-with-errors.yaml", with(all("Completed:0", EIGHT),
                        "process5", "Completed:1", "process3", "Completed:1", "process2", "Skipped", "process1", "Skipped")),
                new Run("fixtures-code/process-compose-chain.yaml", all("Completed:0", EIGHT)),
                new Run("fixtures-code/process-compose-with-extends.yaml", all("Completed:0", EIGHT)),
                new Run("fixtures-code/process-compose-non-circular.yaml", all("Completed:0", "process1", "process3")),
                new Run("fixtures-code/process-compose-scale.yaml",
                        all("Completed:0", "process1-0", "process1-1", "process2", "process3")),
                new Run("fixtures-code/process-compose-transitive-dep.yaml",
                        Map.of("procA", "Completed:1", "procB", "Skipped", "procC", "Skipped")),
                new Run("fixtures-code/process-compose-multi-namespace.yaml", all("Completed:0", "foo", "bar", "baz")),
                new Run("fixtures-code/process-compose-namespace-deps.yaml", all("Completed:0", "foo", "foo_helper", "bar")),
                new Run("fixtures-code/process-compose-success-exit-codes.yaml",
                        Map.of("allowed", "Completed:130", "control", "Completed:130")),
                // exit_on_failure: process8 exits 42, the project ends with 42 and the rest never run
                new Run("fixtures-code/process-compose-chain-exit.yaml", with(all(NEVER_RAN, EIGHT),
                        "process8", "Completed:42"), 42),
                new Run("fixtures-code/process-compose-success-exit-on-end.yaml", Map.of("signal_exit", "Completed:130")),
                new Run("fixtures/process-compose-dependent-on-failing-log-line.yml",
                        Map.of("failer", "Completed:1", "oblivious", NEVER_RAN), 1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("runs")
    void endsAsUnderProcessCompose(Run run, @TempDir Path temp) throws IOException, InterruptedException {
        Path dir = temp.resolve("stack");
        Files.createDirectories(dir);
        Path source = FIXTURES.resolve(run.file());
        try (Stream<Path> siblings = Files.list(source.getParent())) { // an extends names its neighbour
            for (Path f : siblings.filter(Files::isRegularFile).toList()) {
                Files.copy(f, dir.resolve(f.getFileName()));
            }
        }
        Path file = dir.resolve(source.getFileName());
        var injector = Pitstop.injector(b -> b.bind(PitstopHome.class).toInstance(new PitstopHome(temp.resolve("home"))));
        Engine engine = injector.getInstance(EngineFactory.class).open(file);
        List<Long> groups = new ArrayList<>();
        try {
            engine.up();
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
                engine.ps().stream().filter(p -> p.pid() > 0).forEach(p -> groups.add(p.pid()));
                return engine.ended().isDone() || engine.awaitDown(Duration.ZERO);
            });
            Map<String, String> actual = engine.ps().stream().collect(Collectors.toMap(ProcessStatus::name,
                    ProcessComposeRunTest::describe, (a, b) -> a, LinkedHashMap::new));
            assertThat(actual).containsOnlyKeys(run.expected().keySet());
            run.expected().forEach((name, state) -> assertThat(actual.get(name)).as(name).matches(state));
            assertThat(engine.exitCode()).isEqualTo(run.stackExitCode());
        } finally {
            Teardown.downAndCheck(engine, groups);
        }
    }

    @org.junit.jupiter.api.Test
    void upRecordsEachWarningAsAnEvent(@TempDir Path temp) throws IOException {
        Path dir = Files.createDirectories(temp.resolve("stack"));
        Path file = dir.resolve("process-compose.yaml");
        Files.copy(FIXTURES.resolve("issues/issue_238/process-compose.yaml"), file);
        var injector = Pitstop.injector(b -> b.bind(PitstopHome.class).toInstance(new PitstopHome(temp.resolve("home"))));
        Engine engine = injector.getInstance(EngineFactory.class).open(file);
        List<Long> groups = new ArrayList<>();
        try {
            engine.up();
            assertThat(engine.stack().warnings()).singleElement().asString()
                    .endsWith(":5:5: processes.elevated.is_elevated: not supported by Pitstop, ignored");
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(engine.events(1000))
                    .filteredOn(e -> e.type() == EventType.WARNING)
                    .extracting(Event::detail).containsExactlyElementsOf(engine.stack().warnings()));
        } finally {
            Teardown.downAndCheck(engine, groups);
        }
    }

    private static String describe(ProcessStatus p) {
        String status = p.processComposeStatus();
        return status + (status.equals(ProcessState.COMPLETED.label()) ? ":" + p.exitCode() : "");
    }
}
