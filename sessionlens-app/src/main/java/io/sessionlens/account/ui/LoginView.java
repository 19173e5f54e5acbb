package io.sessionlens.account.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.html.Code;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import io.sessionlens.account.AccountService;
import io.sessionlens.account.UserAccount;
import io.sessionlens.base.security.CurrentUser;
import io.sessionlens.base.ui.MainLayout;
import java.util.List;

/**
 * The sign-in page: Vaadin's login form posting to Spring Security. With the demo accounts on it lists them (their
 * password is their name), so a newcomer gets in at once; otherwise it says where the first admin's password is.
 */
@Route(value = "login", autoLayout = false)
@PageTitle("Sign in · SessionLens")
@AnonymousAllowed
public class LoginView extends Div implements BeforeEnterObserver {
    private final LoginForm form = new LoginForm();

    LoginView(AccountService accounts) {
        addClassName("sl-login");
        var title = new H1("SessionLens");
        var tagline = new Paragraph("where did the chat go wrong?");
        tagline.addClassName("sl-login-tagline");
        form.setAction("login");
        form.setForgotPasswordButtonVisible(false);
        form.setId("login-form");
        var box = new Div(title, tagline, form, help(accounts.demoAccounts()));
        box.addClassName("sl-login-box");
        add(box);
    }

    private static Div help(List<UserAccount> demo) {
        var help = new Div();
        help.setId("login-help");
        help.addClassName("sl-login-help");
        if (!demo.isEmpty()) {
            help.add(new Paragraph("Demo accounts — the password is the user name:"));
            var list = new Div();
            list.setId("demo-accounts");
            list.addClassName("sl-demo-accounts");
            for (UserAccount u : demo) {
                var row = new Div(new Code(u.username()), new Span(what(u)));
                row.addClassName("sl-demo-account");
                list.add(row);
            }
            help.add(list);
        } else {
            help.add(new Paragraph("First start? The user is admin; its password is what SESSIONLENS_ADMIN_PASSWORD"
                    + " said, or the one printed once in the server log."));
        }
        return help;
    }

    private static String what(UserAccount u) {
        return switch (u.role()) {
            case VIEWER -> "reads";
            case ANALYST -> "also imports";
            case MANAGER -> "also experiment settings, audit log";
            case ADMIN -> "also users";
        };
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        MainLayout.applyStoredTheme(event.getUI());
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (CurrentUser.username().isPresent()) {
            event.forwardTo("");
            return;
        }
        form.setError(event.getLocation().getQueryParameters().getParameters().containsKey("error"));
    }
}
