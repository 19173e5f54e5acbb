package io.sessionlens.annotation;

import io.sessionlens.annotation.persistence.AnnotationRepository;
import io.sessionlens.annotation.persistence.LabelSchemaEntity;
import io.sessionlens.annotation.persistence.LabelSchemaRepository;
import io.sessionlens.audit.AuditLog;
import io.sessionlens.base.security.CurrentUser;
import io.sessionlens.trace.json.SharedJson;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;

/**
 * An experiment's label schemas (decision record 027): listed for everyone, created, changed and removed by managers,
 * every write audited. A change names the version it was made on; another version answers
 * {@link AnnotationProblem.Stale} with the schema that stands. Renaming a schema renames the label on its annotations;
 * removing one keeps the annotations' labels as they are.
 */
@Service
@Transactional
public class LabelSchemaService {
    public static final String AUDIT_KIND = "label-schema";
    static final int NAME_MAX = 100;
    static final int TITLE_MAX = 200;
    static final int OPTIONS_MAX = 50;
    static final int OPTION_MAX = 200;
    static final int INSTRUCTIONS_MAX = 10_000;
    /** An MLflow assessment name: it becomes one in the export. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_\\-]+");

    private final LabelSchemaRepository schemas;
    private final AnnotationRepository annotations;
    private final AuditLog audit;

    LabelSchemaService(LabelSchemaRepository schemas, AnnotationRepository annotations, AuditLog audit) {
        this.schemas = schemas;
        this.annotations = annotations;
        this.audit = audit;
    }

    /** The experiment's schemas in the order they were made. */
    @Transactional(readOnly = true)
    public List<LabelSchema> list(String experimentId) {
        return schemas.findByExperimentIdOrderById(experimentId).stream().map(LabelSchemaService::toSchema).toList();
    }

    @Transactional(readOnly = true)
    public Optional<LabelSchema> find(long id) {
        return schemas.findById(id).map(LabelSchemaService::toSchema);
    }

    @Transactional(readOnly = true)
    public Optional<LabelSchema> find(String experimentId, String name) {
        return schemas.findByExperimentIdAndName(experimentId, name).map(LabelSchemaService::toSchema);
    }

    /** A new schema; {@link AnnotationProblem.Invalid} names what is wrong with the draft. Managers only. */
    public LabelSchema create(String experimentId, LabelSchemaDraft draft) {
        mayManage();
        if (experimentId.isBlank()) throw new AnnotationProblem.Invalid("say which experiment the label schema is for");
        var e = new LabelSchemaEntity(experimentId);
        apply(e, draft);
        if (schemas.findByExperimentIdAndName(experimentId, e.getName()).isPresent())
            throw new AnnotationProblem.Invalid(
                    "experiment " + experimentId + " already has a label schema named \"" + e.getName() + "\"");
        LabelSchema after = toSchema(schemas.saveAndFlush(e));
        audit.record(AUDIT_KIND, experimentId + " / " + after.name(), "label schema " + after.name() + " created",
                null, after);
        return after;
    }

    /**
     * Changes a schema. {@code expectedVersion}: the version the caller saw (null: whatever stands). Empty when there is
     * no such schema.
     */
    public Optional<LabelSchema> update(long id, LabelSchemaDraft draft, @Nullable Long expectedVersion) {
        mayManage();
        Optional<LabelSchemaEntity> found = schemas.findById(id);
        if (found.isEmpty()) return Optional.empty();
        LabelSchemaEntity e = found.get();
        LabelSchema before = toSchema(e);
        if (expectedVersion != null && expectedVersion != e.getVersion())
            throw new AnnotationProblem.Stale("label schema " + before.name() + " was changed meanwhile", before);
        apply(e, draft);
        if (!e.getName().equals(before.name())) {
            if (schemas.findByExperimentIdAndName(e.getExperimentId(), e.getName()).filter(o -> o != e).isPresent())
                throw new AnnotationProblem.Invalid("experiment " + e.getExperimentId()
                        + " already has a label schema named \"" + e.getName() + "\"");
            annotations.renameLabel(e.getExperimentId(), before.name(), e.getName());
        }
        LabelSchema after = toSchema(schemas.saveAndFlush(e));
        audit.record(AUDIT_KIND, after.experimentId() + " / " + after.name(), "label schema " + after.name()
                + " changed", before, after);
        return Optional.of(after);
    }

    /** Removes a schema (annotations keep their labels). False when there is none. */
    public boolean delete(long id, @Nullable Long expectedVersion) {
        mayManage();
        Optional<LabelSchemaEntity> found = schemas.findById(id);
        if (found.isEmpty()) return false;
        LabelSchema before = toSchema(found.get());
        if (expectedVersion != null && expectedVersion != before.version())
            throw new AnnotationProblem.Stale("label schema " + before.name() + " was changed meanwhile", before);
        schemas.delete(found.get());
        audit.record(AUDIT_KIND, before.experimentId() + " / " + before.name(), "label schema " + before.name()
                + " removed", before, null);
        return true;
    }

    private static void mayManage() {
        if (!CurrentUser.canManage())
            throw new AnnotationProblem.NotAllowed("only a manager or an admin may change label schemas");
    }

    private static void apply(LabelSchemaEntity e, LabelSchemaDraft d) {
        String name = strip(d.name());
        if (name.isEmpty()) throw new AnnotationProblem.Invalid("a label schema needs a name, e.g. failure_kind");
        if (name.length() > NAME_MAX || !NAME.matcher(name).matches())
            throw new AnnotationProblem.Invalid("the name \"" + cut(name) + "\" may have letters, digits, _ and - only"
                    + " and at most " + NAME_MAX + " characters (it becomes an MLflow assessment name)");
        String title = strip(d.title());
        if (title.isEmpty()) title = name;
        if (title.length() > TITLE_MAX)
            throw new AnnotationProblem.Invalid("the title is " + title.length() + " characters; at most " + TITLE_MAX);
        LabelType type;
        try {
            type = LabelType.ofWire(d.type() == null ? "" : d.type());
        } catch (IllegalArgumentException e2) {
            throw new AnnotationProblem.Invalid("the type \"" + cut(strip(d.type()))
                    + "\" is not one of categorical, numeric, text");
        }
        AnnotationTarget target;
        try {
            target = d.target() == null || d.target().isBlank()
                    ? AnnotationTarget.ANY
                    : AnnotationTarget.ofWire(d.target());
        } catch (IllegalArgumentException e2) {
            throw new AnnotationProblem.Invalid("the target \"" + cut(strip(d.target()))
                    + "\" is not one of session, turn, span, any");
        }
        List<String> options = new ArrayList<>();
        Double min = null;
        Double max = null;
        switch (type) {
            case CATEGORICAL -> {
                Set<String> seen = new HashSet<>();
                for (String o : d.options() == null ? List.<String>of() : d.options()) {
                    String option = strip(o);
                    if (option.isEmpty()) continue;
                    if (option.length() > OPTION_MAX)
                        throw new AnnotationProblem.Invalid("the option \"" + cut(option) + "\" is longer than "
                                + OPTION_MAX + " characters");
                    if (!seen.add(option.toLowerCase(java.util.Locale.ROOT)))
                        throw new AnnotationProblem.Invalid("the option \"" + option + "\" is there twice");
                    options.add(option);
                }
                if (options.isEmpty())
                    throw new AnnotationProblem.Invalid("a categorical label schema needs at least one option");
                if (options.size() > OPTIONS_MAX)
                    throw new AnnotationProblem.Invalid(
                            "a label schema has at most " + OPTIONS_MAX + " options, not " + options.size());
            }
            case NUMERIC -> {
                min = finite("min", d.min());
                max = finite("max", d.max());
                if (min != null && max != null && min > max)
                    throw new AnnotationProblem.Invalid("min " + LabelValues.number(min) + " is above max "
                            + LabelValues.number(max));
            }
            case TEXT -> {
            }
        }
        String instructions = strip(d.instructions());
        if (instructions.length() > INSTRUCTIONS_MAX)
            throw new AnnotationProblem.Invalid("the instructions are " + instructions.length()
                    + " characters; at most " + INSTRUCTIONS_MAX);
        e.set(name, title, type.wire(), options.isEmpty() ? null : SharedJson.MAPPER.writeValueAsString(options), min,
                max, target.wire(), instructions.isEmpty() ? null : instructions);
    }

    private static @Nullable Double finite(String what, @Nullable Double v) {
        if (v != null && (v.isNaN() || v.isInfinite()))
            throw new AnnotationProblem.Invalid(what + " must be a finite number");
        return v;
    }

    static LabelSchema toSchema(LabelSchemaEntity e) {
        List<String> options = e.getOptionsJson() == null
                ? List.of()
                : SharedJson.MAPPER.readValue(e.getOptionsJson(), new TypeReference<List<String>>() {});
        return new LabelSchema(e.getId(), e.getExperimentId(), e.getName(), e.getTitle(),
                LabelType.ofWire(e.getLabelType()), options, e.getMinValue(), e.getMaxValue(),
                AnnotationTarget.ofWire(e.getTarget()), e.getInstructions() == null ? "" : e.getInstructions(),
                e.getVersion());
    }

    private static String strip(@Nullable String s) {
        return s == null ? "" : s.strip();
    }

    private static String cut(String s) {
        return s.length() <= 60 ? s : s.substring(0, 59) + "…";
    }
}
