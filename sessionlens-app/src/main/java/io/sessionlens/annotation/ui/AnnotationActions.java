package io.sessionlens.annotation.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.shared.Registration;
import io.sessionlens.annotation.Annotation;
import io.sessionlens.annotation.AnnotationDraft;
import io.sessionlens.annotation.AnnotationVersion;
import io.sessionlens.annotation.LabelSchema;
import io.sessionlens.annotation.LabelSchemaDraft;
import io.sessionlens.trace.SessionRef;
import java.util.List;
import java.util.Optional;

/**
 * What the annotation components may do, as callbacks (they never hold a service): read and write annotations and label
 * schemas as the signed-in user, say what that user may do, and hear a teammate's change. Writes throw
 * {@code AnnotationProblem}s, which the components turn into messages or the conflict dialog.
 */
public interface AnnotationActions {
    List<Annotation> list(SessionRef ref);

    List<LabelSchema> schemas(String experimentId);

    Optional<Annotation> create(SessionRef ref, AnnotationDraft draft);

    Optional<Annotation> update(long id, AnnotationDraft draft, long version);

    boolean delete(long id, long version);

    List<AnnotationVersion> history(long id);

    LabelSchema createSchema(String experimentId, LabelSchemaDraft draft);

    Optional<LabelSchema> updateSchema(long id, LabelSchemaDraft draft, long version);

    boolean deleteSchema(long id, long version);

    /** Analyst or more. */
    boolean mayWrite();

    /** The author, or a manager or admin. */
    boolean mayChange(Annotation a);

    /** Manager or more: label schemas. */
    boolean mayManage();

    /** Runs {@code refresh} in the owner's UI when the session's annotations change, while the owner is attached. */
    Registration onChange(Component owner, SessionRef ref, Runnable refresh);
}
