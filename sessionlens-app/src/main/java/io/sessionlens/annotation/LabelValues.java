package io.sessionlens.annotation;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/** Checks a label value against its schema and gives it in one form (the option as spelt, a plain number). */
final class LabelValues {
    static final int TEXT_MAX = 1000;

    private LabelValues() {}

    static String canonical(LabelSchema s, @Nullable String raw) {
        String v = raw == null ? "" : raw.strip();
        if (v.isEmpty()) throw new AnnotationProblem.Invalid("label " + s.name() + " needs a value" + hint(s));
        return switch (s.type()) {
            case CATEGORICAL -> s.options().stream().filter(o -> o.equalsIgnoreCase(v)).findFirst()
                    .orElseThrow(() -> new AnnotationProblem.Invalid(
                            "\"" + cut(v) + "\" is not an option of label " + s.name() + hint(s)));
            case NUMERIC -> {
                double d;
                try {
                    d = Double.parseDouble(v);
                } catch (NumberFormatException e) {
                    throw new AnnotationProblem.Invalid(
                            "label " + s.name() + " takes a number, not \"" + cut(v) + "\"");
                }
                if (Double.isNaN(d) || Double.isInfinite(d))
                    throw new AnnotationProblem.Invalid("label " + s.name() + " takes a finite number");
                if (s.min() != null && d < s.min() || s.max() != null && d > s.max())
                    throw new AnnotationProblem.Invalid(
                            number(d) + " is outside label " + s.name() + "'s range" + hint(s));
                yield number(d);
            }
            case TEXT -> {
                if (v.length() > TEXT_MAX)
                    throw new AnnotationProblem.Invalid("label " + s.name() + "'s text is " + v.length()
                            + " characters; at most " + TEXT_MAX);
                yield v;
            }
        };
    }

    /** {@code 3}, {@code 0.5}: no trailing zeros, no exponent. */
    static String number(double d) {
        return new BigDecimal(Double.toString(d)).stripTrailingZeros().toPlainString();
    }

    static String hint(LabelSchema s) {
        return switch (s.type()) {
            case CATEGORICAL -> " (one of " + String.join(", ", s.options()) + ")";
            case NUMERIC -> s.min() == null && s.max() == null
                    ? ""
                    : " (" + (s.min() == null ? "…" : number(s.min())) + " to "
                            + (s.max() == null ? "…" : number(s.max())) + ")";
            case TEXT -> "";
        };
    }

    private static String cut(String s) {
        return s.length() <= 60 ? s : s.substring(0, 59) + "…";
    }
}
