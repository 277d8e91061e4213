package dev.pitstop.signing.internal.platform;

import dev.pitstop.core.trust.CommandRunException;
import dev.pitstop.core.trust.CommandRunner;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Stands in for macOS and Windows tools: answers scripted command lines and records every call. */
final class FakeRunner implements CommandRunner {
    private final Map<String, Function<List<String>, Result>> answers = new LinkedHashMap<>();
    final List<String> calls = new ArrayList<>();

    /** Answers every command line starting with {@code prefix}; the last matching rule wins. */
    FakeRunner on(String prefix, int exitCode, String stderr) {
        answers.put(prefix, argv -> new Result(exitCode, "", stderr));
        return this;
    }

    FakeRunner failToStart(String prefix) {
        answers.put(prefix, argv -> {
            throw new CommandRunException(argv, "cannot run: No such file or directory", null);
        });
        return this;
    }

    @Override
    public Result run(List<String> argv, Duration timeout) {
        String line = String.join(" ", argv);
        calls.add(line);
        Function<List<String>, Result> answer = null;
        for (Map.Entry<String, Function<List<String>, Result>> e : answers.entrySet()) {
            if (line.startsWith(e.getKey())) {
                answer = e.getValue();
            }
        }
        if (answer == null) {
            throw new AssertionError("unexpected command: " + line);
        }
        return answer.apply(argv);
    }
}
