package io.sessionlens.importer.read;

import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The one Jackson configuration every reader in this package shares. */
final class ExportJson {
    private ExportJson() {}

    /** Real traces nest maybe 30 levels; anything near this is an attack or not a trace, and must not blow the stack. */
    static final int MAX_NESTING_DEPTH = 1_000;

    /**
     * The default for one text value, in characters: a span input can hold a whole document (a RAG context, a base64
     * image), which Jackson's default (20 M) would reject; the importer's is {@code sessionlens.import.max-string-length}.
     */
    static final int MAX_STRING_LENGTH = 32 * 1024 * 1024;

    static final JsonMapper MAPPER = mapper(MAX_STRING_LENGTH);

    /** The reading mapper with a limit for one text value (and for one key, which is never longer than a value). */
    static JsonMapper mapper(int maxStringLength) {
        return JsonMapper.builder(JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_NESTING_DEPTH)
                        .maxStringLength(maxStringLength)
                        .maxNameLength(maxStringLength) // a 60,000-character attribute key is odd, not an attack
                        .maxDocumentLength(-1) // exports of 200 MB and more are normal
                        .build())
                // the caller owns the upload stream, and one stream feeds several parsers (JSON Lines, zip entries)
                .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
                .build())
                .build();
    }

    /** The value as compact JSON text, the form the model keeps for values that were not strings. */
    static String compact(JsonNode node) {
        return MAPPER.writeValueAsString(node);
    }
}
