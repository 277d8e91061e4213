package dev.pitstop.control;

/**
 * An action that was carried out: {@code restart}, {@code start}, {@code stop} of a process, or {@code down} of the
 * stack.
 *
 * @param process the process, or {@code null} for the stack
 */
public record Done(String process, String action) {}
