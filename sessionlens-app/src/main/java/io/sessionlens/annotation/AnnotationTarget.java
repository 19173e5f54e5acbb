package io.sessionlens.annotation;

import java.util.Locale;

/** What an annotation is on (and what a label schema may be used on: {@link #ANY} for every one). */
public enum AnnotationTarget {
    SESSION, TURN, SPAN, ANY;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code session}, {@code turn}, {@code span}, {@code any} (any case); IllegalArgumentException otherwise. */
    public static AnnotationTarget ofWire(String s) {
        return valueOf(s.strip().toUpperCase(Locale.ROOT));
    }

    /** Whether a schema of this target may label an annotation on {@code on}. */
    public boolean allows(AnnotationTarget on) {
        return this == ANY || this == on;
    }
}
