package io.sessionlens.session.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;
import io.sessionlens.session.SessionFilter;
import io.sessionlens.session.SessionRow;
import io.sessionlens.session.SessionService;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The start page: every session, newest first, searchable. Paging and sorting happen in SQL. */
@Route("sessions")
@RouteAlias("")
@PageTitle("Sessions · SessionLens")
class SessionsView extends VerticalLayout {
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    private final SessionService sessions;
    private final Grid<SessionRow> grid = new Grid<>(SessionRow.class, false);
    private SessionFilter filter = SessionFilter.none();

    SessionsView(SessionService sessions) {
        this.sessions = sessions;
        setSizeFull();
        var search = new TextField();
        search.setId("session-search");
        search.setPlaceholder("Search session id or turn text");
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setWidth("24em");
        search.addValueChangeListener(e -> {
            filter = filter.withText(e.getValue());
            grid.getDataProvider().refreshAll();
        });
        var importLink = new Anchor("import", "Import traces");
        var header = new HorizontalLayout(new H2("Sessions"), search, importLink);
        header.setAlignItems(Alignment.BASELINE);
        add(header);

        grid.setId("sessions-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.addColumn(SessionRow::sessionId).setHeader("Session").setKey("sessionKey").setSortable(true).setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(SessionRow::experimentId).setHeader("Experiment").setKey("experimentId").setSortable(true).setAutoWidth(true);
        grid.addColumn(SessionRow::user).setHeader("User").setKey("userId").setSortable(true).setAutoWidth(true);
        grid.addColumn(SessionRow::turnCount).setHeader("Turns").setKey("turnCount").setSortable(true).setAutoWidth(true);
        grid.addColumn(r -> TIME.format(r.lastRequestTime())).setHeader("Last turn (UTC)").setKey("lastRequestTime")
                .setSortable(true).setAutoWidth(true);
        grid.addComponentColumn(r -> stateBadge(r)).setHeader("State").setKey("worstState").setSortable(true).setAutoWidth(true);
        grid.addColumn(SessionRow::errorTurns).setHeader("Error turns").setKey("errorTurns").setSortable(true).setAutoWidth(true);
        grid.addColumn(SessionRow::firstInput).setHeader("First input").setFlexGrow(1);
        grid.setItems(query -> sessions.search(filter, VaadinSpringDataHelpers.toSpringPageRequest(query)).stream());
        grid.setSizeFull();
        add(grid);
        if (sessions.count(SessionFilter.none()) == 0) {
            var empty = new Span("No sessions yet. ");
            empty.setId("sessions-empty");
            var go = new Button("Import MLflow traces", e -> getUI().ifPresent(ui -> ui.navigate("import")));
            add(new HorizontalLayout(empty, go));
        }
    }

    private static Span stateBadge(SessionRow r) {
        var s = new Span(r.state() + (r.standalone() ? " · no session id" : ""));
        s.getElement().getThemeList().add("ERROR".equals(r.state()) ? "badge error" : "OK".equals(r.state()) ? "badge success" : "badge");
        return s;
    }
}
