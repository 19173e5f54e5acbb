package io.sessionlens.investigation;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Where an investigation stands. The wire name is the API's and the database's. */
public enum InvestigationStatus {
    OPEN("open"), CONCLUDED("concluded"), WONT_FIX("won't fix");

    private final String label;

    InvestigationStatus(String label) {
        this.label = label;
    }

    /** {@code open}, {@code concluded}, {@code wont_fix}. */
    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String label() {
        return label;
    }

    /** The wire name or the label ("won't fix"), any case; empty for anything else. */
    public static Optional<InvestigationStatus> parse(String s) {
        String t = s.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(v -> v.wire().equals(t) || v.label.equals(t)).findFirst();
    }

    public static String wires() {
        return String.join(", ", Arrays.stream(values()).map(InvestigationStatus::wire).toList());
    }
}
