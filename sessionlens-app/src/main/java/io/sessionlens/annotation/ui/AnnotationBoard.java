package io.sessionlens.annotation.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import io.sessionlens.annotation.Annotation;
import io.sessionlens.annotation.AnnotationDraft;
import io.sessionlens.annotation.AnnotationProblem;
import io.sessionlens.annotation.AnnotationTarget;
import io.sessionlens.annotation.LabelSchema;
import io.sessionlens.base.ui.RouteIds;
import io.sessionlens.base.ui.TimeFormat;
import io.sessionlens.base.ui.component.Badges;
import io.sessionlens.base.ui.component.SafeMarkdown;
import io.sessionlens.trace.SessionRef;
import io.sessionlens.trace.ui.TraceNavigation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * One session's annotations on one drawing of a page: the parts that show them (the session's, each turn's, a span's)
 * read one list, and all are drawn again when it changes: after this user's write, or a teammate's (live, decision
 * 039). Editors open in dialogs, so a redraw never takes away what someone is typing; a save made on an older version
 * meets the conflict dialog, which shows theirs and yours and loses neither.
 */
public final class AnnotationBoard {
    private final SessionRef ref;
    private final AnnotationActions actions;
    private final List<Part> parts = new ArrayList<>();
    private List<Annotation> all;
    private List<LabelSchema> schemas;
    private boolean subscribed;

    public AnnotationBoard(SessionRef ref, AnnotationActions actions) {
        this.ref = ref;
        this.actions = actions;
        this.all = actions.list(ref);
        this.schemas = actions.schemas(ref.experimentId());
    }

    /** Under the session header: the session's own annotations, a count of all, and "Annotate session". */
    public Component sessionPart() {
        var part = new Part("session-annotations", "sl-annotations-session",
                a -> a.target() == AnnotationTarget.SESSION,
                AnnotationTarget.SESSION, null, null, "Annotate session");
        part.setId("session-annotations");
        listen(part);
        return add(part);
    }

    /** On a turn card: the turn's annotations and its spans'. */
    public Component turnPart(int turn, String traceId) {
        var part = new Part("turn-" + turn + "-annotations", "sl-annotations-turn",
                a -> traceId.equals(a.traceId()), AnnotationTarget.TURN, traceId, null, "Annotate turn " + turn);
        return add(part);
    }

    /** With a span on the trace page: the span's annotations; {@code onChanged} when they change. */
    public Component spanPart(String traceId, String spanId, Runnable onChanged) {
        var part = new Part("span-annotations", "sl-annotations-span",
                a -> traceId.equals(a.traceId()) && spanId.equals(a.spanId()), AnnotationTarget.SPAN, traceId, spanId,
                "Annotate span");
        part.onChanged = onChanged;
        listen(part);
        return add(part);
    }

    /** In the side panel: the experiment's label schemas, editable by managers. */
    public Component schemasPart() {
        return new LabelSchemaList(ref.experimentId(), actions, () -> {
            schemas = actions.schemas(ref.experimentId());
        });
    }

    private Part add(Part p) {
        parts.add(p);
        p.render();
        return p;
    }

    /** The first part shown hears the session's changes for all of them. */
    private void listen(Component owner) {
        if (subscribed) return;
        subscribed = true;
        actions.onChange(owner, ref, this::reload);
    }

    void reload() {
        all = actions.list(ref);
        schemas = actions.schemas(ref.experimentId());
        parts.removeIf(p -> p.drawn && !p.isAttached());
        for (Part p : List.copyOf(parts)) {
            p.render();
            if (p.onChanged != null) p.onChanged.run();
        }
    }

    @StyleSheet("context://styles/annotations.css")
    private final class Part extends Div {
        private final String idBase;
        private final Predicate<Annotation> shows;
        private final AnnotationTarget target;
        private final @Nullable String traceId;
        private final @Nullable String spanId;
        private final String annotateText;
        private @Nullable Runnable onChanged;
        private boolean drawn;

        Part(String idBase, String className, Predicate<Annotation> shows, AnnotationTarget target,
                @Nullable String traceId, @Nullable String spanId, String annotateText) {
            this.idBase = idBase;
            this.shows = shows;
            this.target = target;
            this.traceId = traceId;
            this.spanId = spanId;
            this.annotateText = annotateText;
            addClassNames("sl-annotations", className);
            if (target != AnnotationTarget.SESSION) setId(idBase);
            addAttachListener(e -> drawn = true);
        }

        void render() {
            removeAll();
            List<Annotation> mine = all.stream().filter(shows).toList();
            var head = new Div();
            head.addClassName("sl-annotations-head");
            if (target == AnnotationTarget.SESSION) {
                var title = new Span("Annotations");
                title.addClassName("sl-annotations-title");
                head.add(title);
                var count = new Span(summary(mine.size(), all.size()));
                count.addClassName("sl-annotation-count");
                count.setId("annotation-summary");
                head.add(count);
            } else if (!mine.isEmpty()) {
                var count = new Span(VaadinIcon.COMMENT_O.create(),
                        new Span(mine.size() + (mine.size() == 1 ? " annotation" : " annotations")));
                count.addClassName("sl-annotation-count");
                head.add(count);
            }
            if (target == AnnotationTarget.SESSION) {
                var export = new Anchor("api/sessions/" + RouteIds.encode(ref.sessionId()) + "/assessments.json"
                        + "?experimentId=" + RouteIds.encode(ref.experimentId()), "Export as MLflow assessments");
                export.setId("export-assessments");
                export.getElement().setAttribute("download", true);
                export.getElement().setAttribute("router-ignore", true);
                export.setTitle("The session's traces with the labels and the reviewer's verdict as HUMAN assessments:"
                        + " SessionLens imports the file back, MLflow takes each assessment");
                export.addClassName("sl-annotation-export");
                head.add(export);
            }
            if (actions.mayWrite()) {
                var annotate = new Button(annotateText, VaadinIcon.PLUS.create(), e -> openEditor(null, null));
                annotate.addClassName("sl-annotate");
                if (target == AnnotationTarget.SESSION) annotate.setId("annotate-session");
                annotate.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
                head.add(annotate);
            }
            setVisible(target == AnnotationTarget.SESSION || !mine.isEmpty() || actions.mayWrite());
            add(head);
            for (Annotation a : mine) add(item(a));
        }

        private static String summary(int here, int total) {
            if (total == 0) return "none yet";
            int elsewhere = total - here;
            return here + " on the session" + (elsewhere == 0 ? "" : ", " + elsewhere + " on turns and spans");
        }

        private Component item(Annotation a) {
            var box = new Div();
            box.addClassName("sl-annotation");
            box.setId("annotation-" + a.id());
            var top = new Div();
            top.addClassName("sl-annotation-top");
            if (a.hasLabel()) {
                var label = Badges.of(a.labelText(), Badges.Tone.NEUTRAL);
                label.addClassName("sl-annotation-label");
                top.add(label);
            }
            if (a.target() == AnnotationTarget.SPAN && target != AnnotationTarget.SPAN && a.traceId() != null
                    && a.spanId() != null) {
                var on = new Anchor(TraceNavigation.traceUrl(a.traceId(), a.spanId()),
                        "on span " + a.spanId());
                on.addClassName("sl-annotation-on");
                top.add(on);
            }
            if (top.getComponentCount() > 0) box.add(top);
            if (!a.note().isBlank()) {
                var note = SafeMarkdown.render(a.note());
                note.addClassName("sl-annotation-note");
                box.add(note);
            }
            var meta = new Div();
            meta.addClassName("sl-annotation-meta");
            meta.add(new Span(a.author() + " · " + TimeFormat.of(a.createdAt())));
            if (a.edited()) {
                var edited = new Button("edited" + (a.author().equals(a.editedBy()) ? "" : " by " + a.editedBy()),
                        e -> AnnotationHistoryDialog.open(a, actions.history(a.id()), actions.mayChange(a),
                                old -> save(a, old, a.version())));
                edited.addClassName("sl-annotation-edited");
                edited.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY_INLINE);
                edited.setTooltipText("Show the earlier versions");
                meta.add(edited);
            }
            if (actions.mayChange(a)) {
                var edit = new Button("Edit", e -> openEditor(a, null));
                edit.addClassName("sl-annotation-edit");
                var remove = new Button("Remove", e -> confirmRemove(a));
                remove.addClassName("sl-annotation-remove");
                for (Button b : List.of(edit, remove))
                    b.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY_INLINE);
                meta.add(edit, remove);
            }
            box.add(meta);
            return box;
        }

        /** A new annotation ({@code a} null) or an edit; {@code draft}: what to start from (the conflict's "yours"). */
        void openEditor(@Nullable Annotation a, AnnotationEditor.@Nullable Draft draft) {
            AnnotationTarget on = a == null ? target : a.target();
            String title = a == null ? annotateText : "Edit annotation";
            AnnotationEditor.open(title, schemas.stream().filter(s -> s.target().allows(on)).toList(), a, draft,
                    d -> a == null ? create(d) : save(a, d, draft == null ? a.version() : draft.version()));
        }

        /** @return an error to show in the editor, or null when saved (or handed to the conflict dialog) */
        private @Nullable String create(AnnotationEditor.Draft d) {
            try {
                Optional<Annotation> made = actions.create(ref, draftOf(d));
                if (made.isEmpty()) return "This session no longer exists.";
                saved("Annotation added");
                return null;
            } catch (AnnotationProblem p) {
                return p.getMessage();
            }
        }

        private @Nullable String save(Annotation a, AnnotationEditor.Draft d, long version) {
            try {
                if (actions.update(a.id(), AnnotationDraft.edit(d.label(), d.value(), d.note()), version).isEmpty()) {
                    ConflictDialog.deleted(a, d, () -> openEditor(null, d.withVersion(0)));
                    reload();
                    return null;
                }
                saved("Annotation saved");
                return null;
            } catch (AnnotationProblem.Stale stale) {
                Annotation theirs = (Annotation) stale.current();
                reload();
                ConflictDialog.open(theirs, d, () -> {}, () -> openEditor(theirs, d.withVersion(theirs.version())),
                        () -> {
                            String error = save(theirs, d, theirs.version());
                            if (error != null) notifyError(error);
                        });
                return null;
            } catch (AnnotationProblem p) {
                return p.getMessage();
            }
        }

        private AnnotationDraft draftOf(AnnotationEditor.Draft d) {
            return new AnnotationDraft(target.wire(), null, traceId, spanId, d.label(), d.value(), d.note());
        }

        private void confirmRemove(Annotation a) {
            var dialog = new ConfirmDialog("Remove this annotation?", "It is removed for everyone, with its earlier"
                    + " versions; the audit log keeps what it said.", "Remove", e -> {
                        try {
                            actions.delete(a.id(), a.version());
                            saved("Annotation removed");
                        } catch (AnnotationProblem.Stale stale) {
                            reload();
                            notifyError("A teammate changed it meanwhile: look at their version first.");
                        } catch (AnnotationProblem p) {
                            notifyError(p.getMessage());
                        }
                    });
            dialog.setId("annotation-remove-confirm");
            dialog.setCancelable(true);
            dialog.setConfirmButtonTheme("error primary");
            dialog.open();
        }

        private void saved(String text) {
            reload();
            Notification.show(text, 3000, Notification.Position.BOTTOM_START);
        }
    }

    static void notifyError(String text) {
        Notification.show(text, 6000, Notification.Position.BOTTOM_START)
                .addThemeVariants(NotificationVariant.LUMO_ERROR);
    }
}
