package io.sessionlens.annotation;

import java.util.Locale;

/** What a label schema's value is: one of ordered options, a number in a range, or free text (like MLflow's). */
public enum LabelType {
    CATEGORICAL, NUMERIC, TEXT;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code categorical}, {@code numeric}, {@code text} (any case); IllegalArgumentException otherwise. */
    public static LabelType ofWire(String s) {
        return valueOf(s.strip().toUpperCase(Locale.ROOT));
    }
}
