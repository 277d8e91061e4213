package dev.pitstop.core.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The compatibility suite: every stack file of Process Compose's repository (copied unchanged into
 * {@code src/test/resources/process-compose/}, see the README there) with what Process Compose does with
 * it and what Pitstop does. A file is {@code SAME} when Pitstop reads it without error and acts on every
 * key it uses (or both refuse it), {@code DIFFERS} when Pitstop runs it but ignores a key (the reason is
 * recorded here and in docs/stack-file.md), {@code REJECTED} when Pitstop refuses a file Process Compose
 * runs. The run-time behaviour of the runnable fixtures is checked by the e2e suite.
 */
class ProcessComposeCompatibilityTest {
    enum Verdict { SAME, DIFFERS, REJECTED }

    /** What Process Compose v1.122 does with the file and what Pitstop should do; {@code note} says why. */
    record Case(String file, Verdict expected, String note) {
        @Override
        public String toString() {
            return file;
        }
    }

    private static final String ONLY_ITSELF = "only Process Compose's own log / TUI settings besides supported keys";
    private static final List<Case> CASES = List.of(
            new Case("demo/process-compose.yaml", Verdict.DIFFERS, "is_interactive (lazygit needs a terminal)"),
            new Case("examples/data_aggregation_workflow.yaml", Verdict.SAME, ""),
            new Case("examples/mcp-example.yaml", Verdict.DIFFERS, "mcp_server, mcp: Pitstop has no MCP server"),
            new Case("fixtures-code/process-compose-chain-exit.yaml", Verdict.SAME, ""),
            new Case("fixtures-code/process-compose-chain.yaml", Verdict.SAME, ""),
            new Case("fixtures-code/process-compose-circular.yaml", Verdict.SAME,
                    "both refuse it: dependency cycle: process1 -> process2 -> process1"),
            new Case("fixtures-code/process-compose-env-file.yaml", Verdict.DIFFERS,
                    "working_dir ../../fixtures-code/ is meant for Process Compose's test folder src/app; Pitstop "
                            + "takes relative paths from the stack file's folder, so env_file .env.test is not found"),
            new Case("fixtures-code/process-compose-multi-namespace.yaml", Verdict.SAME, ""),
            new Case("fixtures-code/process-compose-namespace-deps.yaml", Verdict.SAME, ""),
            new Case("fixtures-code/process-compose-namespace-profiles.yaml", Verdict.SAME, ""),
            new Case("fixtures-code/process-compose-non-circular.yaml", Verdict.SAME, ""),
            new Case("fixtures-code/process-compose-process-extends.yaml", Verdict.SAME, ""),
            new Case("fixtures-code/process-compose-scale.yaml", Verdict.SAME, ""),
            new Case("fixtures-code/process-compose-shutdown-inorder.yaml", Verdict.SAME, ONLY_ITSELF),
            new Case("fixtures-code/process-compose-success-exit-codes.yaml", Verdict.SAME, ""),
            new Case("fixtures-code/process-compose-success-exit-on-end.yaml", Verdict.SAME, ""),
            new Case("fixtures-code/process-compose-transitive-dep.yaml", Verdict.SAME, ONLY_ITSELF),
            new Case("fixtures-code/process-compose-with-extends.yaml", Verdict.SAME, ""),
            new Case("fixtures-code/process-compose-with-log.yaml", Verdict.SAME, ONLY_ITSELF),
            new Case("fixtures/process-compose-chain-arrow.yaml", Verdict.SAME, ""),
            new Case("fixtures/process-compose-chain-rhombus.yaml", Verdict.SAME, ""),
            new Case("fixtures/process-compose-chain-with-errors.yaml", Verdict.SAME, ONLY_ITSELF),
            new Case("fixtures/process-compose-dependent-on-failing-log-line.yml", Verdict.SAME, ONLY_ITSELF),
            new Case("fixtures/process-compose-many-for-one.yaml", Verdict.SAME, ""),
            new Case("fixtures/process-compose-odd-then-even.yaml", Verdict.SAME, ""),
            new Case("fixtures/process-compose-one-for-many.yaml", Verdict.SAME, ""),
            new Case("issues/issue_102/process-compose.yaml", Verdict.SAME,
                    "log_configuration.flush_each_line: plain lines, flushed as the pipe drains"),
            new Case("issues/issue_107/process-compose.yaml", Verdict.SAME, ONLY_ITSELF),
            new Case("issues/issue_111/process-compose-probes.yaml", Verdict.SAME, ONLY_ITSELF),
            new Case("issues/issue_111/process-compose.yaml", Verdict.SAME, ONLY_ITSELF),
            new Case("issues/issue_120/process-compose.yaml", Verdict.SAME, "vars rendered into the command"),
            new Case("issues/issue_156/process-compose.yaml", Verdict.SAME, ONLY_ITSELF),
            new Case("issues/issue_166/process-compose.yaml", Verdict.SAME,
                    "both refuse it under is_strict: 'runtrial' is disabled, so this dependency can never be met"),
            new Case("issues/issue_177/process-compose.override.yml", Verdict.SAME, ""),
            new Case("issues/issue_177/process-compose.yml", Verdict.SAME, "read with its override file, as discovered"),
            new Case("issues/issue_189/process-compose.yaml", Verdict.SAME, ""),
            new Case("issues/issue_191/process-compose.yaml", Verdict.SAME, ""),
            new Case("issues/issue_200/process-compose.yaml", Verdict.SAME, ONLY_ITSELF),
            new Case("issues/issue_214/process-compose.yaml", Verdict.SAME, ONLY_ITSELF),
            new Case("issues/issue_237/process-compose.yml", Verdict.SAME, ONLY_ITSELF),
            new Case("issues/issue_238/process-compose.yaml", Verdict.DIFFERS, "is_elevated (sudo) is not supported"),
            new Case("issues/issue_239/process-compose.yaml", Verdict.SAME, ""),
            new Case("issues/issue_258/process-compose.yaml", Verdict.DIFFERS, "launch_timeout_seconds"),
            new Case("issues/issue_274/process-compose.json", Verdict.SAME, "JSON is YAML"),
            new Case("issues/issue_278/db/process-compose.yaml", Verdict.SAME, ""),
            new Case("issues/issue_278/server/process-compose.yaml", Verdict.SAME, "top-level extends of ../db"),
            new Case("issues/issue_280/process-compose.yaml", Verdict.SAME, ""),
            new Case("issues/issue_316/process-compose.yaml", Verdict.SAME, "env_cmds"),
            new Case("issues/issue_347/process-compose.yaml", Verdict.SAME, ""),
            new Case("issues/issue_362/process-compose.yaml", Verdict.SAME, ""),
            new Case("issues/issue_400/process-compose.yaml", Verdict.SAME, ""),
            new Case("issues/issue_403/process-compose.yaml", Verdict.SAME, ONLY_ITSELF),
            new Case("issues/issue_414/compose.yaml", Verdict.SAME, ""),
            new Case("issues/issue_420/compose.yaml", Verdict.SAME, "log_configuration.disable_json: plain lines"),
            new Case("issues/issue_427/process-compose.yaml", Verdict.SAME,
                    "is_foreground: deferred, not started with the stack, as Process Compose defers it"),
            new Case("issues/issue_449/process-compose.yaml", Verdict.SAME, ""),
            new Case("issues/issue_49/process-compose.yaml", Verdict.SAME, ONLY_ITSELF),
            new Case("issues/issue_508/compose.yaml", Verdict.DIFFERS, "is_interactive (needs a terminal)"),
            new Case("issues/issue_512/compose.yaml", Verdict.DIFFERS, "is_interactive (needs a terminal)"),
            new Case("issues/issue_515/process-compose.yaml", Verdict.SAME, ""),
            new Case("issues/issue_530/process-compose.yaml", Verdict.SAME, ""),
            new Case("issues/issue_57/process-compose.yaml", Verdict.SAME, ONLY_ITSELF),
            new Case("issues/issue_72/process-compose.yaml", Verdict.SAME, "is_daemon"),
            new Case("issues/issue_84/process-compose.yaml", Verdict.SAME, ONLY_ITSELF));

    /** Keys the reader reads but nothing acts on yet; a file using one does not run as in Process Compose. */
    private static final List<String> NOT_ACTED_ON = List.of();

    private static final Map<Verdict, List<String>> TALLY = new EnumMap<>(Verdict.class);
    private static Path root;

    @BeforeAll
    static void locate() throws URISyntaxException {
        root = Path.of(ProcessComposeCompatibilityTest.class.getResource("/process-compose").toURI());
    }

    static Stream<Case> cases() {
        return CASES.stream();
    }

    @Test
    void everyCopiedStackFileHasACase() throws IOException {
        List<String> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(p -> p.toString().matches(".*\\.(ya?ml|json)$"))
                    .map(p -> root.relativize(p).toString()).sorted().toList();
        }
        assertThat(files).containsExactlyInAnyOrderElementsOf(CASES.stream().map(Case::file).toList());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void readsAsProcessComposeDoes(Case c) throws IOException {
        Verdict actual = verdict(c);
        synchronized (TALLY) {
            TALLY.computeIfAbsent(actual, v -> new ArrayList<>()).add(c.file() + (c.note().isEmpty() ? "" : " (" + c.note() + ")"));
        }
        assertThat(actual).as(c.file() + ": " + c.note()).isEqualTo(c.expected());
    }

    private static Verdict verdict(Case c) throws IOException {
        Path file = root.resolve(c.file());
        StackReader reader = new StackReader(HostEnvironment.of(Map.of("USER", "tester", "HOME", "/home/tester")), TestSources.kinds());
        Stack stack;
        try {
            stack = file.getFileName().toString().startsWith("process-compose.yml")
                    ? reader.read(reader.discoverFiles(file.getParent())) : reader.read(file);
        } catch (StackFileException e) {
            boolean bothRefuse = !c.note().isEmpty() && c.note().startsWith("both refuse it")
                    && e.getMessage().contains(c.note().substring(c.note().indexOf(": ") + 2));
            return bothRefuse ? Verdict.SAME : Verdict.REJECTED;
        }
        boolean ignoresAKey = stack.warnings().stream().anyMatch(w -> w.endsWith("not supported by Pitstop, ignored")
                || w.contains("does not exist"));
        String text = Files.readString(file);
        boolean notActedOn = NOT_ACTED_ON.stream().anyMatch(k -> text.contains(k + ":"));
        return ignoresAKey || notActedOn ? Verdict.DIFFERS : Verdict.SAME;
    }

    @AfterAll
    static void printTally() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Verdict v : Verdict.values()) {
            counts.put(v.name().toLowerCase(), TALLY.getOrDefault(v, List.of()).size());
        }
        StringBuilder out = new StringBuilder("Process Compose compatibility (v1.122 files): " + counts + "\n");
        TALLY.forEach((v, files) -> files.forEach(f -> out.append("  ").append(v).append(' ').append(f).append('\n')));
        System.out.print(out);
    }
}
