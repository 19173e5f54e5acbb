package io.sessionlens.analysis.evidence;

import static io.sessionlens.support.TestTraces.turn;
import static org.assertj.core.api.Assertions.assertThat;

import io.sessionlens.analysis.RetrievedDocument;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RetrievedDocumentsTest {

    @Test
    void langchain_documents_give_text_source_score_and_metadata() {
        var t = turn(1).span("r", null, "retrieve", "RETRIEVER").inputs("fees").outputs(List.of(
                Map.of("page_content", "Transfers cost 2.5%.", "metadata",
                        Map.of("doc_uri", "kb/fees-2019.md", "doc_id", "d-19",
                                "status", "deprecated", "superseded_by", "fees-2024.md"),
                        "score", 0.82),
                Map.of("page_content", "Transfers cost 1.5% since 2024.", "metadata",
                        Map.of("source", "kb/fees-2024.md"))))
                .build();

        List<RetrievedDocument> docs = RetrievedDocuments.of(t);

        assertThat(docs).hasSize(2);
        RetrievedDocument old = docs.getFirst();
        assertThat(old.spanId()).isEqualTo("r");
        assertThat(old.id()).isEqualTo("d-19");
        assertThat(old.uri()).isEqualTo("kb/fees-2019.md");
        assertThat(old.displayName()).isEqualTo("fees-2019.md");
        assertThat(old.score()).isEqualTo(0.82);
        assertThat(old.snippet()).isEqualTo("Transfers cost 2.5%.");
        assertThat(old.metadata()).containsEntry("status", "deprecated");
        assertThat(old.outdated()).isTrue();
        assertThat(old.outdatedReason()).isEqualTo("status is deprecated; superseded by fees-2024.md");
        assertThat(docs.get(1).outdated()).isFalse();
        assertThat(docs.get(1).outdatedReason()).isNull();
    }

    @Test
    void wrapped_documents_with_content_and_id_keys_are_read() {
        var t = turn(1).span("r", null, "search", "RETRIEVER").outputs(Map.of("documents", List.of(
                Map.of("content", "Refunds within 30 days.", "id", "policy-7", "metadata",
                        Map.of("title", "Refund policy")))))
                .build();

        assertThat(RetrievedDocuments.of(t)).singleElement().satisfies(d -> {
            assertThat(d.id()).isEqualTo("policy-7");
            assertThat(d.snippet()).isEqualTo("Refunds within 30 days.");
            assertThat(d.displayName()).isEqualTo("Refund policy");
        });
    }

    @Test
    void plain_strings_and_odd_elements_do_not_break_the_list() {
        var t = turn(1).span("r", null, "search", "RETRIEVER")
                .outputs(List.of("chunk one", 42, Map.of("text", "chunk two"))).build();

        assertThat(RetrievedDocuments.of(t)).extracting(RetrievedDocument::snippet).containsExactly("chunk one",
                "chunk two");
    }

    @Test
    void very_long_documents_are_cut_to_the_snippet_limit() {
        var t = turn(1).span("r", null, "search", "RETRIEVER")
                .outputs(List.of(Map.of("page_content", "x".repeat(5_000)))).build();

        assertThat(RetrievedDocuments.of(t).getFirst().snippet()).hasSize(RetrievedDocument.SNIPPET_LIMIT + 1)
                .endsWith("…");
    }

    @Test
    void only_retriever_spans_count() {
        var t = turn(1).span("r", null, "chat", "CHAIN").outputs(List.of(Map.of("page_content", "not a retrieval")))
                .build();

        assertThat(RetrievedDocuments.of(t)).isEmpty();
    }
}
