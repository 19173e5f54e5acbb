package io.sessionlens.annotation;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a manager asks for when creating or changing a label schema; {@link LabelSchemaService} checks it. Types and
 * targets as wire names ({@code categorical}/{@code numeric}/{@code text}; {@code session}/{@code turn}/{@code span}/
 * {@code any}, default any), so a wrong one is named in the answer rather than failing to parse.
 */
public record LabelSchemaDraft(@Nullable String name, @Nullable String title, @Nullable String type,
        @Nullable List<String> options, @Nullable Double min, @Nullable Double max, @Nullable String target,
        @Nullable String instructions) {}
