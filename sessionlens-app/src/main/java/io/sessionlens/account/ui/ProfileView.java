package io.sessionlens.account.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Code;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.sessionlens.account.AccountProblem;
import io.sessionlens.account.ApiToken;
import io.sessionlens.account.CreatedToken;
import io.sessionlens.account.TokenService;
import io.sessionlens.base.security.CurrentUser;
import io.sessionlens.base.ui.TimeFormat;
import jakarta.annotation.security.PermitAll;

/** Who I am, and my personal API tokens: create one (shown once), see when each was last used, revoke one. */
@Route("profile")
@PageTitle("Profile · SessionLens")
@PermitAll
class ProfileView extends VerticalLayout {
    private final TokenService tokens;
    private final String me = CurrentUser.actor();
    private final Div list = new Div();
    private final Div created = new Div();

    ProfileView(TokenService tokens) {
        this.tokens = tokens;
        addClassName("sl-page");
        add(new H2("Profile"));
        var who = new Paragraph("Signed in as " + me + ", role "
                + CurrentUser.role().map(r -> r.label()).orElse("none") + ".");
        who.setId("profile-who");
        add(who);

        add(new H3("API tokens"));
        add(new Paragraph("A token lets a script use the JSON API as you, with your role: send it as "
                + "Authorization: Bearer <token>. It is shown once, when you create it; revoke it when it is no "
                + "longer needed or may have leaked."));
        var name = new TextField("Token name");
        name.setId("token-name");
        name.setPlaceholder("e.g. nightly import");
        name.setMaxLength(TokenService.NAME_MAX);
        var create = new Button("Create token", e -> create(name));
        create.setId("token-create");
        create.addThemeVariants(ButtonVariant.PRIMARY);
        var form = new HorizontalLayout(name, create);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);
        form.setWrap(true);
        created.setId("token-created");
        created.setWidthFull();

        list.setId("tokens");
        list.addClassName("sl-token-list");
        add(form, created, list);
        refresh();
    }

    private void create(TextField name) {
        try {
            CreatedToken t = tokens.create(me, name.getValue());
            name.clear();
            var code = new Code(t.token());
            code.setId("token-value");
            code.addClassName("sl-token-value");
            var box = new Div(new Paragraph("Token \"" + t.name() + "\" — copy it now, it is not shown again:"), code);
            box.addClassName("sl-token-box");
            created.removeAll();
            created.add(box);
            refresh();
        } catch (AccountProblem p) {
            Notification.show(p.getMessage()).addThemeVariants(NotificationVariant.ERROR);
        }
    }

    private void revoke(ApiToken t) {
        tokens.revoke(me, t.id());
        created.removeAll();
        Notification.show("Token \"" + t.name() + "\" revoked");
        refresh();
    }

    /** One row per token (a list, not a grid: it wraps on a phone instead of scrolling sideways). */
    private void refresh() {
        list.removeAll();
        var mine = tokens.tokens(me);
        if (mine.isEmpty()) list.add(new Paragraph("No tokens yet."));
        for (ApiToken t : mine) {
            var name = new Span(t.name());
            name.addClassName("sl-token-name");
            var when = new Span("created " + TimeFormat.minutes(t.createdAt()) + " · last used "
                    + (t.lastUsedAt() == null ? "never" : TimeFormat.minutes(t.lastUsedAt())));
            when.addClassName("sl-small");
            var revoke = new Button("Revoke", e -> revoke(t));
            revoke.addThemeVariants(ButtonVariant.SMALL, ButtonVariant.ERROR);
            revoke.getElement().setAttribute("data-token", t.name());
            var row = new Div(new Div(name, when), revoke);
            row.addClassName("sl-token-row");
            list.add(row);
        }
    }
}
