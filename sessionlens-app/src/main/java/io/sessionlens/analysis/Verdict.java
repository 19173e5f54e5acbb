package io.sessionlens.analysis;

/** What an assessment says about the turn or session: good, bad, informative only, or not decidable. */
public enum Verdict {
    PASS, FAIL, NEUTRAL, UNKNOWN
}
