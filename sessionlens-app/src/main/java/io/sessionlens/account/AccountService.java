package io.sessionlens.account;

import io.sessionlens.account.AccountProblem.Kind;
import io.sessionlens.account.persistence.TokenRepository;
import io.sessionlens.account.persistence.UserEntity;
import io.sessionlens.account.persistence.UserRepository;
import io.sessionlens.audit.AuditLog;
import io.sessionlens.base.security.Role;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Users and their roles. An admin creates users, changes roles and passwords and removes users; the last admin can
 * neither lose the role nor be removed. Every change is in the audit log. Decision record 021.
 */
@Service
public class AccountService {
    /** Passwords: at least this long, and at most 72 bytes (BCrypt reads no further). */
    public static final int PASSWORD_MIN = 10;
    public static final int PASSWORD_MAX_BYTES = 72;
    public static final int USERNAME_MAX = 100;
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]{1," + USERNAME_MAX + "}");

    private final UserRepository users;
    private final TokenRepository tokens;
    private final PasswordEncoder encoder;
    private final AuditLog audit;
    private final Clock clock;

    AccountService(UserRepository users, TokenRepository tokens, PasswordEncoder encoder, AuditLog audit,
            Clock clock) {
        this.users = users;
        this.tokens = tokens;
        this.encoder = encoder;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<UserAccount> users() {
        return users.findAllByOrderByUsername().stream().map(AccountService::row).toList();
    }

    @Transactional(readOnly = true)
    public java.util.Optional<UserAccount> user(String username) {
        return users.findById(username).map(AccountService::row);
    }

    /** The demo accounts that can sign in now (their password is their name), for the login page. */
    @Transactional(readOnly = true)
    public List<UserAccount> demoAccounts() {
        return users.findByDemoTrueAndEnabledTrueOrderByUsername().stream().map(AccountService::row)
                .sorted(java.util.Comparator.comparing(UserAccount::role)).toList();
    }

    @Transactional
    public UserAccount create(String username, String password, Role role) {
        String name = checkUsername(username);
        checkPassword(password);
        if (users.existsById(name)) throw new AccountProblem(Kind.CONFLICT, "there is already a user " + name);
        var e = users.save(new UserEntity(name, encoder.encode(password), role.name(), false, clock.instant()));
        audit.record(AuditLog.USER_CREATED, name, "user " + name + " created as " + role.label(), null,
                Map.of("role", role.label()));
        return row(e);
    }

    @Transactional
    public UserAccount changeRole(String username, Role role) {
        UserEntity e = existing(username);
        Role before = Role.valueOf(e.getRole());
        if (before == role) return row(e);
        if (before == Role.ADMIN) keepAnAdmin(e, "take the admin role from");
        e.setRole(role.name());
        audit.record(AuditLog.USER_ROLE_CHANGED, e.getUsername(),
                "role of " + e.getUsername() + ": " + before.label() + " → " + role.label(),
                Map.of("role", before.label()), Map.of("role", role.label()));
        return row(e);
    }

    @Transactional
    public UserAccount changePassword(String username, String password) {
        UserEntity e = existing(username);
        checkPassword(password);
        e.setPasswordHash(encoder.encode(password));
        e.setDemo(false);   // a demo account with a password of its own is a real account now
        audit.record(AuditLog.USER_PASSWORD_CHANGED, e.getUsername(), "password of " + e.getUsername() + " changed",
                null, null);
        return row(e);
    }

    @Transactional
    public void remove(String username) {
        UserEntity e = existing(username);
        if (Role.valueOf(e.getRole()) == Role.ADMIN) keepAnAdmin(e, "remove");
        tokens.deleteByOwner(e.getUsername());
        users.delete(e);
        audit.record(AuditLog.USER_REMOVED, e.getUsername(), "user " + e.getUsername() + " removed",
                Map.of("role", Role.valueOf(e.getRole()).label()), null);
    }

    /** Throws a message naming what is wrong with the password, if anything. */
    public static void checkPassword(@Nullable String password) {
        if (password == null || password.length() < PASSWORD_MIN)
            throw new AccountProblem(Kind.INVALID, "a password needs at least " + PASSWORD_MIN + " characters");
        if (password.getBytes(StandardCharsets.UTF_8).length > PASSWORD_MAX_BYTES)
            throw new AccountProblem(Kind.INVALID, "a password may have at most " + PASSWORD_MAX_BYTES
                    + " bytes (UTF-8); longer ones are not checked beyond that");
        if (password.isBlank()) throw new AccountProblem(Kind.INVALID, "a password cannot be only spaces");
    }

    static String checkUsername(@Nullable String username) {
        if (username == null || !USERNAME.matcher(username).matches())
            throw new AccountProblem(Kind.INVALID, "a user name has 1 to " + USERNAME_MAX
                    + " letters, digits or . _ @ - (no spaces)");
        return username;
    }

    private void keepAnAdmin(UserEntity e, String what) {
        if (e.isEnabled() && users.countByRoleAndEnabledTrue(Role.ADMIN.name()) <= 1)
            throw new AccountProblem(Kind.CONFLICT,
                    "cannot " + what + " " + e.getUsername() + ": it is the last admin");
    }

    private UserEntity existing(String username) {
        return users.findById(username)
                .orElseThrow(() -> new AccountProblem(Kind.NOT_FOUND, "there is no user " + username));
    }

    static UserAccount row(UserEntity e) {
        return new UserAccount(e.getUsername(), Role.valueOf(e.getRole()), e.isDemo(), e.isEnabled(),
                e.getCreatedAt());
    }
}
