package io.sessionlens.analysis.signal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class UserPushbackTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "No, that's wrong. The fee is 1.5%.|no",
            "That's not what I asked|that's not what",
            "that is incorrect|that is incorrect",
            "Hmm, not what I meant at all|not what i meant",
            "I said Tuesday, not Thursday|i said",
            "I already told you my account number|i already told you",
            "You forgot the discount|you forgot",
            "The total is wrong|is wrong",
            "Actually I need it by Friday|actually",
            "Can you check again?|again",
            "Nope.|nope"})
    void a_correction_is_recognised_and_quoted(String text, String phrase) {
        assertThat(UserPushback.phrase(text)).contains(phrase);
    }

    @ParameterizedTest
    @ValueSource(strings = {"What's wrong with my order?", "Thanks again!", "No worries, that helps.",
            "Nothing else, bye",
            "Notify me when it ships", "What is the fee for international transfers?", ""})
    void ordinary_messages_are_not_corrections(String text) {
        assertThat(UserPushback.phrase(text)).isEmpty();
    }
}
