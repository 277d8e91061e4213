package dev.pitstop.cli.command;

import dev.pitstop.cli.PitstopCommand;
import dev.pitstop.control.AnswerKind;
import dev.pitstop.control.ControlApi;
import dev.pitstop.control.SwapOutcome;
import dev.pitstop.core.BinarySelection;
import dev.pitstop.core.PollResult;
import java.util.List;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * {@code pitstop poll [NAME...] [--apply]}: a cheap upstream check for a CI cron. Exit code 0 when nothing is new,
 * 10 when something is, 1 when a check (or the apply) failed; the others are still checked.
 */
public final class PollCommand extends EngineCommand {
    static final int UPDATES_FOUND = 10;

    private final PositionalParamSpec names;
    private final OptionSpec apply;
    private boolean applyFailed;
    private List<PollResult> results = List.of();

    public PollCommand(PitstopCommand root) {
        super(root, "poll", "Ask every source whether something newer exists, without downloading or building "
                + "(git: ls-remote; GitHub: a conditional request). Exit code 0: nothing new, 10: updates found, "
                + "1: a source could not be checked. With --apply, fetch or build what changed and record it (current "
                + "in pitstop.lock.json with no stack running, else swapped in, health-gated).");
        this.names = Specs.optionalNames(spec, "The binaries (default: every binary of the stack).");
        this.apply = Specs.flag(spec, "Fetch or build what changed, verify, store and record it; a version marked "
                + "bad is never applied.", "--apply");
    }

    @Override
    Shown call(ControlApi api) {
        results = api.poll(BinarySelection.of(names.getValue() == null ? List.of() : names.getValue()));
        List<String> changed = results.stream().filter(PollResult::changed).map(PollResult::binary).toList();
        if (Specs.isSet(apply) && !changed.isEmpty()) {
            List<SwapOutcome> swaps = api.update(BinarySelection.of(changed));
            applyFailed = swaps.stream().anyMatch(s -> !s.ok());
            if (!Specs.isSet(json)) {
                print(AnswerKind.POLLED, results);
                return applyFailed ? new Shown(false, AnswerKind.SWAP,
                        swaps.stream().filter(s -> !s.ok()).findFirst().orElseThrow())
                        : Shown.ok(AnswerKind.SWAPS, swaps);
            }
        }
        return Shown.ok(AnswerKind.POLLED, results);
    }

    @Override
    int show(Shown shown) {
        int code = super.show(shown);
        return code != 0 || applyFailed ? 1 : exitCode(results);
    }

    static int exitCode(List<PollResult> results) {
        if (results.stream().anyMatch(r -> r.status() == PollResult.Status.ERROR)) {
            return 1;
        }
        return results.stream().anyMatch(PollResult::changed) ? UPDATES_FOUND : 0;
    }
}
