package io.sessionlens.analysis.text;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The facts a source (a document, a tool result, an answer) contributes to a conversation: its numbers and content
 * words that the user never typed. Words the user introduced ("fee", "refund") are in every answer on the topic and
 * prove nothing; a number or a rare word that only the source had does.
 *
 * @param numbers canonical number → how the source wrote it
 */
public record DistinctiveContent(Map<String, String> numbers, Set<String> words) {

    /** A later text builds on the source when it repeats one of its numbers or three of its rare words. */
    static final int WORDS_NEEDED = 3;

    public DistinctiveContent {
        numbers = Collections.unmodifiableMap(new LinkedHashMap<>(numbers)); // keeps the source's order for evidence
        words = Set.copyOf(words);
    }

    public static DistinctiveContent of(String source, Set<String> commonWords, Set<String> commonNumbers) {
        Map<String, String> numbers = new LinkedHashMap<>(Terms.numbers(source));
        numbers.keySet().removeAll(commonNumbers);
        Set<String> words = new LinkedHashSet<>(Terms.contentWords(source));
        words.removeAll(commonWords);
        return new DistinctiveContent(numbers, words);
    }

    public boolean isEmpty() { return numbers.isEmpty() && words.isEmpty(); }

    public DistinctiveContent plus(DistinctiveContent other) {
        Map<String, String> n = new LinkedHashMap<>(numbers);
        other.numbers.forEach(n::putIfAbsent);
        Set<String> w = new LinkedHashSet<>(words);
        w.addAll(other.words);
        return new DistinctiveContent(n, w);
    }

    /** What {@code text} repeats of this content; empty when it does not build on it. */
    public List<String> reusedBy(String text) {
        Map<String, String> theirs = Terms.numbers(text);
        List<String> reused = new ArrayList<>();
        numbers.forEach((canonical, surface) -> {
            if (theirs.containsKey(canonical)) reused.add(surface);
        });
        Set<String> theirWords = Terms.contentWords(text);
        List<String> words = this.words.stream().filter(theirWords::contains).sorted().toList();
        if (!reused.isEmpty()) {
            reused.addAll(words.stream().limit(2).toList());
            return reused;
        }
        return words.size() >= WORDS_NEEDED ? words : List.of();
    }
}
