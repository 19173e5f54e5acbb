package io.sessionlens.analysis.signal;

import io.sessionlens.analysis.text.Terms;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Numbers an answer states that none of its sources contains. Only checked when the turn retrieved documents: a
 * RAG answer is supposed to come from them, so a price, date or percentage found in no document, tool result or
 * user message was most likely made up.
 */
public final class UnsupportedNumbers {
    private UnsupportedNumbers() {}

    /** The unsupported numbers as the answer wrote them. */
    public static List<String> in(String answer, List<String> sources) {
        Set<String> supported = new java.util.HashSet<>();
        for (String s : sources) supported.addAll(Terms.numbers(s).keySet());
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, String> n : Terms.numbers(answer).entrySet()) {
            if (!supported.contains(n.getKey())) out.add(n.getValue());
        }
        return out;
    }
}
