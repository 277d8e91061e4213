package dev.pitstop.cli.text;

import dev.pitstop.control.AnswerKind;
import dev.pitstop.control.ControlJson;
import dev.pitstop.control.Done;
import dev.pitstop.control.Explained;
import dev.pitstop.control.Outdated;
import dev.pitstop.control.ReloadFailed;
import dev.pitstop.control.ReloadOutcome;
import dev.pitstop.control.Reloaded;
import dev.pitstop.control.SwapFailed;
import dev.pitstop.control.SwapOutcome;
import dev.pitstop.control.Swapped;
import dev.pitstop.control.TextRendering;
import dev.pitstop.control.Verified;
import dev.pitstop.core.FetchResult;
import dev.pitstop.core.LockResult;
import dev.pitstop.core.PollResult;
import dev.pitstop.core.event.Event;
import dev.pitstop.core.process.ApplyResult;
import dev.pitstop.core.process.LogLine;
import dev.pitstop.core.process.ProcessStatus;
import dev.pitstop.core.store.Manifest;
import java.time.Clock;
import java.util.List;

/**
 * Every text the CLI prints for an answer of the control API. The server of {@code pitstop up} renders
 * {@code ?format=text} with it too, so curl users see what the CLI prints.
 */
public final class CliText implements TextRendering {
    private final Clock clock;

    public CliText(Clock clock) {
        this.clock = clock;
    }

    @Override
    @SuppressWarnings("unchecked")
    public String render(AnswerKind kind, Object value) {
        return switch (kind) {
            case PROCESSES -> ControlText.table((List<ProcessStatus>) value, clock.instant());
            case PROCESS -> ControlText.table(List.of((ProcessStatus) value), clock.instant());
            case RELOAD -> reload("", (ReloadOutcome) value);
            case RELOADS -> {
                StringBuilder out = new StringBuilder();
                ((List<ReloadOutcome>) value).forEach(r -> out.append(reload(r.name() + ": ", r)));
                yield out.toString();
            }
            case DONE -> done((Done) value);
            case APPLIED -> ControlText.applied((ApplyResult) value);
            case SWAP -> swap((SwapOutcome) value);
            case SWAPS -> {
                List<SwapOutcome> swaps = (List<SwapOutcome>) value;
                yield swaps.stream().allMatch(SwapOutcome::ok)
                        ? BinaryText.updated(swaps.stream().map(Swapped.class::cast).toList())
                        : swap(swaps.get(swaps.size() - 1));
            }
            case MANIFEST -> BinaryText.manifest((Manifest) value);
            case SNAPSHOT -> new ControlJson().document(value); // a snapshot is read as its file form
            case VERIFIED -> BinaryText.verified((Verified) value);
            case FETCHED -> BinaryText.fetched((List<FetchResult>) value, false);
            case FETCHED_ELSEWHERE -> BinaryText.fetched((List<FetchResult>) value, true);
            case OUTDATED -> BinaryText.outdated((List<Outdated>) value);
            case POLLED -> BinaryText.polled((List<PollResult>) value);
            case LOCKED -> BinaryText.locked((List<LockResult>) value);
            case EXPLAINED -> {
                String explanation = ((Explained) value).explanation();
                yield explanation.endsWith("\n") ? explanation : explanation + "\n";
            }
            case LOG_LINE -> ControlText.logLine((LogLine) value);
            case EVENT -> ControlText.event((Event) value);
            case NOTICE -> "[pitstop: " + value + "]\n";
            case ERROR -> "error: " + value + "\n";
        };
    }

    private static String reload(String prefix, ReloadOutcome outcome) {
        return outcome instanceof Reloaded r ? ControlText.reloaded(r)
                : ControlText.reloadFailed(prefix, (ReloadFailed) outcome);
    }

    private static String swap(SwapOutcome outcome) {
        return outcome instanceof Swapped s ? BinaryText.swapped(s) : BinaryText.swapFailed((SwapFailed) outcome);
    }

    private static String done(Done done) {
        if (done.process() == null) {
            return "stack stopped\n";
        }
        String past = done.action().equals("stop") ? "stopped" : done.action() + "ed";
        return done.process() + ": " + past + "\n";
    }
}
