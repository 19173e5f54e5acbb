package io.sessionlens.review;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * How far a queue's reviewers agree on one question (the root-cause turn, or a label): over the items every rater
 * answered, the share where all gave the same value ({@code percent}, 0–100) and, for two raters, Cohen's kappa
 * (nominal): {@code (po − pe) / (1 − pe)}, where {@code po} is the observed agreement and {@code pe} the agreement
 * expected by chance from each rater's own value frequencies. {@code kappa} is null with more or fewer than two raters
 * per item, no items, or when chance alone explains everything ({@code pe = 1}: both raters always gave one same
 * value). Pure: decision record 031.
 */
public record Agreement(String question, int items, int agreed, @Nullable Double percent, @Nullable Double kappa) {

    /**
     * {@code ratings}: per item, the raters' values in a fixed rater order (rater A first); a null value (the rater left
     * the question unanswered) leaves the item out.
     */
    public static Agreement of(String question, List<List<@Nullable String>> ratings) {
        List<List<String>> complete = new ArrayList<>();
        for (List<@Nullable String> item : ratings) {
            if (item.size() < 2 || item.stream().anyMatch(Objects::isNull)) continue;
            List<String> values = new ArrayList<>();
            for (String v : item) values.add(Objects.requireNonNull(v));
            complete.add(values);
        }
        int agreed = 0;
        for (List<String> item : complete)
            if (new HashSet<>(item).size() == 1) agreed++;
        Double percent = complete.isEmpty() ? null : 100.0 * agreed / complete.size();
        Double kappa = null;
        if (!complete.isEmpty() && complete.stream().allMatch(i -> i.size() == 2))
            kappa = cohensKappa(complete.stream().map(i -> i.get(0)).toList(),
                    complete.stream().map(i -> i.get(1)).toList());
        return new Agreement(question, complete.size(), agreed, percent, kappa);
    }

    /** Cohen's kappa of two raters' nominal values, item by item; null when undefined (no items, {@code pe = 1}). */
    public static @Nullable Double cohensKappa(List<String> a, List<String> b) {
        if (a.size() != b.size()) throw new IllegalArgumentException("both raters must rate the same items");
        int n = a.size();
        if (n == 0) return null;
        int same = 0;
        Map<String, Integer> countA = new HashMap<>(), countB = new HashMap<>();
        for (int i = 0; i < n; i++) {
            if (a.get(i).equals(b.get(i))) same++;
            countA.merge(a.get(i), 1, Integer::sum);
            countB.merge(b.get(i), 1, Integer::sum);
        }
        double po = (double) same / n;
        double pe = 0;
        Set<String> values = new HashSet<>(countA.keySet());
        values.addAll(countB.keySet());
        for (String v : values)
            pe += (countA.getOrDefault(v, 0) / (double) n) * (countB.getOrDefault(v, 0) / (double) n);
        if (Math.abs(1 - pe) < 1e-12) return null;
        return (po - pe) / (1 - pe);
    }
}
