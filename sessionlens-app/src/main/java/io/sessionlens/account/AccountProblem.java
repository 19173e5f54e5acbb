package io.sessionlens.account;

/** A request about users or tokens that cannot be done, with a message naming why. */
public final class AccountProblem extends RuntimeException {
    public enum Kind {
        INVALID, NOT_FOUND, CONFLICT
    }

    private final Kind kind;

    AccountProblem(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
