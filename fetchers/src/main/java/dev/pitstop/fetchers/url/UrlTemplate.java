package dev.pitstop.fetchers.url;

import dev.pitstop.core.Platform;
import dev.pitstop.core.stack.BinarySpec;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills {@code {version}}, {@code {tag}}, {@code {os}}, {@code {arch}} in a URL template, with the spelling
 * the publisher uses from {@code os_names:} / {@code arch_names:} (e.g. {@code arch_names: {amd64: x86_64}}).
 */
final class UrlTemplate {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(version|tag|os|arch|name)}");

    private UrlTemplate() {
    }

    static String fill(String template, BinarySpec spec, UrlSettings settings, String tag, Platform platform) {
        String version = dev.pitstop.core.source.Release.versionOf(tag);
        Map<String, String> values = Map.of(
                "version", version,
                "tag", tag,
                "os", settings.osNames().getOrDefault(platform.os(), platform.os()),
                "arch", settings.archNames().getOrDefault(platform.arch(), platform.arch()),
                "name", spec.name());
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(values.get(m.group(1))));
        }
        m.appendTail(out);
        return out.toString();
    }
}
