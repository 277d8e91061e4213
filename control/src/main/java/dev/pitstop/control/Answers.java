package dev.pitstop.control;

/**
 * Turns answers into bodies: JSON (documents in their file form), or text through the {@link TextRendering} the
 * server was given.
 */
final class Answers {
    private final ControlJson json;
    private final TextRendering text;

    /** @param text the renderer of {@code format=text}, or {@code null} to answer JSON only */
    Answers(ControlJson json, TextRendering text) {
        this.json = json;
        this.text = text;
    }

    /** Whether {@code format} asks for text; 400 for an unknown format, or text from a server without a renderer. */
    boolean text(String format) {
        switch (format) {
            case "json" -> {
                return false;
            }
            case "text" -> {
                if (text == null) {
                    throw new BadRequestException(400, "format=text is rendered by the pitstop CLI; this server "
                            + "answers JSON only");
                }
                return true;
            }
            default -> throw new BadRequestException(400, "format must be json or text, not '" + format + "'");
        }
    }

    String body(AnswerKind kind, Object value, boolean asText) {
        if (kind == AnswerKind.MANIFEST && !asText || kind == AnswerKind.SNAPSHOT) {
            return json.document(value);
        }
        return asText ? text.render(kind, value) : json.write(value) + "\n";
    }

    String error(String message, boolean asText) {
        return asText ? text.render(AnswerKind.ERROR, message) : json.error(message) + "\n";
    }

    static String type(boolean asText) {
        return asText ? HttpResponse.TEXT : HttpResponse.JSON;
    }
}
