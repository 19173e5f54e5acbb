package io.sessionlens.trace.chat;

/**
 * One side of a turn (the user's message or the answer) read from one value.
 *
 * @param key the top-level key the text was found under; empty = the whole value
 * @param format the chat format, or {@code text} / {@code json}
 */
public record SideText(String text, String key, String format) {}
