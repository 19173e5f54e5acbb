package io.sessionlens.audit.ui;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import io.sessionlens.audit.AuditEntry;
import io.sessionlens.audit.AuditLog;
import io.sessionlens.base.security.Roles;
import io.sessionlens.base.ui.TimeFormat;
import jakarta.annotation.security.RolesAllowed;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Managers and admins: every write, newest first, filtered by user and kind (kept in the URL, {@code ?user=&kind=}, to
 * share the view); a row opens its before → after.
 */
@Route("audit")
@PageTitle("Audit log · SessionLens")
@RolesAllowed(Roles.MANAGER)
class AuditView extends VerticalLayout implements BeforeEnterObserver {
    private final AuditLog audit;
    private final Grid<AuditEntry> grid = new Grid<>();
    private final ComboBox<String> user = new ComboBox<>("User");
    private final ComboBox<String> kind = new ComboBox<>("Kind");

    AuditView(AuditLog audit) {
        this.audit = audit;
        addClassName("sl-page");
        setHeightFull();
        add(new H2("Audit log"));
        add(new Paragraph("Every write: imports, experiment settings (with before → after), users and roles, API"
                + " tokens. Newest first; click a row for the details."));
        user.setId("audit-user");
        user.setItems(audit.actors());
        user.setClearButtonVisible(true);
        kind.setId("audit-kind");
        kind.setItems(audit.kinds());
        kind.setClearButtonVisible(true);
        user.addValueChangeListener(e -> filtersChanged());
        kind.addValueChangeListener(e -> filtersChanged());
        var filters = new HorizontalLayout(user, kind);
        filters.setWrap(true);

        grid.setId("audit");
        grid.addColumn(e -> TimeFormat.of(e.at())).setHeader("When").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(AuditEntry::actor).setHeader("User").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(AuditEntry::kind).setHeader("Kind").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(AuditEntry::summary).setHeader("What").setFlexGrow(1);
        grid.setItemDetailsRenderer(new ComponentRenderer<>(AuditView::details));
        grid.setDetailsVisibleOnClick(true);
        grid.addThemeVariants(GridVariant.WRAP_CELL_CONTENT, GridVariant.ROW_STRIPES);
        grid.setSizeFull();
        add(filters, grid);
        setFlexGrow(1, grid);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var q = event.getLocation().getQueryParameters();
        user.setValue(q.getSingleParameter("user").filter(v -> !v.isBlank()).orElse(null));
        kind.setValue(q.getSingleParameter("kind").filter(v -> !v.isBlank()).orElse(null));
        refresh();
    }

    private void filtersChanged() {
        Map<String, String> params = new LinkedHashMap<>();
        if (user.getValue() != null) params.put("user", user.getValue());
        if (kind.getValue() != null) params.put("kind", kind.getValue());
        getUI().ifPresent(ui -> ui.getPage().getHistory().replaceState(null,
                new Location("audit", QueryParameters.simple(params))));
        refresh();
    }

    private void refresh() {
        @Nullable String u = user.getValue();
        @Nullable String k = kind.getValue();
        grid.setItems(q -> audit.search(u, k, q.getPage(), q.getPageSize()).stream());
    }

    private static Div details(AuditEntry e) {
        var d = new Div();
        d.addClassName("sl-audit-details");
        d.add(new Paragraph("On: " + e.subject()));
        if (e.before() != null || e.after() != null) {
            d.add(side("Before", e.before()), side("After", e.after()));
        }
        return d;
    }

    private static Div side(String label, @Nullable String json) {
        var head = new Span(label);
        head.addClassName("sl-audit-side-head");
        var pre = new Pre(json == null ? "—" : json);
        var box = new Div(head, pre);
        box.addClassName("sl-audit-side");
        return box;
    }
}
