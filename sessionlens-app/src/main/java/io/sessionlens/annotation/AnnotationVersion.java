package io.sessionlens.annotation;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One earlier version of an annotation, as an edit found it: its label, note, who wrote it and when. */
public record AnnotationVersion(long version, @Nullable String labelName, @Nullable String labelValue, String note,
        String writtenBy, Instant writtenAt) {}
