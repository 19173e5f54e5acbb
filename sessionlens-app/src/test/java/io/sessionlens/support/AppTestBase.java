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
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class AppTestBase {
    public static final Path DATA_DIR = Path.of("target", "test-data", UUID.randomUUID().toString()).toAbsolutePath();

    @LocalServerPort protected int port;

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("sessionlens.data-dir", DATA_DIR::toString);
        registry.add("sessionlens.demo-data", () -> "false");
        // the dev-mode popup would cover the navbar in screenshots and clicks
        registry.add("vaadin.devmode.devTools.enabled", () -> "false");
    }

    protected String baseUrl() {
        return "http://localhost:" + port;
    }
}
