package io.sessionlens.analysis.text;

import java.util.ArrayList;
import java.util.List;

/** Turn numbers in words: "turn 3", "turns 4–5", "turns 1, 3 and 6–7". */
public final class TurnList {
    private TurnList() {}

    public static String describe(List<Integer> ascending) {
        if (ascending.isEmpty()) return "no turn";
        List<String> runs = new ArrayList<>();
        int start = ascending.getFirst();
        int prev = start;
        for (int i = 1; i <= ascending.size(); i++) {
            Integer cur = i < ascending.size() ? ascending.get(i) : null;
            if (cur != null && cur == prev + 1) {
                prev = cur;
                continue;
            }
            runs.add(start == prev ? String.valueOf(start) : start + "–" + prev);
            if (cur != null) start = prev = cur;
        }
        String joined = runs.size() == 1
                ? runs.getFirst()
                : String.join(", ", runs.subList(0, runs.size() - 1)) + " and " + runs.getLast();
        boolean plural = ascending.size() > 1;
        return (plural ? "turns " : "turn ") + joined;
    }
}
