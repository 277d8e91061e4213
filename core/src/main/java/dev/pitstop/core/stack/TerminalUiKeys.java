package dev.pitstop.core.stack;

import java.util.Set;

/**
 * Process keys that only change Process Compose's terminal UI ({@code disable_ansi_colors} colours its log view,
 * {@code monitor_for} and {@code monitor_silence_threshold} notify while a process is unfocused there): they have
 * no effect without that UI, so Pitstop, which has none, behaves as Process Compose does. Their values are checked
 * as Process Compose checks them, so a file it refuses is refused here too.
 */
final class TerminalUiKeys {
    private static final Set<String> MONITOR_FOR = Set.of("", "none", "activity", "silence");

    private TerminalUiKeys() {}

    static void check(YamlNode process) {
        process.get("disable_ansi_colors").bool(false);
        YamlNode monitor = process.get("monitor_for");
        String value = monitor.string();
        if (value != null && !MONITOR_FOR.contains(value)) {
            throw monitor.error("invalid monitor_for value: \"" + value + "\" (none, activity or silence)");
        }
        YamlNode threshold = process.get("monitor_silence_threshold");
        if (!threshold.isMissing() && !threshold.raw().isIntegralNumber()) {
            BinaryParser.duration(threshold);
        }
    }
}
