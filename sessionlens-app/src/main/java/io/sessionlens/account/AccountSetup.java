package io.sessionlens.account;

import io.sessionlens.account.persistence.TokenRepository;
import io.sessionlens.account.persistence.UserEntity;
import io.sessionlens.account.persistence.UserRepository;
import io.sessionlens.audit.AuditLog;
import io.sessionlens.base.security.Role;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * On every start: the first admin and the demo accounts (decision record 021).
 * <ul>
 * <li>Demo accounts off ({@code sessionlens.demo-accounts=false}, the default when {@code sessionlens.demo-data=false}):
 * every account the demo set-up made is disabled and its password replaced by one that matches nothing, and its tokens
 * are deleted, so a production start on a data dir that once ran the demo has no known password.</li>
 * <li>No enabled admin: user {@code admin} gets {@code sessionlens.admin-password} ({@code SESSIONLENS_ADMIN_PASSWORD}),
 * else a random password written once to the log. (With the demo accounts on and no admin password set, the demo's
 * {@code admin} is the first admin.)</li>
 * <li>Demo accounts on: {@code viewer}, {@code analyst}, {@code manager} and {@code admin}, each with its name as
 * password, unless a real account has that name.</li>
 * </ul>
 */
@Component
@Order(0)
class AccountSetup implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(AccountSetup.class);
    static final String ADMIN = "admin";
    /** A stored password that no password matches (not a BCrypt hash at all). */
    static final String NO_PASSWORD = "!disabled";
    static final List<Role> DEMO_ROLES = List.of(Role.VIEWER, Role.ANALYST, Role.MANAGER, Role.ADMIN);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final UserRepository users;
    private final TokenRepository tokens;
    private final PasswordEncoder encoder;
    private final AuditLog audit;
    private final Clock clock;
    private final boolean demoAccounts;
    private final String adminPassword;

    AccountSetup(UserRepository users, TokenRepository tokens, PasswordEncoder encoder, AuditLog audit, Clock clock,
            @Value("${sessionlens.demo-accounts:${sessionlens.demo-data:true}}") boolean demoAccounts,
            @Value("${sessionlens.admin-password:}") String adminPassword) {
        this.users = users;
        this.tokens = tokens;
        this.encoder = encoder;
        this.audit = audit;
        this.clock = clock;
        this.demoAccounts = demoAccounts;
        this.adminPassword = adminPassword;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        apply(demoAccounts, adminPassword);
    }

    /** The start-up rules above, for these settings. Public to the package so that a test can switch the demo. */
    @Transactional
    void apply(boolean demo, @Nullable String configuredAdminPassword) {
        if (!demo) disableDemoAccounts();
        boolean configured = configuredAdminPassword != null && !configuredAdminPassword.isBlank();
        if (users.countByRoleAndEnabledTrue(Role.ADMIN.name()) == 0 && (configured || !demo)) {
            String password = configured ? configuredAdminPassword : randomPassword();
            if (configured) AccountService.checkPassword(password);
            UserEntity admin = users.findById(ADMIN).orElse(null);
            if (admin == null) {
                users.save(new UserEntity(ADMIN, encoder.encode(password), Role.ADMIN.name(), false, clock.instant()));
            } else {
                admin.setPasswordHash(encoder.encode(password));
                admin.setRole(Role.ADMIN.name());
                admin.setDemo(false);
                admin.setEnabled(true);
            }
            audit.record(AuditLog.USER_CREATED, ADMIN, "first admin " + ADMIN + " set up ("
                    + (configured ? "password from sessionlens.admin-password" : "random password in the log") + ")",
                    null, Map.of("role", Role.ADMIN.label()));
            if (configured) log.info("First admin: user '{}' with the password of sessionlens.admin-password", ADMIN);
            else
                log.warn("\n\n    First admin: user '{}', password '{}' (shown only this once: sign in and keep it;"
                        + " set SESSIONLENS_ADMIN_PASSWORD instead to choose it)\n", ADMIN, password);
        }
        if (demo) enableDemoAccounts();
    }

    private void disableDemoAccounts() {
        List<String> disabled = new ArrayList<>();
        for (UserEntity u : users.findByDemoTrue()) {
            if (!u.isEnabled() && NO_PASSWORD.equals(u.getPasswordHash())) continue;
            u.setEnabled(false);
            u.setPasswordHash(NO_PASSWORD);
            tokens.deleteByOwner(u.getUsername());
            disabled.add(u.getUsername());
        }
        if (disabled.isEmpty()) return;
        users.flush();
        log.info("Demo accounts off: {} disabled", disabled);
        audit.record(AuditLog.USER_ROLE_CHANGED, String.join(", ", disabled),
                "demo accounts disabled (sessionlens.demo-accounts=false): " + String.join(", ", disabled),
                Map.of("enabled", true), Map.of("enabled", false));
    }

    private void enableDemoAccounts() {
        List<String> enabled = new ArrayList<>();
        for (Role role : DEMO_ROLES) {
            String name = role.label();
            UserEntity u = users.findById(name).orElse(null);
            if (u == null) {
                users.save(new UserEntity(name, encoder.encode(name), role.name(), true, clock.instant()));
                enabled.add(name);
            } else if (u.isDemo() && (!u.isEnabled() || !encoder.matches(name, u.getPasswordHash()))) {
                u.setEnabled(true);
                u.setRole(role.name());
                u.setPasswordHash(encoder.encode(name));
                enabled.add(name);
            }
        }
        if (enabled.isEmpty()) return;
        log.info("Demo accounts (password = user name): {}", enabled);
        audit.record(AuditLog.USER_CREATED, String.join(", ", enabled),
                "demo accounts enabled (password = user name): " + String.join(", ", enabled), null, null);
    }

    private static String randomPassword() {
        byte[] b = new byte[15];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
