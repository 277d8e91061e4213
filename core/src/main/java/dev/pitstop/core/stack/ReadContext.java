package dev.pitstop.core.stack;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** What every part of one read shares: the document, the expander, strictness and the warnings so far. */
final class ReadContext {
    private final YamlDocument doc;
    private final Path directory;
    private final boolean strict;
    private final Expander expander;
    private final Set<String> warnings = new LinkedHashSet<>();

    ReadContext(YamlDocument doc, boolean strict, Expander expander) {
        this.doc = doc;
        this.directory = doc.file().getParent();
        this.strict = strict;
        this.expander = expander;
    }

    YamlDocument doc() { return doc; }

    Path directory() { return directory; }

    boolean strict() { return strict; }

    Expander expander() { return expander; }

    /** In file order, each once (a process is read once per replica). */
    List<String> warnings() { return List.copyOf(warnings); }

    YamlNode root() {
        return new YamlNode(this, "", null, doc.root());
    }

    /** A path from the file, absolute: relative ones are taken from the stack file's folder. */
    Path resolve(String path) {
        return directory.resolve(path).normalize();
    }

    void warn(YamlNode at, String problem) {
        YamlDocument.Mark m = doc.keyMark(at.path());
        warnings.add(new StackFileException(m.file(), m.line(), m.column(), at.path(), problem).getMessage());
    }

    /**
     * Reports the keys of {@code map} that Pitstop does not read: a warning for those Process Compose knows
     * ({@code pcOnly}), a warning, or an error under {@code is_strict}, for any other. {@code x-} keys are
     * Process Compose's extension fields and pass silently.
     */
    void checkKeys(YamlNode map, Set<String> supported, Set<String> pcOnly) {
        for (YamlNode entry : map.entries()) {
            String key = entry.key();
            if (supported.contains(key) || key.startsWith("x-")) {
                continue;
            }
            if (Keys.OWN_SETTINGS.contains(key)) {
                warn(entry, "a setting of Process Compose itself (its own log, terminal UI or internal state), no effect in Pitstop");
            } else if (pcOnly.contains(key)) {
                warn(entry, "not supported by Pitstop, ignored");
            } else if (strict) {
                throw entry.keyError("unknown key (is_strict: true)");
            } else {
                warn(entry, "unknown key, ignored");
            }
        }
    }
}
