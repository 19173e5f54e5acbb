package io.sessionlens.analysis.text;

/** Short one-line quotes of conversation text for evidence sentences. */
public final class Excerpt {
    private static final java.util.regex.Pattern WHITESPACE = java.util.regex.Pattern.compile("\\s+");

    private Excerpt() {}

    /** Whitespace collapsed, cut at {@code max} characters with an ellipsis. */
    public static String of(String text, int max) {
        String s = text == null ? "" : WHITESPACE.matcher(text).replaceAll(" ").trim();
        return s.length() <= max ? s : s.substring(0, Math.max(0, max - 1)).trim() + "…";
    }

    /** {@code 'text'} with the default length used in evidence. */
    public static String quoted(String text) {
        return "'" + of(text, 120) + "'";
    }
}
