package dev.pitstop.fetchers.internal.select;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** The {@code asset:} override: a glob ({@code *_linux_amd64.tar.gz}) or a {@code /regex/}. */
final class AssetPattern {
    private AssetPattern() {
    }

    static Pattern compile(String pin) {
        try {
            if (pin.length() > 2 && pin.startsWith("/") && pin.endsWith("/")) {
                return Pattern.compile(pin.substring(1, pin.length() - 1));
            }
            StringBuilder regex = new StringBuilder();
            for (char c : pin.toCharArray()) {
                switch (c) {
                    case '*' -> regex.append(".*");
                    case '?' -> regex.append('.');
                    default -> regex.append(Pattern.quote(String.valueOf(c)));
                }
            }
            return Pattern.compile(regex.toString());
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("asset: '" + pin + "' is not a valid pattern: " + e.getDescription(), e);
        }
    }

    static boolean matches(Pattern pattern, String pin, String name) {
        return pin.startsWith("/") && pin.endsWith("/") && pin.length() > 2
                ? pattern.matcher(name).find() : pattern.matcher(name).matches();
    }
}
