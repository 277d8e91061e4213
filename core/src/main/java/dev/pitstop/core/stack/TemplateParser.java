package dev.pitstop.core.stack;

import dev.pitstop.core.stack.GoTemplate.Branch;
import dev.pitstop.core.stack.GoTemplate.Node;
import dev.pitstop.core.stack.GoTemplate.Output;
import dev.pitstop.core.stack.GoTemplate.TemplateException;
import dev.pitstop.core.stack.GoTemplate.Text;
import java.util.ArrayList;
import java.util.List;

/** Splits a template into text and actions and builds the {@code if}/{@code with} structure. */
final class TemplateParser {
    private static final String OPEN = "{{";
    private static final String CLOSE = "}}";

    private final String src;
    private int pos;
    private boolean trimNextText;

    TemplateParser(String src) {
        this.src = src;
    }

    List<Node> parse() {
        List<Node> nodes = new ArrayList<>();
        String end = block(nodes);
        if (end != null) {
            throw new TemplateException("template: unexpected {{" + end + "}}");
        }
        return nodes;
    }

    /** Reads nodes until {@code else …} or {@code end}; returns that keyword's action, or null at the end of input. */
    private String block(List<Node> into) {
        while (pos < src.length()) {
            int open = src.indexOf(OPEN, pos);
            String text = src.substring(pos, open < 0 ? src.length() : open);
            boolean trimLeft = open >= 0 && src.startsWith("-", open + 2) && isSpace(open + 3);
            text = trimNextText ? text.stripLeading() : text;
            text = trimLeft ? text.stripTrailing() : text;
            if (!text.isEmpty()) {
                into.add(new Text(text));
            }
            if (open < 0) {
                pos = src.length();
                break;
            }
            String action = action(open, trimLeft);
            String keyword = action.split("\\s+", 2)[0];
            switch (keyword) {
                case "" -> throw new TemplateException("template: missing value for command");
                case "if", "with" -> into.add(branch(keyword.equals("with"), action.substring(keyword.length())));
                case "else", "end" -> {
                    return action;
                }
                case "range", "define", "template", "block", "break", "continue" -> throw new TemplateException(
                        "template: {{" + keyword + "}} is not supported by Pitstop (supported: if, else, with, end)");
                default -> {
                    if (action.startsWith("/*")) {
                        continue;
                    }
                    into.add(new Output(TemplatePipeline.parse(action)));
                }
            }
        }
        return null;
    }

    private Branch branch(boolean with, String condition) {
        TemplatePipeline cond = TemplatePipeline.parse(condition);
        List<Node> then = new ArrayList<>();
        String end = block(then);
        List<Node> otherwise = new ArrayList<>();
        if (end == null) {
            throw new TemplateException("template: unexpected EOF: {{" + (with ? "with" : "if") + "}} without {{end}}");
        }
        if (end.startsWith("else")) {
            String rest = end.substring(4).strip();
            if (rest.startsWith("if ") || rest.startsWith("with ")) {
                boolean nestedWith = rest.startsWith("with ");
                otherwise.add(branch(nestedWith, rest.substring(nestedWith ? 4 : 2)));
                return new Branch(with, cond, then, otherwise);
            }
            end = block(otherwise);
            if (end == null || !end.equals("end")) {
                throw new TemplateException("template: expected {{end}} after {{else}}");
            }
        }
        return new Branch(with, cond, then, otherwise);
    }

    /** The trimmed inside of the action at {@code open}; moves past it. */
    private String action(int open, boolean trimLeft) {
        int from = open + OPEN.length() + (trimLeft ? 1 : 0);
        int close = closeOf(from);
        if (close < 0) {
            throw new TemplateException("template: unclosed action");
        }
        boolean trimRight = close > from && src.charAt(close - 1) == '-' && Character.isWhitespace(src.charAt(close - 2));
        String inside = src.substring(from, trimRight ? close - 1 : close).strip();
        pos = close + CLOSE.length();
        trimNextText = trimRight;
        return inside;
    }

    /** The {@code }}} that ends the action, skipping quoted strings and comments. */
    private int closeOf(int from) {
        char quote = 0;
        for (int i = from; i < src.length(); i++) {
            char c = src.charAt(i);
            if (quote != 0) {
                if (c == '\\' && quote == '"') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '`' || c == '\'') {
                quote = c;
            } else if (src.startsWith(CLOSE, i)) {
                return i;
            }
        }
        return -1;
    }

    private boolean isSpace(int i) {
        return i < src.length() && Character.isWhitespace(src.charAt(i));
    }
}
