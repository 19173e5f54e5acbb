package io.sessionlens.importer.read;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.UnexpectedEndOfInputException;

/** Jackson's parse failures in words a user understands, with the place in the file where they happened. */
final class ParseFailures {
    private ParseFailures() {}

    private static final Pattern UNEXPECTED_CHAR = Pattern.compile("^Unexpected character \\('(.*?)' \\(code (\\d+)");
    private static final Pattern UNRECOGNIZED_TOKEN = Pattern.compile("^Unrecognized token '(.*?)'");
    private static final Pattern CLOSE_MARKER = Pattern.compile("^Unexpected close marker '(.)': expected '(.)'");

    /**
     * Where the parser that failed started in the file: parsers of JSON Lines start at a line, and Jackson counts
     * lines and bytes from where its parser started.
     */
    record Origin(long line, long byteOffset, String unit) {
        static final Origin FILE = new Origin(1, 0, "file");

        static Origin line(long line, long byteOffset) {
            return new Origin(line, byteOffset, "line");
        }
    }

    static String describe(JacksonException e, Origin origin) {
        String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        TokenStreamLocation loc = e.getLocation();
        String at = at(loc, origin);
        if (e instanceof JacksonIOException) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return "could not read the " + origin.unit() + ": " + cause.getMessage();
        }
        if (e instanceof UnexpectedEndOfInputException || original.contains("end-of-input")) {
            return "not JSON: unexpected end of input" + at + " (the " + origin.unit() + " looks truncated)";
        }
        if (original.contains("Invalid UTF-8")) {
            return "invalid UTF-8 at byte " + absoluteByte(loc, origin) + location(loc, origin, " (", ")")
                    + ": the " + origin.unit() + " is not UTF-8 text";
        }
        if (e instanceof StreamConstraintsException) {
            if (original.contains("nesting depth")) {
                return "nested more than " + ExportJson.MAX_NESTING_DEPTH + " levels deep" + at
                        + ": not an MLflow trace export";
            }
            if (original.contains("String value length")) {
                return "a text value longer than " + (ExportJson.MAX_STRING_LENGTH / (1024 * 1024)) + " MB" + at;
            }
            return "too large to read" + at + ": " + firstSentence(original);
        }
        return "not JSON: " + simplify(original) + at;
    }

    private static String simplify(String message) {
        Matcher m = UNEXPECTED_CHAR.matcher(message);
        if (m.find()) {
            int code = Integer.parseInt(m.group(2));
            return code < 0x20 ? "unexpected control character (code " + code + ")" : "unexpected character '" + m.group(1) + "'";
        }
        m = UNRECOGNIZED_TOKEN.matcher(message);
        if (m.find()) return "unrecognized word '" + abbreviate(m.group(1)) + "'";
        m = CLOSE_MARKER.matcher(message);
        if (m.find()) return "found '" + m.group(1) + "' where '" + m.group(2) + "' was expected";
        if (message.startsWith("Illegal unquoted character")) return "unescaped control character inside a text value";
        return firstSentence(message);
    }

    /** Jackson's first clause, lower-cased, without its "(for Object starting at …)" tail. */
    private static String firstSentence(String message) {
        String s = message.lines().findFirst().orElse("").trim();
        int paren = s.indexOf(" (for ");
        if (paren > 0) s = s.substring(0, paren);
        if (s.isEmpty()) return "unreadable content";
        return s.substring(0, 1).toLowerCase(Locale.ROOT) + s.substring(1);
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }

    private static String at(TokenStreamLocation loc, Origin origin) {
        return location(loc, origin, " at ", "");
    }

    private static String location(TokenStreamLocation loc, Origin origin, String before, String after) {
        if (loc == null || loc.getLineNr() <= 0) return "";
        return before + "line " + (origin.line() + loc.getLineNr() - 1) + ", column " + loc.getColumnNr() + after;
    }

    private static String absoluteByte(TokenStreamLocation loc, Origin origin) {
        if (loc == null || loc.getByteOffset() < 0) return "(unknown)";
        return Long.toString(origin.byteOffset() + loc.getByteOffset());
    }
}
