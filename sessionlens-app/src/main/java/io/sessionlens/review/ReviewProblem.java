package io.sessionlens.review;

/** A review request that cannot be done, in words for the person who asked; {@code kind} says which HTTP status. */
public final class ReviewProblem extends RuntimeException {
    public enum Kind {
        INVALID, NOT_FOUND, FORBIDDEN, CONFLICT
    }

    private final Kind kind;

    ReviewProblem(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    static ReviewProblem invalid(String message) {
        return new ReviewProblem(Kind.INVALID, message);
    }

    static ReviewProblem notFound(String message) {
        return new ReviewProblem(Kind.NOT_FOUND, message);
    }

    static ReviewProblem forbidden(String message) {
        return new ReviewProblem(Kind.FORBIDDEN, message);
    }

    static ReviewProblem conflict(String message) {
        return new ReviewProblem(Kind.CONFLICT, message);
    }
}
