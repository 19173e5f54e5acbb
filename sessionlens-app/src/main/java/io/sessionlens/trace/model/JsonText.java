package io.sessionlens.trace.model;

/** The one bit of JSON the pure model needs: strip the quotes of a JSON-encoded string scalar. */
public final class JsonText {
    private JsonText() {}

    /** {@code "\"LLM\""} → {@code LLM}; a value that is not a simple quoted string comes back unchanged. */
    public static String unquote(String raw) {
        String s = raw.trim();
        if (s.length() >= 2 && s.charAt(0) == '"' && s.charAt(s.length() - 1) == '"' && s.indexOf('\\') < 0
                && s.indexOf('"', 1) == s.length() - 1) {
            return s.substring(1, s.length() - 1);
        }
        return raw;
    }
}
