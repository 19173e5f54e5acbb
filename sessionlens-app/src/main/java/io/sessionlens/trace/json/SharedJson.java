package io.sessionlens.trace.json;

import tools.jackson.databind.json.JsonMapper;

/**
 * The app's one {@link JsonMapper}, for the JSON it keeps and shows: attribute values ({@link JsonValues}), the stored
 * JSON columns, the trace API, evidence wording. Jackson 3's defaults are what we want (trailing tokens fail, so
 * "42 apples" stays text), and a mapper is thread-safe once built, so one is enough.
 *
 * <p>The importer keeps its own ({@code importer.read.ExportJson}): it reads uploads of 200 MB and more from a stream
 * it does not own, so it needs other limits and must not close the stream.
 */
public final class SharedJson {
    public static final JsonMapper MAPPER = JsonMapper.builder().build();

    private SharedJson() {}
}
