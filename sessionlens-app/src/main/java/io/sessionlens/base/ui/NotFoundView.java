package io.sessionlens.base.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.ParentLayout;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletResponse;

/** A link that leads nowhere: say so plainly and offer the way back. */
@ParentLayout(MainLayout.class)
@PermitAll
public class NotFoundView extends VerticalLayout implements HasErrorParameter<NotFoundException> {

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        removeAll();
        setId("error-view");
        add(new H2("Page not found"),
                new Paragraph(
                        "There is no page at /" + event.getLocation().getPath() + ". The link may be mistyped, or the "
                                + "session or trace it pointed to is not in this SessionLens."),
                new Anchor("sessions", "Go to all sessions"));
        return HttpServletResponse.SC_NOT_FOUND;
    }
}
