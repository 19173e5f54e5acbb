package io.sessionlens.annotation.page;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.shared.Registration;
import io.sessionlens.annotation.Annotation;
import io.sessionlens.annotation.AnnotationDraft;
import io.sessionlens.annotation.AnnotationService;
import io.sessionlens.annotation.AnnotationVersion;
import io.sessionlens.annotation.LabelSchema;
import io.sessionlens.annotation.LabelSchemaDraft;
import io.sessionlens.annotation.LabelSchemaService;
import io.sessionlens.annotation.ui.AnnotationActions;
import io.sessionlens.base.live.LiveTopics;
import io.sessionlens.base.live.LiveUpdates;
import io.sessionlens.base.security.CurrentUser;
import io.sessionlens.base.ui.Live;
import io.sessionlens.trace.SessionRef;
import java.util.List;
import java.util.Optional;

/** The annotation components' callbacks: the services, as the signed-in user of the UI. */
@org.springframework.stereotype.Component
class ServiceActions implements AnnotationActions {
    private final AnnotationService annotations;
    private final LabelSchemaService schemas;
    private final LiveUpdates live;

    ServiceActions(AnnotationService annotations, LabelSchemaService schemas, LiveUpdates live) {
        this.annotations = annotations;
        this.schemas = schemas;
        this.live = live;
    }

    @Override
    public List<Annotation> list(SessionRef ref) {
        return annotations.listBySession(ref);
    }

    @Override
    public List<LabelSchema> schemas(String experimentId) {
        return schemas.list(experimentId);
    }

    @Override
    public Optional<Annotation> create(SessionRef ref, AnnotationDraft draft) {
        return annotations.create(ref, draft);
    }

    @Override
    public Optional<Annotation> update(long id, AnnotationDraft draft, long version) {
        return annotations.update(id, draft, version);
    }

    @Override
    public boolean delete(long id, long version) {
        return annotations.delete(id, version);
    }

    @Override
    public List<AnnotationVersion> history(long id) {
        return annotations.history(id);
    }

    @Override
    public LabelSchema createSchema(String experimentId, LabelSchemaDraft draft) {
        return schemas.create(experimentId, draft);
    }

    @Override
    public Optional<LabelSchema> updateSchema(long id, LabelSchemaDraft draft, long version) {
        return schemas.update(id, draft, version);
    }

    @Override
    public boolean deleteSchema(long id, long version) {
        return schemas.delete(id, version);
    }

    @Override
    public boolean mayWrite() {
        return CurrentUser.canWrite();
    }

    @Override
    public boolean mayChange(Annotation a) {
        return AnnotationService.mayChange(a);
    }

    @Override
    public boolean mayManage() {
        return CurrentUser.canManage();
    }

    @Override
    public Registration onChange(Component owner, SessionRef ref, Runnable refresh) {
        return Live.onChange(owner, live, LiveTopics.session(ref.experimentId(), ref.sessionId()), refresh);
    }
}
