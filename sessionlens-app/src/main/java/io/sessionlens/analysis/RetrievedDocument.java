package io.sessionlens.analysis;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A document a RETRIEVER span returned.
 *
 * @param snippet the document's text, cut to {@link #SNIPPET_LIMIT} characters
 * @param metadata the document's own metadata, decoded
 * @param outdated the metadata itself says the document is stale (deprecated, superseded, expired, years old)
 * @param outdatedReason why, in words an analyst can check against the metadata
 */
public record RetrievedDocument(@Nullable String spanId, @Nullable String id, @Nullable String uri,
        @Nullable Double score, String snippet, Map<String, Object> metadata, boolean outdated,
        @Nullable String outdatedReason) {

    /** Long enough for a typical RAG chunk, so the root-cause check can compare answers with the whole chunk. */
    public static final int SNIPPET_LIMIT = 2_000;

    public RetrievedDocument {
        // JSON null values are legal metadata, which Map.copyOf would reject
        metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }

    /** The name an analyst knows the document by: its file name, else its title, else its id. */
    public String displayName() {
        if (uri != null && !uri.isBlank()) {
            String u = uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
            int slash = u.lastIndexOf('/');
            return slash >= 0 && slash < u.length() - 1 ? u.substring(slash + 1) : u;
        }
        if (metadata.get("title") instanceof String title && !title.isBlank()) return title;
        if (id != null && !id.isBlank()) return id;
        return "(unnamed document)";
    }
}
