package dev.pitstop.core.stack;

/** Reads Pitstop's {@code ready:} and {@code watchdog_seconds:} keys of a process. */
final class ReadyParser {
    private static final String FORMS = "expected notify or notify-fd N (N a descriptor number from 3)";

    private ReadyParser() {}

    /** @return the notification, or {@code null} when {@code ready} is absent */
    static ReadyNotification parse(YamlNode process) {
        YamlNode ready = process.get("ready");
        YamlNode watchdog = process.get("watchdog_seconds");
        ReadyNotification parsed = ready.isMissing() ? null : notification(process, ready, watchdog);
        if (!watchdog.isMissing() && !(parsed instanceof ReadyNotification.SdNotify)) {
            throw watchdog.keyError("watchdog_seconds needs ready: notify (the process pings over NOTIFY_SOCKET)");
        }
        return parsed;
    }

    private static ReadyNotification notification(YamlNode process, YamlNode ready, YamlNode watchdog) {
        for (String other : new String[] {"readiness_probe", "ready_log_line"}) {
            if (!process.get(other).isMissing()) {
                throw ready.keyError("ready and " + other + " cannot both be set: the process announces its readiness");
            }
        }
        String text = ready.string("");
        String[] words = text.strip().split("\\s+");
        if (words.length == 1 && words[0].equals("notify")) {
            return new ReadyNotification.SdNotify(Policies.seconds(Policies.nonNegative(watchdog, 0)));
        }
        if (words.length == 2 && words[0].equals("notify-fd")) {
            try {
                return new ReadyNotification.NotifyFd(Integer.parseInt(words[1]));
            } catch (IllegalArgumentException e) {
                // said below, with the forms
            }
        }
        throw ready.error(FORMS + ", found '" + text + "'");
    }
}
