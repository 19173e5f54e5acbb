package io.sessionlens.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.spring.security.AuthenticationContext;
import com.vaadin.flow.theme.lumo.Lumo;
import io.sessionlens.base.security.CurrentUser;
import jakarta.annotation.security.PermitAll;

/**
 * The one app shell: navigation (what the signed-in user's role may open), who is signed in with a link to their profile
 * and a sign-out button, and a light/dark switch that the browser remembers.
 */
@Layout
@PermitAll
public final class MainLayout extends AppLayout {

    public MainLayout(AuthenticationContext auth) {
        var title = new H1("SessionLens");
        title.getStyle().set("font-size", "var(--lumo-font-size-l)").set("margin", "0");
        var tagline = new Span("where did the chat go wrong?");
        tagline.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
        tagline.addClassName("sl-tagline");

        var theme = new Button(VaadinIcon.ADJUST.create(), e -> toggleTheme());
        theme.setId("theme-toggle");
        theme.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        theme.setAriaLabel("Switch light/dark theme");
        theme.setTooltipText("Switch light/dark theme");

        var me = new Anchor("profile", CurrentUser.actor() + " · " + CurrentUser.role().map(r -> r.label()).orElse(""));
        me.setId("current-user");
        me.getElement().setAttribute("title", "Your profile and API tokens");
        me.addClassName("sl-current-user");
        var signOut = new Button(VaadinIcon.SIGN_OUT.create(), e -> auth.logout());
        signOut.setId("sign-out");
        signOut.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        signOut.setAriaLabel("Sign out");
        signOut.setTooltipText("Sign out");

        var bar = new HorizontalLayout(new DrawerToggle(), title, tagline, me, signOut, theme);
        bar.setWidthFull();
        bar.setAlignItems(FlexComponent.Alignment.CENTER);
        bar.expand(tagline);
        bar.getStyle().set("padding-right", "var(--lumo-space-m)");
        addToNavbar(bar);

        var nav = new SideNav();
        nav.addItem(new SideNavItem("Sessions", "sessions", VaadinIcon.CHAT.create()));
        nav.addItem(new SideNavItem("Investigations", "investigations", VaadinIcon.PIN.create()));
        if (CurrentUser.canWrite()) nav.addItem(new SideNavItem("Import", "import", VaadinIcon.UPLOAD.create()));
        if (CurrentUser.canWrite())
            nav.addItem(new SideNavItem("Review queues", "queues", VaadinIcon.TASKS.create()));
        if (CurrentUser.canManage())
            nav.addItem(new SideNavItem("Overview", "overview", VaadinIcon.CHART.create()));
        if (CurrentUser.canManage()) nav.addItem(new SideNavItem("Audit log", "audit", VaadinIcon.RECORDS.create()));
        if (CurrentUser.isAdmin()) nav.addItem(new SideNavItem("Users", "users", VaadinIcon.USERS.create()));
        nav.addItem(new SideNavItem("Profile", "profile", VaadinIcon.USER.create()));
        addToDrawer(nav);
        setPrimarySection(Section.DRAWER);

        applyStoredTheme(UI.getCurrent());
    }

    /**
     * Re-applies the theme the analyst chose last time (kept in the browser, not on the server), else the browser's
     * preference; the app shell's inline script did the same before the first paint. The login page uses it too.
     */
    public static void applyStoredTheme(UI ui) {
        ui.getPage().executeJs(
                "const t = localStorage.getItem('sessionlens-theme');"
                        + " if (t === 'dark' || (t !== 'light' && window.matchMedia('(prefers-color-scheme: dark)').matches))"
                        + " document.documentElement.setAttribute('theme', 'dark');");
    }

    private void toggleTheme() {
        UI.getCurrent().getPage().executeJs(
                """
                        const dark = document.documentElement.getAttribute('theme') === $0;
                        if (dark) { document.documentElement.removeAttribute('theme'); localStorage.setItem('sessionlens-theme', 'light'); }
                        else { document.documentElement.setAttribute('theme', $0); localStorage.setItem('sessionlens-theme', 'dark'); }
                        """,
                Lumo.DARK);
    }
}
