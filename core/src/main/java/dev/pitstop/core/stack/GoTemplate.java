package dev.pitstop.core.stack;

import java.util.List;
import java.util.Map;

/**
 * The part of Go's {@code text/template} that Process Compose's files use: {@code {{.VAR}}} (also
 * {@code .A.B}), string, number and boolean literals, {@code and or not eq ne lt le gt ge len print println
 * printf index}, pipelines with {@code |}, parentheses, {@code if / else if / else / end}, {@code with},
 * comments and the {@code {{-} / {@code -}}} trim markers. Anything else ({@code range}, variables,
 * {@code define}) is refused with a {@link TemplateException} naming the construct. As in Go, a missing
 * key prints {@code <no value>}.
 */
final class GoTemplate {

    /** A template that cannot be parsed or rendered; the message reads like Go's. */
    static final class TemplateException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TemplateException(String message) {
            super(message, null, false, false);
        }
    }

    sealed interface Node permits Text, Output, Branch {}

    record Text(String text) implements Node {}

    record Output(TemplatePipeline pipeline) implements Node {}

    /** {@code if} or {@code with} (which also sets dot). */
    record Branch(boolean with, TemplatePipeline condition, List<Node> then, List<Node> otherwise) implements Node {}

    private final List<Node> nodes;

    private GoTemplate(List<Node> nodes) {
        this.nodes = nodes;
    }

    /** True if {@code s} contains an action, so that rendering could change it. */
    static boolean hasActions(String s) {
        return s.contains("{{");
    }

    static GoTemplate parse(String source) {
        return new GoTemplate(new TemplateParser(source).parse());
    }

    String render(Map<String, Object> data) {
        StringBuilder out = new StringBuilder();
        render(nodes, data, out);
        return out.toString();
    }

    private static void render(List<Node> nodes, Object dot, StringBuilder out) {
        for (Node node : nodes) {
            if (node instanceof Text t) {
                out.append(t.text());
            } else if (node instanceof Output o) {
                out.append(TemplateValues.print(o.pipeline().evaluate(dot)));
            } else if (node instanceof Branch b) {
                Object value = b.condition().evaluate(dot);
                if (TemplateValues.truth(value)) {
                    render(b.then(), b.with() ? value : dot, out);
                } else {
                    render(b.otherwise(), dot, out);
                }
            }
        }
    }
}
