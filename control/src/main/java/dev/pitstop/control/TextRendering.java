package dev.pitstop.control;

/**
 * Renders answers as text for people. The control module renders none itself: the {@code pitstop} CLI supplies
 * its renderer to the {@link ControlServer} it starts, so that {@code ?format=text} answers exactly what the CLI
 * prints; a server started without one answers JSON only.
 */
@FunctionalInterface
public interface TextRendering {
    /** @param value of the type {@code kind} names; the text ends with a newline */
    String render(AnswerKind kind, Object value);
}
