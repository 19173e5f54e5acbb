package io.sessionlens.annotation;

/** Why an annotation or label schema write was refused; the message names the defect in words for the person. */
public sealed class AnnotationProblem extends RuntimeException {
    AnnotationProblem(String message) {
        super(message);
    }

    /** The input is wrong (400): a value outside the schema, an unknown label, a turn the session lacks … */
    public static final class Invalid extends AnnotationProblem {
        public Invalid(String message) {
            super(message);
        }
    }

    /** The user may not do this (403): someone else's annotation and not a manager. */
    public static final class NotAllowed extends AnnotationProblem {
        public NotAllowed(String message) {
            super(message);
        }
    }

    /** Changed by someone since the caller read it (409); {@code current} is what stands now. */
    public static final class Stale extends AnnotationProblem {
        private final Object current;

        public Stale(String message, Object current) {
            super(message);
            this.current = current;
        }

        /** The {@link Annotation} or {@link LabelSchema} that stands. */
        public Object current() {
            return current;
        }
    }
}
