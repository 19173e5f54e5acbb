package io.sessionlens.analysis.signal;

import io.sessionlens.analysis.text.Terms;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Numbers an answer states that none of its sources contains. Only checked when the turn retrieved documents: a
 * RAG answer is supposed to come from them, so a price, date or percentage found in no document, tool result or
 * user message was most likely made up. A number the answer computed from two sourced numbers (2.5% of 1,000 is
 * 25) is supported.
 */
public final class UnsupportedNumbers {
    /** With more sourced numbers than this, nearly any number is some sum or product of two, so we stop computing. */
    static final int MAX_NUMBERS_FOR_ARITHMETIC = 20;

    private UnsupportedNumbers() {}

    /**
     * The unsupported numbers as the answer wrote them.
     *
     * @param supported canonical numbers of every source (see {@link Terms#numbers})
     */
    public static List<String> in(String answer, Set<String> supported) {
        Set<BigDecimal> derived = null;
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, String> n : Terms.numbers(answer).entrySet()) {
            if (supported.contains(n.getKey())) continue;
            if (derived == null) derived = derivable(supported);
            BigDecimal v = value(n.getKey());
            if (v != null && derived.contains(v)) continue;
            out.add(n.getValue());
        }
        return out;
    }

    private static Set<BigDecimal> derivable(Set<String> supported) {
        List<BigDecimal> values = supported.stream().map(UnsupportedNumbers::value).filter(v -> v != null).toList();
        Set<BigDecimal> out = new HashSet<>();
        if (values.size() > MAX_NUMBERS_FOR_ARITHMETIC) return out;
        BigDecimal hundred = BigDecimal.valueOf(100);
        for (BigDecimal a : values) {
            for (BigDecimal b : values) {
                add(out, a.add(b));
                add(out, a.subtract(b).abs());
                add(out, a.multiply(b));
                add(out, a.multiply(b).divide(hundred, MathContext.DECIMAL64)); // a percentage of an amount
                if (b.signum() != 0) add(out, a.divide(b, MathContext.DECIMAL64));
            }
        }
        return out;
    }

    private static void add(Set<BigDecimal> out, BigDecimal v) {
        out.add(v.round(new MathContext(12)).stripTrailingZeros());
    }

    private static BigDecimal value(String canonical) {
        try {
            return new BigDecimal(canonical).stripTrailingZeros();
        } catch (NumberFormatException versionOrDate) {
            return null;
        }
    }
}
