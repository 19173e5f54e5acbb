package io.sessionlens.base.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.ParentLayout;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Anything unexpected while opening a page: a clear message for the analyst, the details in the server log (never a
 * stack trace on screen, which could carry trace content).
 */
@ParentLayout(MainLayout.class)
@PermitAll
public class ErrorView extends VerticalLayout implements HasErrorParameter<Exception> {
    private static final Logger log = LoggerFactory.getLogger(ErrorView.class);

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<Exception> parameter) {
        log.error("Error opening /{}", event.getLocation().getPathWithQueryParameters(), parameter.getException());
        removeAll();
        setId("error-view");
        add(new H2("Something went wrong"),
                new Paragraph(
                        "SessionLens could not open this page (" + parameter.getException().getClass().getSimpleName()
                                + "). The details are in the server log; your data is unchanged."),
                new Anchor("sessions", "Go to all sessions"));
        return HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
    }
}
