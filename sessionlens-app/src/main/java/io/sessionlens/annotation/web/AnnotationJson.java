package io.sessionlens.annotation.web;

import io.sessionlens.annotation.Annotation;
import io.sessionlens.annotation.AnnotationVersion;
import io.sessionlens.annotation.LabelSchema;
import io.sessionlens.annotation.LabelType;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The API's JSON of annotations and label schemas: wire names in lower case, numbers of numeric labels as numbers. */
final class AnnotationJson {
    private AnnotationJson() {}

    static Map<String, Object> of(Annotation a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", a.id());
        m.put("experimentId", a.experimentId());
        m.put("sessionId", a.sessionId());
        m.put("target", a.target().wire());
        m.put("turn", a.turn());
        m.put("traceId", a.traceId());
        m.put("spanId", a.spanId());
        m.put("label", a.labelName());
        m.put("value", a.labelValue());
        m.put("note", a.note());
        m.put("author", a.author());
        m.put("createdAt", a.createdAt().toString());
        m.put("edited", a.edited());
        m.put("editedBy", a.editedBy());
        m.put("editedAt", a.editedAt() == null ? null : a.editedAt().toString());
        m.put("version", a.version());
        return m;
    }

    static Map<String, Object> of(AnnotationVersion v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("version", v.version());
        m.put("label", v.labelName());
        m.put("value", v.labelValue());
        m.put("note", v.note());
        m.put("writtenBy", v.writtenBy());
        m.put("writtenAt", v.writtenAt().toString());
        return m;
    }

    static Map<String, Object> of(LabelSchema s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.id());
        m.put("experimentId", s.experimentId());
        m.put("name", s.name());
        m.put("title", s.title());
        m.put("type", s.type().wire());
        if (s.type() == LabelType.CATEGORICAL) m.put("options", s.options());
        if (s.type() == LabelType.NUMERIC) {
            m.put("min", s.min());
            m.put("max", s.max());
        }
        m.put("target", s.target().wire());
        m.put("instructions", s.instructions());
        m.put("version", s.version());
        return m;
    }

    /** A value as sent: a JSON string or number (a number keeps its plain form), else null. */
    static @Nullable String text(@Nullable Object value) {
        if (value == null) return null;
        if (value instanceof Number n) return n.toString();
        return value.toString();
    }
}
