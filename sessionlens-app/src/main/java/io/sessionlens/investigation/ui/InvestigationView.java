package io.sessionlens.investigation.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import io.sessionlens.analysis.RootCauseKind;
import io.sessionlens.base.live.LiveUpdates;
import io.sessionlens.base.security.CurrentUser;
import io.sessionlens.base.ui.Live;
import io.sessionlens.base.ui.TimeFormat;
import io.sessionlens.base.ui.component.SafeMarkdown;
import io.sessionlens.investigation.Investigation;
import io.sessionlens.investigation.InvestigationEdit;
import io.sessionlens.investigation.InvestigationEvents;
import io.sessionlens.investigation.InvestigationReport;
import io.sessionlens.investigation.InvestigationService;
import io.sessionlens.investigation.InvestigationStatus;
import io.sessionlens.investigation.Pin;
import io.sessionlens.session.ui.SessionNavigation;
import io.sessionlens.trace.ui.TraceNavigation;
import jakarta.annotation.security.PermitAll;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One investigation at its permalink: its fields (saved with the version they were read at; a colleague's newer change
 * opens a conflict dialog that shows theirs and yours and loses neither), its evidence grouped by session with links to
 * the session, turn or span, exports, and the read-only share link. Teammates' changes arrive live.
 */
@Route(InvestigationNavigation.ROUTE + "/:id")
@PermitAll
@StyleSheet("context://styles/investigations.css")
class InvestigationView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {
    private static final String NO_KIND = "";

    private final InvestigationService investigations;
    private final LiveUpdates live;
    private @Nullable Registration liveRegistration;
    /** Read once per page: a live refresh runs outside the request, where nobody is signed in. */
    private boolean write;
    private String title = "Investigation · SessionLens";
    private @Nullable Investigation shown;
    private final TextField titleField = new TextField("Title");
    private final Select<InvestigationStatus> status = new Select<>();
    private final Select<String> kind = new Select<>();
    private final TextArea hypothesis = new TextArea("Hypothesis");
    private final TextArea conclusion = new TextArea("Conclusion (Markdown)");
    private final Div conclusionPreview = new Div();
    private final Div meta = new Div();
    private final Div evidence = new Div();
    private final Div share = new Div();
    private final Div changedNote = new Div();
    private final Button save = new Button("Save");
    /** The share link this page made: shown (once) until it is revoked or replaced, also across live redraws. */
    private @Nullable String madeShareUrl;

    InvestigationView(InvestigationService investigations, LiveUpdates live) {
        this.investigations = investigations;
        this.live = live;
        addClassName("sl-investigation");
        setWidthFull();
        titleField.setId("inv-title");
        titleField.setWidthFull();
        titleField.setMaxLength(InvestigationService.MAX_TITLE);
        status.setId("inv-status");
        status.setLabel("Status");
        status.setItems(InvestigationStatus.values());
        status.setItemLabelGenerator(InvestigationStatus::label);
        kind.setId("inv-kind");
        kind.setLabel("Root-cause kind");
        List<String> kinds = new ArrayList<>(List.of(NO_KIND));
        Arrays.stream(RootCauseKind.values()).map(RootCauseKind::wire).forEach(kinds::add);
        kind.setItems(kinds);
        kind.setItemLabelGenerator(k -> k.isEmpty() ? "not decided" : InvestigationReport.kindLabel(k));
        hypothesis.setId("inv-hypothesis");
        hypothesis.setWidthFull();
        hypothesis.setMaxLength(InvestigationService.MAX_TEXT);
        conclusion.setId("inv-conclusion");
        conclusion.setWidthFull();
        conclusion.setMaxLength(InvestigationService.MAX_TEXT);
        // synced when the field is left (before the Save click arrives), not while typing
        conclusion.setValueChangeMode(ValueChangeMode.ON_CHANGE);
        conclusion.addValueChangeListener(e -> preview(e.getValue()));
        conclusionPreview.setId("inv-conclusion-preview");
        conclusionPreview.addClassName("sl-inv-preview");
        meta.setId("inv-meta");
        meta.addClassName("sl-inv-meta");
        evidence.setId("inv-evidence");
        evidence.setWidthFull();
        share.setId("inv-share");
        share.addClassName("sl-inv-share");
        changedNote.setId("inv-changed");
        changedNote.addClassName("sl-inv-changed");
        changedNote.setVisible(false);
        save.setId("inv-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> save(null));
    }

    @Override
    public String getPageTitle() { return title; }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        madeShareUrl = null;
        if (liveRegistration != null) liveRegistration.remove();
        liveRegistration = null;
        write = CurrentUser.canWrite();
        long id = event.getRouteParameters().get("id").map(InvestigationView::parseId).orElse(-1L);
        investigations.find(id).ifPresentOrElse(this::layout, () -> add(new H2("Investigation not found"),
                new Paragraph("There is no investigation " + event.getRouteParameters().get("id").orElse("") + "."),
                new Anchor(InvestigationNavigation.ROUTE, "All investigations")));
    }

    private void layout(Investigation inv) {
        var links = new HorizontalLayout(new Anchor(InvestigationNavigation.ROUTE, "← All investigations"),
                download(InvestigationNavigation.exportUrl(inv.id(), "md"), "Export Markdown", "export-md"),
                download(InvestigationNavigation.exportUrl(inv.id(), "html"), "Export HTML report", "export-html"));
        links.setAlignItems(FlexComponent.Alignment.CENTER);
        links.addClassName("sl-inv-links");
        var fields = new Div(titleField, new Div(status, kind), hypothesis, conclusion, conclusionPreview);
        fields.addClassName("sl-inv-fields");
        for (var f : List.of(titleField, hypothesis, conclusion))
            f.setReadOnly(!write);
        status.setReadOnly(!write);
        kind.setReadOnly(!write);
        add(links, changedNote, fields, meta);
        if (write) add(save);
        add(share, new H3("Evidence"), evidence);
        fill(inv, true);
        liveRegistration = Live.onChange(this, live, InvestigationEvents.topic(inv.id()), () -> reload(true));
    }

    /** Shows the investigation; {@code fields}: also replace what the form holds. */
    private void fill(Investigation inv, boolean fields) {
        shown = inv;
        title = inv.title() + " · SessionLens";
        if (fields) {
            titleField.setValue(inv.title());
            status.setValue(inv.status());
            kind.setValue(inv.rootCauseKind() == null ? NO_KIND : inv.rootCauseKind());
            hypothesis.setValue(inv.hypothesis());
            conclusion.setValue(inv.conclusion());
            preview(inv.conclusion());
            changedNote.setVisible(false);
        }
        meta.removeAll();
        meta.add(new Span("Owner " + inv.owner()), new Span("Participants: " + String.join(", ", inv.participants())),
                new Span("Last change " + TimeFormat.of(inv.updatedAt()) + " by " + inv.updatedBy()));
        showShare(inv, inv.shared() ? madeShareUrl : null);
        showEvidence(inv);
    }

    private void preview(String markdown) {
        conclusionPreview.removeAll();
        if (!markdown.isBlank()) conclusionPreview.add(SafeMarkdown.render(markdown));
        conclusionPreview.setVisible(!markdown.isBlank());
    }

    private void showEvidence(Investigation inv) {
        evidence.removeAll();
        if (inv.pins().isEmpty()) {
            var none = new Paragraph("Nothing pinned yet. Pin a session, a turn or a span from its page, or select"
                    + " sessions in the Sessions list.");
            none.addClassName("sl-small");
            evidence.add(none);
            return;
        }
        InvestigationReport.bySession(inv.pins()).forEach((key, pins) -> {
            Pin first = pins.getFirst();
            var card = new Div();
            card.addClassName("sl-inv-session");
            var head = new H3();
            head.add(new Anchor(SessionNavigation.sessionUrl(first.experimentId(), first.sessionId()),
                    "Session " + first.sessionId()));
            var exp = new Span(" experiment " + first.experimentId());
            exp.addClassName("sl-small");
            head.add(exp);
            card.add(head);
            for (Pin p : pins)
                card.add(pinRow(inv, p));
            evidence.add(card);
        });
    }

    private Component pinRow(Investigation inv, Pin p) {
        var row = new Div();
        row.addClassName("sl-inv-pin");
        row.setId("pin-" + p.id());
        String url = p.spanId() != null && p.traceId() != null
                ? TraceNavigation.traceUrl(p.traceId(), p.spanId())
                : p.turn() != null
                        ? SessionNavigation.turnUrl(p.experimentId(), p.sessionId(), p.turn())
                        : SessionNavigation.sessionUrl(p.experimentId(), p.sessionId());
        var what = new Anchor(url, p.what());
        what.addClassName("sl-inv-pin-what");
        var who = new Span(" pinned by " + p.pinnedBy() + ", " + TimeFormat.of(p.pinnedAt()));
        who.addClassName("sl-small");
        var head = new Div(what, who);
        head.addClassName("sl-inv-pin-head");
        if (write) {
            var remove = new Button(VaadinIcon.CLOSE_SMALL.create(), e -> {
                investigations.unpin(inv.id(), p.id());
                reload(false);
            });
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            remove.setAriaLabel("Remove this pin");
            remove.setTooltipText("Remove this pin");
            remove.addClassName("sl-inv-pin-remove");
            head.add(remove);
        }
        var quote = new Div();
        quote.setText(p.quote());   // trace text: set as text, never as HTML
        quote.addClassName("sl-inv-quote");
        row.add(head, quote);
        return row;
    }

    private void showShare(Investigation inv, @Nullable String url) {
        share.removeAll();
        if (!write) {
            if (inv.shared()) share.add(new Span("A read-only share link exists."));
            return;
        }
        if (url != null) {
            var field = new TextField("Read-only link (shown once: copy it now)");
            field.setId("share-url");
            field.setValue(url);
            field.setReadOnly(true);
            field.setWidthFull();
            share.add(field);
        } else if (inv.shared()) {
            share.add(new Span("A read-only share link exists (it was shown when it was made). "));
        }
        var create = new Button(inv.shared() ? "Replace share link" : "Create share link", VaadinIcon.LINK.create(),
                e -> investigations.share(inv.id()).ifPresent(link -> {
                    madeShareUrl = absolute("share/" + link.token());
                    investigations.find(inv.id()).ifPresent(fresh -> showShare(fresh, madeShareUrl));
                }));
        create.setId("share-create");
        create.addThemeVariants(ButtonVariant.LUMO_SMALL);
        share.add(create);
        if (inv.shared() || url != null) {
            var revoke = new Button("Revoke share link", e -> {
                investigations.revokeShare(inv.id());
                madeShareUrl = null;
                investigations.find(inv.id()).ifPresent(fresh -> showShare(fresh, null));
                Notification.show("Share link revoked: it answers 404 now")
                        .setPosition(Notification.Position.BOTTOM_START);
            });
            revoke.setId("share-revoke");
            revoke.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
            share.add(revoke);
        }
    }

    private InvestigationEdit formEdit(@Nullable Long version) {
        return new InvestigationEdit(titleField.getValue(), hypothesis.getValue(),
                status.getValue() == null ? null : status.getValue().wire(), conclusion.getValue(),
                kind.getValue() == null ? NO_KIND : kind.getValue(), version);
    }

    /** Saves the form on the version it was read at ({@code version} null: that one). */
    private void save(@Nullable Long version) {
        Investigation inv = shown;
        if (inv == null) return;
        try {
            investigations.edit(inv.id(), formEdit(version == null ? inv.version() : version))
                    .ifPresent(saved -> fill(saved, true));
            Notification.show("Saved").setPosition(Notification.Position.BOTTOM_START);
        } catch (InvestigationService.InvalidInvestigation e) {
            Notification.show(e.getMessage()).addThemeVariants(NotificationVariant.LUMO_ERROR);
        } catch (InvestigationService.StaleInvestigation e) {
            conflict(e.current());
        }
    }

    /** A colleague saved first: show theirs beside yours, field by field; save yours over theirs or take theirs. */
    private void conflict(Investigation current) {
        var dialog = new Dialog();
        dialog.setId("inv-conflict");
        dialog.setHeaderTitle("Changed by " + current.updatedBy() + " meanwhile");
        dialog.setWidth("min(720px, 96vw)");
        dialog.add(new Paragraph(current.updatedBy() + " saved this investigation at "
                + TimeFormat.of(current.updatedAt()) + ", after you opened it. Your changes are not saved yet;"
                + " both versions are below."));
        InvestigationEdit mine = formEdit(null);
        var diff = new Div();
        diff.addClassName("sl-inv-diff");
        diffRow(diff, "Title", current.title(), mine.title());
        diffRow(diff, "Status", current.status().label(), status.getValue() == null ? "" : status.getValue().label());
        diffRow(diff, "Root-cause kind", current.rootCauseKind() == null ? "" : current.rootCauseKind(),
                mine.rootCauseKind());
        diffRow(diff, "Hypothesis", current.hypothesis(), mine.hypothesis());
        diffRow(diff, "Conclusion", current.conclusion(), mine.conclusion());
        dialog.add(diff);
        var keepMine = new Button("Save mine over theirs", e -> {
            dialog.close();
            save(current.version());
        });
        keepMine.setId("inv-conflict-mine");
        keepMine.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var takeTheirs = new Button("Take theirs", e -> {
            dialog.close();
            fill(current, true);
        });
        takeTheirs.setId("inv-conflict-theirs");
        dialog.getFooter().add(takeTheirs, keepMine);
        dialog.open();
    }

    private static void diffRow(Div diff, String label, @Nullable String theirs, @Nullable String mine) {
        String t = theirs == null ? "" : theirs, m = mine == null ? "" : mine;
        if (t.equals(m)) return;
        var l = new Span(label);
        l.addClassName("sl-inv-diff-label");
        var a = new Div();
        a.setText("Theirs: " + (t.isEmpty() ? "(empty)" : t));
        a.addClassName("sl-inv-diff-theirs");
        var b = new Div();
        b.setText("Yours: " + (m.isEmpty() ? "(empty)" : m));
        b.addClassName("sl-inv-diff-mine");
        diff.add(l, a, b);
    }

    /** A teammate changed it: pins and facts follow at once; the form follows too unless it holds unsaved edits. */
    void reload(boolean fromColleague) {
        Investigation before = shown;
        if (before == null) return;
        investigations.find(before.id()).ifPresent(now -> {
            boolean dirty = dirty(before);
            fill(now, !dirty);
            if (dirty && now.version() != before.version()) {
                shown = new Investigation(now.id(), now.title(), now.hypothesis(), now.status(), now.owner(),
                        now.participants(), now.conclusion(), now.rootCauseKind(), now.createdAt(), now.updatedAt(),
                        now.updatedBy(), before.version(), now.shared(), now.pins());
                changedNote.setText(now.updatedBy() + " changed this investigation meanwhile; saving shows both"
                        + " versions.");
                changedNote.setVisible(true);
            }
        });
    }

    private boolean dirty(Investigation inv) {
        return !titleField.getValue().equals(inv.title()) || !hypothesis.getValue().equals(inv.hypothesis())
                || !conclusion.getValue().equals(inv.conclusion()) || status.getValue() != inv.status()
                || !Objects.equals(kind.getValue(), inv.rootCauseKind() == null ? NO_KIND : inv.rootCauseKind());
    }

    private static Anchor download(String href, String text, String id) {
        var a = new Anchor(href, text);
        a.setId(id);
        a.setTarget(AnchorTarget.BLANK);
        a.getElement().setAttribute("download", true);
        a.setRouterIgnore(true);
        return a;
    }

    /** An absolute URL of this app (the share link is pasted elsewhere), from the request being served. */
    private static String absolute(String path) {
        var r = com.vaadin.flow.server.VaadinServletRequest.getCurrent();
        if (r == null) return path;
        return org.springframework.web.servlet.support.ServletUriComponentsBuilder
                .fromContextPath(r.getHttpServletRequest()).path("/" + path).toUriString();
    }

    private static long parseId(String s) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
