package io.sessionlens.analysis.provenance;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads the facts a text states: numbers with what they count ("8 kg", "€512", "60-day"), codes that mix letters and
 * digits ({@code TP1234}, {@code SF-10492}), and proper names (capitalised words inside a sentence). Works on prose,
 * tables and JSON alike and knows no language's words: the meaning of a number is simply the word or sign next to it.
 */
public final class Facts {

    /** A token of letters, digits, '_' and '-' (a code, a number with a unit glued on, or a word). */
    private static final Pattern TOKEN = Pattern
            .compile("[\\p{L}\\p{N}][\\p{L}\\p{N}_-]*[\\p{L}\\p{N}]|[\\p{L}\\p{N}]");
    /** "8kg", "60-day", and compounds that only go on with words ("60-Tage-Frist", "30-second"): the unit is the first word. */
    private static final Pattern NUMBER_WITH_UNIT = Pattern.compile("(\\d+(?:[.,]\\d+)*)-?(\\p{L}+)(?:-\\p{L}+)*");
    private static final Pattern NUMBER = Pattern.compile(
            "(?<![\\p{L}\\p{N}_.-])(\\d{1,2}:\\d{2}(?![\\d:])|\\d+(?:[.,]\\d+)*)");
    /** "55x40x20 cm" is three numbers, not a code. */
    private static final Pattern DIMENSIONS = Pattern.compile("(?<=\\d)[xX×](?=\\d)");
    private static final Pattern THOUSANDS = Pattern.compile("[,.](?=\\d{3}(?!\\d))");
    /** What may stand between a number and its unit: one space (or none), maybe a no-break space. */
    private static final Pattern UNIT_AFTER = Pattern.compile("^[ \\u00a0\\u202f]?(%|[€$£¥₹円元]|\\p{L}[\\p{L}]{0,24})");
    private static final Pattern CURRENCY_BEFORE = Pattern.compile("([€$£¥₹])[ \\u00a0]?$");
    private static final Map<String, String> CURRENCIES = Map.of("€", "eur", "$", "usd", "£", "gbp", "¥", "jpy", "円",
            "jpy",
            "₹", "inr", "元", "cny");
    /** Characters that may sit between a sentence end and its first word (markdown, list markers, quotes). */
    private static final String LEAD = " \t*_`#>|\"'“”‘’([-•0123456789";

    private Facts() {}

    public static List<Fact> of(String text) {
        if (text == null || text.isBlank()) return List.of();
        text = DIMENSIONS.matcher(text).replaceAll(" ");
        Map<String, Fact> out = new LinkedHashMap<>();
        StringBuilder masked = new StringBuilder(text);
        Matcher t = TOKEN.matcher(text);
        while (t.find()) {
            String tok = t.group();
            boolean letters = tok.chars().anyMatch(Character::isLetter);
            boolean digits = tok.chars().anyMatch(Character::isDigit);
            if (letters && digits) {
                Matcher nu = NUMBER_WITH_UNIT.matcher(tok);
                if (nu.matches()) {
                    String v = canonical(nu.group(1));
                    if (v != null) put(out, new Fact(Fact.Type.NUMBER, v, unit(nu.group(2)), tok));
                } else if (tok.length() >= 3) {
                    put(out, new Fact(Fact.Type.CODE, tok.toUpperCase(Locale.ROOT), "", tok));
                }
                mask(masked, t.start(), t.end());
            } else if (letters && isName(text, t.start(), tok)) {
                put(out, new Fact(Fact.Type.NAME, tok.toUpperCase(Locale.ROOT), "", tok));
            }
        }
        String rest = masked.toString();
        Matcher n = NUMBER.matcher(rest);
        while (n.find()) {
            String raw = n.group(1);
            String v = raw.indexOf(':') > 0 ? (raw.length() == 4 ? "0" + raw : raw) : canonical(raw);
            if (v == null) continue;
            String unit = raw.indexOf(':') > 0 ? "time" : "";
            Matcher after = UNIT_AFTER.matcher(rest.substring(n.end(), Math.min(rest.length(), n.end() + 30)));
            Matcher before = CURRENCY_BEFORE.matcher(rest.substring(Math.max(0, n.start() - 3), n.start()));
            if (before.find()) unit = CURRENCIES.get(before.group(1));
            else if (unit.isEmpty() && after.find()) unit = unit(after.group(1));
            String surface = rest.substring(n.start(), n.end()).trim();
            put(out, new Fact(Fact.Type.NUMBER, v, unit, unit.equals("%") ? surface + "%" : surface));
        }
        return new ArrayList<>(out.values());
    }

    private static void put(Map<String, Fact> out, Fact f) {
        out.putIfAbsent(f.type() + "\u0000" + f.value() + "\u0000" + f.unit(), f);
    }

    private static void mask(StringBuilder s, int from, int to) {
        for (int i = from; i < to; i++) s.setCharAt(i, ' ');
    }

    private static String unit(String raw) {
        String u = raw.toLowerCase(Locale.ROOT);
        return CURRENCIES.getOrDefault(raw, u);
    }

    /**
     * A capitalised word that does not start a sentence (every language that capitalises names capitalises the first
     * word too), or an all-capitals word of two letters or more (an acronym or a brand).
     */
    private static boolean isName(String text, int start, String tok) {
        if (tok.length() < 2 || !Character.isUpperCase(tok.codePointAt(0))) return false;
        if (tok.codePoints().allMatch(c -> !Character.isLetter(c) || Character.isUpperCase(c))) return true;
        int i = start - 1;
        while (i >= 0 && LEAD.indexOf(text.charAt(i)) >= 0) i--;
        if (i < 0) return false;
        char c = text.charAt(i);
        return !(c == '.' || c == '!' || c == '?' || c == ':' || c == ';' || c == '\n' || c == '—' || c == '–'
                || c == '¿' || c == '¡' || c == '。' || c == '！' || c == '？' || c == '→');
    }

    /** {@code 1,050} → 1050, {@code 2.50} → 2.5; a version or a date with several dots is kept as written. */
    static @Nullable String canonical(String digits) {
        String s = THOUSANDS.matcher(digits).replaceAll("");
        if (s.chars().filter(c -> c == '.' || c == ',').count() > 1) return digits;
        s = s.replace(',', '.');
        try {
            return new BigDecimal(s).stripTrailingZeros().toPlainString();
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
