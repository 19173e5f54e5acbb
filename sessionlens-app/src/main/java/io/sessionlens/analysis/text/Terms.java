package io.sessionlens.analysis.text;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words and numbers of a text that carry its facts. Used to tell whether one text builds on another (an answer
 * repeating a document's "2.5%") and whether two user messages say the same thing.
 */
public final class Terms {
    /**
     * A clock time ("19:00") is one fact, not the numbers 19 and 0; otherwise digits with separators and a %. A colon
     * only joins digits: in JSON tool results ({@code "rate":1.0842}) the number after it is a fact of its own.
     */
    private static final Pattern NUMBER = Pattern.compile(
            "(?<![\\p{L}\\d.])(?<!\\d:)\\d{1,2}:\\d{2}(?![\\d:])|(?<![\\p{L}\\d.])(?<!\\d:)\\d+(?:[.,]\\d+)*(\\s?%)?");
    private static final Pattern WORD = Pattern.compile("\\p{L}[\\p{L}\\p{N}_'’-]*");
    private static final Pattern THOUSANDS_SEPARATOR = Pattern.compile(",(?=\\d{3}(?!\\d))");
    private static final Pattern CONTRACTION_OR_TRAILING = Pattern.compile("('(s|re|ve|ll|d|m))?[-_']*$");

    /** Function words and chat filler: shared by any two English texts, so they prove nothing. */
    private static final Set<String> STOPWORDS = Set.of(
            "a", "an", "the", "and", "or", "but", "if", "then", "than", "so", "of", "to", "in", "on", "at", "by", "for",
            "with", "from", "into", "onto", "over", "under", "about", "above", "below", "as", "is", "are", "was",
            "were",
            "be", "been", "being", "am", "do", "does", "did", "done", "have", "has", "had", "having", "can", "could",
            "will", "would", "shall", "should", "may", "might", "must", "not", "no", "yes", "it", "its", "this", "that",
            "these", "those", "there", "here", "their", "they", "them", "we", "us", "our", "you", "your", "yours", "i",
            "me", "my", "mine", "he", "she", "him", "her", "his", "what", "which", "who", "whom", "whose", "when",
            "where", "why", "how", "all", "any", "each", "every", "some", "such", "more", "most", "other", "only",
            "also", "just", "very", "much", "many", "same", "own", "too", "again", "still", "even", "please",
            "thanks", "thank", "hello", "hi", "hey", "okay", "ok", "sure", "let", "lets", "like", "know", "tell",
            "need", "want", "help", "get", "got", "make", "give", "said", "says", "say", "now", "well", "one",
            "because",
            "while", "after", "before", "both", "either", "neither", "whether", "within", "without", "via", "per",
            "up", "down", "out", "off", "further", "once", "great", "good", "happy", "glad", "sorry",
            "assistant", "user", "answer", "question");

    private Terms() {}

    /** Numbers in canonical form ({@code 1,200} → {@code 1200}, {@code 2.50%} → {@code 2.5}) mapped to how they were written. */
    public static Map<String, String> numbers(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        Matcher m = NUMBER.matcher(text == null ? "" : text);
        while (m.find()) {
            String surface = m.group().replace(" ", "");
            if (surface.indexOf(':') > 0) {
                out.putIfAbsent(surface.length() == 4 ? "0" + surface : surface, surface);
                continue;
            }
            String digits = surface.endsWith("%") ? surface.substring(0, surface.length() - 1) : surface;
            String canonical = canonical(digits);
            // single digits are list markers and small counts: too common to be a fact worth tracing
            if (canonical == null || (canonical.length() == 1 && !surface.endsWith("%"))) continue;
            out.putIfAbsent(canonical, surface);
        }
        return out;
    }

    private static String canonical(String digits) {
        // a comma followed by exactly three digits separates thousands; any other comma is a decimal comma
        String s = THOUSANDS_SEPARATOR.matcher(digits).replaceAll("").replace(',', '.');
        if (s.indexOf('.') != s.lastIndexOf('.')) return s; // a version or a date, kept as written
        try {
            return new BigDecimal(s).stripTrailingZeros().toPlainString();
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Lower-case tokens, contractions folded ("what's" → "what"). */
    public static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = WORD.matcher(text == null ? "" : text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            String t = m.group().replace('’', '\'');
            t = CONTRACTION_OR_TRAILING.matcher(t).replaceFirst("");
            if (!t.isEmpty()) out.add(t);
        }
        return out;
    }

    /** Words that could carry a fact: four letters or more and not a function word. */
    public static Set<String> contentWords(String text) {
        Set<String> out = new LinkedHashSet<>();
        for (String t : tokens(text)) {
            if (t.length() >= 4 && !STOPWORDS.contains(t)) out.add(t);
        }
        return out;
    }

    /** A text's words, computed once when the text is compared with many others. */
    public record Profile(Set<String> tokens, Set<String> contentWords) {}

    public static Profile profile(String text) {
        return new Profile(new LinkedHashSet<>(tokens(text)), contentWords(text));
    }

    /**
     * How alike two user messages are, 0–1: Jaccard overlap of their content words, or of all their words when
     * either has fewer than three content words ("what's the fee?" has one).
     */
    public static double similarity(String a, String b) {
        return similarity(profile(a), profile(b));
    }

    public static double similarity(Profile a, Profile b) {
        if (a.contentWords().size() >= 3 && b.contentWords().size() >= 3)
            return jaccard(a.contentWords(), b.contentWords());
        return jaccard(a.tokens(), b.tokens());
    }

    /** A shared passage this long (characters) is a copied question, not two messages on one subject. */
    static final int MIN_SHARED_PASSAGE = 16;

    /**
     * Whether a user message asks an earlier one again: their words mostly agree (Jaccard at least {@code threshold}),
     * or one repeats the other's question verbatim behind a different lead-in ("Again: …", "For my colleague: …", in
     * any language) — a passage of {@value #MIN_SHARED_PASSAGE} characters or more that is at least half of the shorter
     * message. Works on characters, so it knows no language's words.
     */
    public static boolean sameQuestion(String a, String b, double threshold) {
        if (similarity(a, b) >= threshold) return true;
        String x = folded(a), y = folded(b);
        if (x.isEmpty() || y.isEmpty()) return false;
        int shared = longestCommonPassage(x, y);
        return shared >= MIN_SHARED_PASSAGE && shared * 2 >= Math.min(x.length(), y.length());
    }

    private static String folded(String s) {
        String t = s == null ? "" : s.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").trim();
        return t.length() > 2_000 ? t.substring(0, 2_000) : t;
    }

    private static int longestCommonPassage(String a, String b) {
        int[] prev = new int[b.length() + 1], cur = new int[b.length() + 1];
        int best = 0;
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                cur[j] = a.charAt(i - 1) == b.charAt(j - 1) ? prev[j - 1] + 1 : 0;
                if (cur[j] > best) best = cur[j];
            }
            int[] t = prev;
            prev = cur;
            cur = t;
            java.util.Arrays.fill(cur, 0);
        }
        return best;
    }

    private static double jaccard(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) return 0;
        Set<String> union = new LinkedHashSet<>(a);
        union.addAll(b);
        long common = a.stream().filter(b::contains).count();
        return (double) common / union.size();
    }
}
