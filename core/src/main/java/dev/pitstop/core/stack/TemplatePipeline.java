package dev.pitstop.core.stack;

import dev.pitstop.core.stack.GoTemplate.TemplateException;
import java.util.ArrayList;
import java.util.List;

/**
 * One pipeline of a template action: commands separated by {@code |}, each an operand or a function
 * call; the value of one command becomes the last argument of the next, as in Go.
 */
final class TemplatePipeline {
    /** An operand: a literal, a field chain (empty chain = dot), a function name, or a nested pipeline. */
    private record Operand(Object literal, List<String> fields, String function, TemplatePipeline nested) {}

    private final List<List<Operand>> commands;

    private TemplatePipeline(List<List<Operand>> commands) {
        this.commands = commands;
    }

    static TemplatePipeline parse(String text) {
        Scanner scanner = new Scanner(text);
        TemplatePipeline p = scanner.pipeline();
        if (!scanner.atEnd()) {
            throw new TemplateException("template: unexpected \"" + scanner.rest() + "\" in command");
        }
        return p;
    }

    Object evaluate(Object dot) {
        Object piped = null;
        boolean hasPiped = false;
        for (List<Operand> command : commands) {
            piped = command(command, dot, hasPiped, piped);
            hasPiped = true;
        }
        return piped;
    }

    private static Object command(List<Operand> command, Object dot, boolean hasPiped, Object piped) {
        Operand first = command.get(0);
        if (first.function() == null) {
            if (command.size() > 1 || hasPiped) {
                throw new TemplateException("template: can't give argument to non-function " + describe(first));
            }
            return value(first, dot);
        }
        List<TemplateFunctions.Lazy> lazy = new ArrayList<>();
        for (Operand op : command.subList(1, command.size())) {
            lazy.add(() -> value(op, dot));
        }
        if (hasPiped) {
            Object p = piped;
            lazy.add(() -> p);
        }
        return TemplateFunctions.call(first.function(), lazy);
    }

    private static Object value(Operand op, Object dot) {
        if (op.nested() != null) {
            return op.nested().evaluate(dot);
        }
        if (op.fields() != null) {
            Object v = dot;
            StringBuilder path = new StringBuilder();
            for (String field : op.fields()) {
                v = TemplateValues.field(v, field, path);
                path.append('.').append(field);
            }
            return v;
        }
        return op.literal();
    }

    private static String describe(Operand op) {
        return op.fields() != null ? "." + String.join(".", op.fields()) : String.valueOf(op.literal());
    }

    /** Reads the tokens of one action. */
    private static final class Scanner {
        private final String s;
        private int i;

        Scanner(String s) {
            this.s = s;
        }

        boolean atEnd() {
            skipSpace();
            return i >= s.length();
        }

        String rest() {
            return s.substring(i);
        }

        TemplatePipeline pipeline() {
            List<List<Operand>> commands = new ArrayList<>();
            do {
                List<Operand> command = new ArrayList<>();
                while (!atEnd() && s.charAt(i) != '|' && s.charAt(i) != ')') {
                    command.add(operand());
                }
                if (command.isEmpty()) {
                    throw new TemplateException("template: missing value for command");
                }
                commands.add(command);
            } while (!atEnd() && s.charAt(i) == '|' && ++i > 0);
            return new TemplatePipeline(commands);
        }

        private Operand operand() {
            char c = s.charAt(i);
            if (c == '(') {
                i++;
                TemplatePipeline nested = pipeline();
                if (atEnd() || s.charAt(i) != ')') {
                    throw new TemplateException("template: unclosed left paren");
                }
                i++;
                return new Operand(null, null, null, nested);
            }
            if (c == '"' || c == '`') {
                return new Operand(string(c), null, null, null);
            }
            if (c == '$') {
                throw new TemplateException("template: variables ($" + word().substring(1) + ") are not supported by Pitstop");
            }
            String word = word();
            if (word.startsWith(".")) {
                List<String> fields = word.equals(".") ? List.of() : List.of(word.substring(1).split("\\.", -1));
                if (fields.stream().anyMatch(String::isEmpty)) {
                    throw new TemplateException("template: bad field '" + word + "'");
                }
                return new Operand(null, fields, null, null);
            }
            return switch (word) {
                case "true" -> new Operand(Boolean.TRUE, null, null, null);
                case "false" -> new Operand(Boolean.FALSE, null, null, null);
                case "nil" -> new Operand(null, null, null, null);
                default -> Character.isDigit(word.charAt(0)) || word.charAt(0) == '-' || word.charAt(0) == '+'
                        ? new Operand(number(word), null, null, null) : new Operand(null, null, word, null);
            };
        }

        private String word() {
            int from = i;
            while (i < s.length() && !Character.isWhitespace(s.charAt(i)) && "|()\"`".indexOf(s.charAt(i)) < 0) {
                i++;
            }
            return s.substring(from, i);
        }

        private String string(char quote) {
            StringBuilder out = new StringBuilder();
            for (i++; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == quote) {
                    i++;
                    return out.toString();
                }
                if (c == '\\' && quote == '"' && i + 1 < s.length()) {
                    char e = s.charAt(++i);
                    out.append(switch (e) {
                        case 'n' -> '\n';
                        case 't' -> '\t';
                        default -> e;
                    });
                } else {
                    out.append(c);
                }
            }
            throw new TemplateException("template: unterminated quoted string");
        }

        private static Object number(String word) {
            try {
                return word.contains(".") || word.contains("e") ? (Object) Double.parseDouble(word) : (Object) Long.parseLong(word);
            } catch (NumberFormatException e) {
                throw new TemplateException("template: bad number syntax: \"" + word + "\"");
            }
        }

        private void skipSpace() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }
    }
}
