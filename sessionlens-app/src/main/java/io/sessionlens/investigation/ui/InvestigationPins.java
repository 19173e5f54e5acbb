package io.sessionlens.investigation.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import io.sessionlens.base.security.CurrentUser;
import io.sessionlens.base.ui.EvidencePins;
import io.sessionlens.investigation.EvidenceRef;
import io.sessionlens.investigation.InvestigationService;
import io.sessionlens.investigation.InvestigationSummary;
import io.sessionlens.trace.SessionRef;
import java.util.List;
import java.util.Optional;

/**
 * The investigation feature's side of {@link EvidencePins} (decision record 036): the pin buttons and dialog the session
 * page, turn cards, span page and sessions list show, and the session page's links to its investigations. A wiring
 * bean like a view: it makes the service calls and hands the dialog callbacks. It keeps no per-user state.
 */
@org.springframework.stereotype.Component
class InvestigationPins implements EvidencePins {
    private final InvestigationService investigations;

    InvestigationPins(InvestigationService investigations) {
        this.investigations = investigations;
    }

    @Override
    public Optional<com.vaadin.flow.component.Component> pinButton(Evidence evidence) {
        if (!CurrentUser.canWrite()) return Optional.empty();
        var b = new Button("Pin", VaadinIcon.PIN.create(), e -> pinAll(List.of(evidence)));
        b.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        b.addClassName("sl-pin-button");
        b.setTooltipText("Pin " + evidence.label() + " to an investigation");
        b.setAriaLabel("Pin " + evidence.label() + " to an investigation");
        return Optional.of(b);
    }

    @Override
    public void pinAll(List<Evidence> evidence) {
        if (evidence.isEmpty() || !CurrentUser.canWrite()) return;
        String suggested = evidence.size() == 1 ? investigations.suggestedQuote(ref(evidence.getFirst())) : null;
        new PinDialog(evidence, investigations.open(), suggested, choice -> {
            try {
                long id = choice.investigationId() != null
                        ? choice.investigationId()
                        : investigations.create(choice.newTitle(), "").id();
                for (Evidence e : evidence)
                    investigations.pin(id, ref(e), choice.quote());
                String title = investigations.find(id).map(i -> i.title()).orElse("");
                var link = new Anchor(InvestigationNavigation.investigationUrl(id), title);
                link.setId("pinned-link");
                var n = new Notification(new Span(evidence.size() == 1
                        ? "Pinned to "
                        : evidence.size()
                                + " sessions added to "),
                        link);
                n.setDuration(6000);
                n.setPosition(Notification.Position.BOTTOM_START);
                n.setId("pinned-notification");
                n.open();
            } catch (InvestigationService.InvalidInvestigation e) {
                Notification.show("Not pinned: " + e.getMessage()).addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
        }).open();
    }

    @Override
    public com.vaadin.flow.component.Component investigationsOf(String experimentId, String sessionId) {
        var box = new Div();
        box.setId("session-investigations");
        box.addClassName("sl-session-investigations");
        List<InvestigationSummary> of = investigations.of(new SessionRef(experimentId, sessionId));
        if (of.isEmpty()) {
            box.setVisible(false);
            return box;
        }
        box.add(new Span(of.size() == 1 ? "Investigation: " : "Investigations: "));
        for (InvestigationSummary s : of) {
            var a = new Anchor(InvestigationNavigation.investigationUrl(s.id()), s.title());
            a.addClassName("sl-investigation-link");
            box.add(a, new Span(" (" + s.status().label() + ") "));
        }
        return box;
    }

    private static EvidenceRef ref(Evidence e) {
        return new EvidenceRef(e.experimentId(), e.sessionId(), e.turn(), e.traceId(), e.spanId());
    }
}
