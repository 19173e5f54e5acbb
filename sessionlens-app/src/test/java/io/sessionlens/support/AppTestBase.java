package io.sessionlens.support;

import java.nio.file.Path;
import java.util.UUID;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole app on a real H2 file database in a fresh directory under target/ (never the analyst's ./data), started once
 * per test run and shared by the integration and browser tests. Tests use their own experiment ids to stay independent.
 * Every request needs a login: {@link Http} signs in as the test admin unless told otherwise, {@link BrowserTestBase}
 * opens pages signed in; {@link TestUsers} has a user of each role.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class AppTestBase {
    public static final Path DATA_DIR = Path.of("target", "test-data", UUID.randomUUID().toString()).toAbsolutePath();

    @LocalServerPort protected int port;

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("sessionlens.data-dir", DATA_DIR::toString);
        registry.add("sessionlens.demo-data", () -> "false");
        // the first admin (user admin) with a known password; the other test users are made through the API
        registry.add("sessionlens.admin-password", () -> TestUsers.ADMIN_PASSWORD);
        // BCrypt's cheapest cost: every API call of the tests checks a password
        registry.add("sessionlens.security.bcrypt-strength", () -> "4");
        // the dev-mode popup would cover the navbar in screenshots and clicks
        registry.add("vaadin.devmode.devTools.enabled", () -> "false");
    }

    protected String baseUrl() {
        return "http://localhost:" + port;
    }
}
