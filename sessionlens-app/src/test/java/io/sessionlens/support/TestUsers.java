package io.sessionlens.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.sessionlens.base.security.Role;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A user of each role for the tests: {@code admin} (the first admin, password from the test property
 * {@code sessionlens.admin-password}) and {@code test-viewer}, {@code test-analyst}, {@code test-manager}, made once
 * per running app through the users API, as an admin would.
 */
public final class TestUsers {
    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = "test-admin-password";
    private static final Set<String> READY = ConcurrentHashMap.newKeySet();

    private TestUsers() {}

    public record Login(String username, String password) {}

    public static Login of(Role role) {
        if (role == Role.ADMIN) return new Login(ADMIN, ADMIN_PASSWORD);
        return new Login("test-" + role.label(), "test-" + role.label() + "-password");
    }

    /** Makes the test users of the app at {@code base} once (a 409 means an earlier test made them). */
    public static synchronized void ensure(String base) {
        if (READY.contains(base)) return;
        var admin = new Http(base);
        for (Role r : Role.values()) {
            if (r == Role.ADMIN) continue;
            Login l = of(r);
            var a = admin.postJson("/api/users", "{\"username\":\"%s\",\"password\":\"%s\",\"role\":\"%s\"}"
                    .formatted(l.username(), l.password(), r.label()));
            assertThat(a.status()).as("create test user " + l.username() + ": " + a.body()).isIn(201, 409);
        }
        READY.add(base);
    }
}
