package io.sessionlens.analysis.signal;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Recognises a user telling the assistant its previous answer was wrong. */
public final class UserPushback {

    /**
     * Phrases users correct with, checked in order. Deliberately simple and visible: the signal quotes the phrase,
     * so an analyst can dismiss a false alarm at a glance. "actually" and "again" are weaker, so they come last.
     */
    private static final List<Pattern> PHRASES = List.of(
            Pattern.compile("^\\W*(no|nope|nah)\\b(?![- ](worries|problem|thanks|thank))"),
            Pattern.compile("\\bthat(?:'s| is|s)\\s+(?:not\\s+(?:right|correct|true|what)|wrong|incorrect)"),
            Pattern.compile("\\b(?:not|isn't|wasn't)\\s+what\\s+i\\s+(?:asked|meant|said|wanted)"),
            Pattern.compile("\\bi\\s+(?:said|meant|asked|told you|already (?:said|told you|mentioned))\\b"),
            Pattern.compile(
                    "\\byou(?:'re| are)\\s+(?:wrong|mistaken)|\\byou\\s+(?:misunderstood|got it wrong|forgot|ignored)"),
            // "what's wrong with my order?" is a question, not a correction: the verdict must be about the answer
            Pattern.compile(
                    "(?<!what )(?<!something )\\b(?:is|was|are|were|it's|still)\\s+(?:wrong|incorrect|inaccurate|not (?:right|correct))\\b"),
            Pattern.compile("\\bactually\\b"),
            Pattern.compile("(?<!thanks )(?<!thank you )\\bagain\\b"));

    private UserPushback() {}

    /** The phrase that reads as a correction, as the user wrote it; empty when there is none. */
    public static Optional<String> phrase(String userText) {
        if (userText == null || userText.isBlank()) return Optional.empty();
        String lower = userText.toLowerCase(Locale.ROOT).replace('’', '\'');
        for (Pattern p : PHRASES) {
            Matcher m = p.matcher(lower);
            if (m.find()) return Optional.of(lower.substring(m.start(), m.end()).replaceAll("^\\W+", "").trim());
        }
        return Optional.empty();
    }
}
