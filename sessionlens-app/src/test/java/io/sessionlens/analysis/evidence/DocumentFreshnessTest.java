package io.sessionlens.analysis.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DocumentFreshnessTest {
    private static final Instant CONVERSATION = Instant.parse("2025-06-01T09:00:00Z");

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "status|deprecated|status is deprecated",
            "status|Archived|status is archived",
            "lifecycle|superseded|lifecycle is superseded",
            "superseded_by|fees-2024.md|superseded by fees-2024.md",
            "deprecated|true|marked deprecated",
            "valid_until|2024-12-31|valid until 2024-12-31, before the conversation (2025-06-01)",
            "expires|2025-01-01T00:00:00Z|expires 2025-01-01T00:00:00Z, before the conversation (2025-06-01)",
            "last_updated|2019-03-01|last updated 2019-03-01, 6 years before the conversation",
            "updated_at|2020|updated at 2020, 4 years before the conversation"})
    void the_documents_own_metadata_says_it_is_stale(String key, String value, String reason) {
        assertThat(DocumentFreshness.outdatedReason(Map.of(key, value), CONVERSATION)).contains(reason);
    }

    @Test
    void several_reasons_are_all_given() {
        assertThat(DocumentFreshness.outdatedReason(Map.of("status", "deprecated", "superseded_by", "fees-2024.md"),
                CONVERSATION))
                .contains("status is deprecated; superseded by fees-2024.md");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "status|published", "deprecated|false", "valid_until|2026-01-01", "last_updated|2024-11-02",
            "last_updated|not a date", "created_at|2010-01-01", "expires|", "superseded_by|''"})
    void current_or_unreadable_metadata_is_not_outdated(String key, String value) {
        assertThat(DocumentFreshness.outdatedReason(value == null ? Map.of() : Map.of(key, value), CONVERSATION))
                .isEmpty();
    }

    @Test
    void epoch_times_are_understood() {
        long threeYearsAgoSeconds = CONVERSATION.minusSeconds(3L * 365 * 24 * 3600).getEpochSecond();

        assertThat(DocumentFreshness.outdatedReason(Map.of("last_modified", threeYearsAgoSeconds), CONVERSATION))
                .isPresent();
        assertThat(DocumentFreshness.outdatedReason(Map.of("expires_at", CONVERSATION.minusSeconds(60).toEpochMilli()),
                CONVERSATION)).isPresent();
    }
}
