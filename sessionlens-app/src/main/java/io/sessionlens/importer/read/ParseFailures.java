package io.sessionlens.importer.read;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
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
    private static final Pattern CONTROL_CHAR = Pattern
            .compile("^Illegal unquoted character \\(\\(CTRL-CHAR, code (\\d+)\\)\\)");
    private static final Pattern BAD_BYTE = Pattern.compile("byte (0x[0-9a-fA-F]{1,2})");

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

    /**
     * @param parserLocation where the parser stood, for failures that carry no location (Jackson's constraint checks)
     */
    static String describe(JacksonException e, Origin origin, @Nullable TokenStreamLocation parserLocation,
            int maxStringLength) {
        String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        TokenStreamLocation loc = e.getLocation();
        if (loc == null || loc.getLineNr() <= 0) loc = parserLocation;
        String at = at(loc, origin);
        if (e instanceof JacksonIOException) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return "could not read the file: " + cause.getMessage();
        }
        if (isEndOfInput(e)) {
            return "not JSON: unexpected end of input" + at + " (the " + origin.unit() + " looks truncated)";
        }
        if (original.contains("Invalid UTF-8")) {
            return invalidUtf8(original, loc, origin);
        }
        Matcher control = CONTROL_CHAR.matcher(original);
        if (control.find() && (control.group(1).equals("10") || control.group(1).equals("13"))) {
            // A text value cut off at the end of a line: in JSON Lines that is a truncated line.
            return "not JSON: a line break inside a text value" + at
                    + (origin.unit().equals("line") ? " (the line looks truncated)" : "");
        }
        if (e instanceof StreamConstraintsException) {
            if (original.contains("nesting depth")) {
                return "nested more than " + ExportJson.MAX_NESTING_DEPTH + " levels deep" + at
                        + ": not an MLflow trace export";
            }
            if (original.contains("String value length")) {
                return "a text value longer than %,d characters".formatted(maxStringLength) + at
                        + " (the limit is sessionlens.import.max-string-length)";
            }
            if (original.contains("Name length")) {
                return "a key longer than %,d characters".formatted(maxStringLength) + at
                        + " (the limit is sessionlens.import.max-string-length)";
            }
            return "too large to read" + at + ": " + firstSentence(original);
        }
        return "not JSON: " + simplify(original) + at;
    }

    /** The input ended inside a value: the file was cut off, rather than broken in the middle. */
    static boolean isEndOfInput(JacksonException e) {
        return e instanceof UnexpectedEndOfInputException
                || String.valueOf(e.getOriginalMessage()).contains("end-of-input");
    }

    private static String simplify(String message) {
        Matcher m = UNEXPECTED_CHAR.matcher(message);
        if (m.find()) {
            int code = Integer.parseInt(m.group(2));
            return code < 0x20
                    ? "unexpected control character (code " + code + ")"
                    : "unexpected character '" + m.group(1) + "'";
        }
        m = UNRECOGNIZED_TOKEN.matcher(message);
        if (m.find()) return "unrecognized word '" + abbreviate(m.group(1)) + "'";
        m = CLOSE_MARKER.matcher(message);
        if (m.find()) return "found '" + m.group(1) + "' where '" + m.group(2) + "' was expected";
        m = CONTROL_CHAR.matcher(message);
        if (m.find()) return "unescaped control character (code " + m.group(1) + ") inside a text value";
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

    private static String at(@Nullable TokenStreamLocation loc, Origin origin) {
        if (loc == null || loc.getLineNr() <= 0) return "";
        return " at line " + (origin.line() + loc.getLineNr() - 1) + ", column " + loc.getColumnNr();
    }

    /**
     * Jackson places a UTF-8 failure just after the offending byte; the message names the byte itself, by its
     * 0-based offset as a hex editor shows it.
     */
    private static String invalidUtf8(String original, @Nullable TokenStreamLocation loc, Origin origin) {
        Matcher badByte = BAD_BYTE.matcher(original);
        String which = badByte.find() ? " (byte " + badByte.group(1).toLowerCase(Locale.ROOT) + ")" : "";
        String where = "";
        if (loc != null && loc.getByteOffset() > 0) {
            where = " at byte offset " + (origin.byteOffset() + loc.getByteOffset() - 1);
            if (loc.getLineNr() > 0) {
                where += " (line " + (origin.line() + loc.getLineNr() - 1) + ", column "
                        + Math.max(1, loc.getColumnNr() - 1) + ")";
            }
        }
        return "invalid UTF-8" + which + where + ": the " + origin.unit() + " is not UTF-8 text";
    }
}
