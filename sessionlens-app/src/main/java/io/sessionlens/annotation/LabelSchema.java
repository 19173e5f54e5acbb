package io.sessionlens.annotation;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A label an experiment's annotations may carry, like MLflow's label schemas: {@code name} (e.g. {@code failure_kind},
 * the assessment name in an MLflow export), a title for people, the type with its ordered {@code options}
 * (categorical) or range (numeric, either end may be open), what it may be put on, and instructions for reviewers.
 * {@code version}: what an edit must name (optimistic locking).
 */
public record LabelSchema(long id, String experimentId, String name, String title, LabelType type, List<String> options,
        @Nullable Double min, @Nullable Double max, AnnotationTarget target, String instructions, long version) {

    public LabelSchema {
        options = List.copyOf(options);
    }
}
