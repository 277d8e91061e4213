package dev.pitstop.signing.internal;

import dev.pitstop.core.trust.ChecksumParser;
import dev.pitstop.core.trust.Digest;
import dev.pitstop.signing.MalformedTrustInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the checksum files releases publish: GNU {@code sha256sum}/{@code sha512sum} output (text and
 * binary {@code *} mode), BSD/{@code --tag} lines {@code SHA256 (file) = hex}, one-hash {@code .sha256}
 * files, and GitHub's {@code sha256:hex}. Names match on their last path component, so
 * {@code ./dist/tool_linux_amd64} answers for {@code tool_linux_amd64}.
 */
public final class SumFileParser implements ChecksumParser {
    private static final Pattern BSD =
            Pattern.compile("(SHA-?256|SHA-?512)\\s*\\((.*)\\)\\s*=\\s*([0-9a-fA-F]+)", Pattern.CASE_INSENSITIVE);
    // GNU escapes names holding a backslash or newline with a leading backslash on the line.
    private static final Pattern GNU = Pattern.compile("\\\\?([0-9a-fA-F]{64}|[0-9a-fA-F]{128})(?:\\s+\\*?(.+?))?\\s*");
    private static final Pattern PREFIXED = Pattern.compile("(sha256|sha512):([0-9a-fA-F]+)", Pattern.CASE_INSENSITIVE);

    private record Entry(Digest digest, String name) {}

    @Override
    public Optional<Digest> find(String checksumFileText, String fileName) {
        List<Entry> entries = parse(checksumFileText);
        if (entries.size() == 1 && entries.get(0).name() == null) {
            return Optional.of(entries.get(0).digest());
        }
        String wanted = stripDot(fileName);
        List<Entry> exact = entries.stream().filter(e -> wanted.equals(e.name())).toList();
        if (!exact.isEmpty()) {
            return Optional.of(exact.get(0).digest());
        }
        String base = baseName(wanted);
        List<Digest> byBase = entries.stream().filter(e -> e.name() != null && base.equals(baseName(e.name())))
                .map(Entry::digest).distinct().toList();
        if (byBase.size() > 1) {
            throw new MalformedTrustInputException("checksum file",
                    "lists " + byBase.size() + " different digests for files named " + base);
        }
        return byBase.stream().findFirst();
    }

    private static List<Entry> parse(String text) {
        List<Entry> entries = new ArrayList<>();
        String firstOther = null;
        for (String raw : text.split("\\R")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            Entry e = parseLine(line);
            if (e != null) {
                entries.add(e);
            } else if (firstOther == null) {
                firstOther = line;
            }
        }
        if (entries.isEmpty()) {
            throw new MalformedTrustInputException("checksum file", firstOther == null
                    ? "is empty"
                    : "holds no SHA-256 or SHA-512 checksum line (first line: '" + shorten(firstOther) + "')");
        }
        return entries;
    }

    private static Entry parseLine(String line) {
        Matcher m = BSD.matcher(line);
        if (m.matches()) {
            String alg = m.group(1).replace("-", "").toLowerCase(Locale.ROOT);
            return entry(alg, m.group(3), m.group(2));
        }
        m = PREFIXED.matcher(line);
        if (m.matches()) {
            return entry(m.group(1).toLowerCase(Locale.ROOT), m.group(2), null);
        }
        m = GNU.matcher(line);
        if (m.matches()) {
            return entry(m.group(1).length() == 64 ? "sha256" : "sha512", m.group(1), m.group(2));
        }
        return null;
    }

    private static Entry entry(String algorithm, String hex, String name) {
        try {
            return new Entry(new Digest(algorithm, hex), name == null ? null : stripDot(name));
        } catch (IllegalArgumentException e) {
            throw new MalformedTrustInputException("checksum file", e.getMessage(), e);
        }
    }

    private static String stripDot(String name) {
        String n = name;
        while (n.startsWith("./")) {
            n = n.substring(2);
        }
        return n;
    }

    private static String baseName(String name) {
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        return name.substring(slash + 1);
    }

    private static String shorten(String s) {
        return s.length() <= 60 ? s : s.substring(0, 60) + "…";
    }
}
