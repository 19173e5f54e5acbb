package io.sessionlens.account.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.sessionlens.account.AccountProblem;
import io.sessionlens.account.AccountService;
import io.sessionlens.account.UserAccount;
import io.sessionlens.base.security.Role;
import io.sessionlens.base.security.Roles;
import io.sessionlens.base.ui.TimeFormat;
import jakarta.annotation.security.RolesAllowed;

/** Admins: create users, change a user's role or password, remove a user (never the last admin). */
@Route("users")
@PageTitle("Users · SessionLens")
@RolesAllowed(Roles.ADMIN)
class UsersView extends VerticalLayout {
    private final AccountService accounts;
    private final Grid<UserAccount> grid = new Grid<>();

    UsersView(AccountService accounts) {
        this.accounts = accounts;
        addClassName("sl-page");
        add(new H2("Users"));
        add(new Paragraph("Viewers read; analysts also import; managers also change an experiment's settings and read"
                + " the audit log; admins also manage users. Passwords need at least " + AccountService.PASSWORD_MIN
                + " characters."));

        var name = new TextField("User name");
        name.setId("new-username");
        name.setMaxLength(AccountService.USERNAME_MAX);
        var password = new PasswordField("Password");
        password.setId("new-password");
        var role = roleSelect("Role");
        role.setId("new-role");
        role.setValue(Role.VIEWER);
        var create = new Button("Create user", e -> {
            if (run(() -> accounts.create(name.getValue(), password.getValue(), role.getValue()),
                    "User " + name.getValue() + " created")) {
                name.clear();
                password.clear();
            }
        });
        create.setId("user-create");
        create.addThemeVariants(ButtonVariant.PRIMARY);
        var form = new HorizontalLayout(name, password, role, create);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);
        form.setWrap(true);

        grid.setId("users");
        grid.addColumn(UserAccount::username).setHeader("User").setFlexGrow(2);
        grid.addComponentColumn(this::roleCell).setHeader("Role").setAutoWidth(true);
        grid.addColumn(u -> u.demo()
                ? (u.enabled() ? "demo account" : "demo account, disabled")
                : u.enabled() ? "" : "disabled").setHeader("Note").setAutoWidth(true);
        grid.addColumn(u -> TimeFormat.minutes(u.createdAt())).setHeader("Created").setAutoWidth(true);
        grid.addComponentColumn(this::actions).setAutoWidth(true).setFlexGrow(0);
        grid.addThemeVariants(GridVariant.NO_BORDER);
        grid.setAllRowsVisible(true);
        add(new H3("New user"), form, new H3("All users"), grid);
        refresh();
    }

    private Select<Role> roleSelect(String label) {
        var s = new Select<Role>();
        s.setLabel(label);
        s.setItems(Role.values());
        s.setItemLabelGenerator(Role::label);
        return s;
    }

    private Select<Role> roleCell(UserAccount u) {
        var s = roleSelect("");
        s.setValue(u.role());
        s.setAriaLabel("Role of " + u.username());
        s.getElement().setAttribute("data-user", u.username());
        s.addValueChangeListener(e -> {
            if (!e.isFromClient() || e.getValue() == null) return;
            if (!run(() -> accounts.changeRole(u.username(), e.getValue()),
                    "Role of " + u.username() + ": " + e.getValue().label()))
                s.setValue(e.getOldValue());
        });
        return s;
    }

    private HorizontalLayout actions(UserAccount u) {
        var password = new Button("Set password", e -> setPassword(u));
        password.addThemeVariants(ButtonVariant.SMALL);
        var remove = new Button("Remove", e -> {
            var d = new ConfirmDialog("Remove " + u.username() + "?",
                    "They can no longer sign in, and their API tokens stop working. The audit log keeps their name.",
                    "Remove", ok -> run(() -> accounts.remove(u.username()), "User " + u.username() + " removed"));
            d.setCancelable(true);
            d.setConfirmButtonTheme("error primary");
            d.open();
        });
        remove.addThemeVariants(ButtonVariant.SMALL, ButtonVariant.ERROR);
        remove.getElement().setAttribute("data-user", u.username());
        return new HorizontalLayout(password, remove);
    }

    private void setPassword(UserAccount u) {
        var field = new PasswordField("New password for " + u.username());
        field.setWidthFull();
        var d = new ConfirmDialog();
        d.setHeader("Set password");
        d.add(field);
        d.setCancelable(true);
        d.setConfirmText("Set password");
        d.setCloseOnEsc(true);
        d.addConfirmListener(ok -> run(() -> accounts.changePassword(u.username(), field.getValue()),
                "Password of " + u.username() + " changed"));
        d.open();
    }

    /** Runs an admin action; a refused one (last admin, short password …) is shown, not thrown. */
    private boolean run(Runnable action, String done) {
        try {
            action.run();
            Notification.show(done).addThemeVariants(NotificationVariant.SUCCESS);
            return true;
        } catch (AccountProblem p) {
            Notification.show(p.getMessage(), 6000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.ERROR);
            return false;
        } finally {
            refresh();
        }
    }

    private void refresh() {
        grid.setItems(accounts.users());
    }
}
