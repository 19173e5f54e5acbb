package io.sessionlens.analysis.provenance;

/**
 * One fact a text states: a value with its meaning. "14 pots", "14 March" and "14 days" are three facts; a code
 * ({@code TP1234}, {@code SF-10492}) or a proper name ({@code Frankfurt}) is its own meaning.
 *
 * @param value canonical value: a number without separators ({@code 1,050} → {@code 1050}), a code or name upper-cased
 * @param unit what the number counts or measures, lower-case (the word after it, or its currency sign or %); empty
 *     when unknown and for codes and names
 * @param surface the fact as the text wrote it, for evidence sentences
 */
public record Fact(Type type, String value, String unit, String surface) {

    public enum Type {
        NUMBER, CODE, NAME
    }

    /**
     * The same fact: equal values with compatible units. A missing unit is compatible with any (a table cell, a JSON
     * field); otherwise one unit must start the other, so "day" and "days", "jour" and "jours" agree.
     */
    public boolean sameAs(Fact o) {
        if (type != o.type || !value.equals(o.value)) return false;
        return unitsAgree(unit, o.unit);
    }

    static boolean unitsAgree(String a, String b) {
        if (a.isEmpty() || b.isEmpty()) return true;
        String shorter = a.length() <= b.length() ? a : b;
        String longer = shorter == a ? b : a;
        return longer.startsWith(shorter) && longer.length() - shorter.length() <= 2;
    }

    /** Worth tracing on its own: a code, a name, or a number with at least two digits or a known meaning. */
    public boolean distinctive() {
        return type != Type.NUMBER || value.replaceAll("[^0-9]", "").length() >= 2 || !unit.isEmpty();
    }
}
