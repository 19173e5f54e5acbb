package io.sessionlens.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.sessionlens.base.security.Role;
import io.sessionlens.session.index.BackgroundAnalysisTest;
import io.sessionlens.support.AppTestBase;
import io.sessionlens.support.Http;
import io.sessionlens.support.TestUsers;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/** Who may call what in the JSON API: 401 without credentials, 403 for a role that may not, Basic and tokens. */
class ApiAuthTest extends AppTestBase {
    @Autowired
    @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;

    Http http() {
        return new Http(baseUrl());
    }

    @Test
    void every_api_endpoint_answers_401_with_a_json_error_without_credentials() {
        List<String> calls = new ArrayList<>();
        mappings.getHandlerMethods().forEach((info, method) -> {
            for (String pattern : info.getPatternValues()) {
                if (!pattern.startsWith("/api/")) continue;
                String path = pattern.replaceAll("\\{[^}]+}", "x");
                var methods = info.getMethodsCondition().getMethods();
                for (RequestMethod m : methods.isEmpty() ? List.of(RequestMethod.GET) : methods)
                    calls.add(m.name() + " " + path);
            }
        });
        assertThat(calls).contains("POST /api/imports", "GET /api/sessions", "PUT /api/experiments/x/settings",
                "GET /api/users", "POST /api/users", "PATCH /api/users/x", "DELETE /api/users/x", "GET /api/tokens",
                "POST /api/tokens", "DELETE /api/tokens/x", "GET /api/audit");
        var anonymous = http().anonymous();
        for (String call : calls) {
            String[] mp = call.split(" ", 2);
            var a = anonymous.send(mp[0], mp[1], mp[0].equals("GET") || mp[0].equals("DELETE") ? null : "{}");
            assertThat(a.status()).as(call).isEqualTo(401);
            assertThat(a.json().get("error").asString()).as(call).startsWith("sign in first");
        }
        var wrong = http().as(TestUsers.ADMIN, "not-the-password").get("/api/sessions");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.json().get("error").asString()).contains("do not match");
        assertThat(http().anonymous().get("/api/no-such-endpoint").status()).isEqualTo(401);
    }

    @Test
    void a_viewer_reads_and_gets_403_on_every_write() {
        var viewer = http().as(Role.VIEWER);
        assertThat(viewer.get("/api/sessions").status()).isEqualTo(200);
        assertThat(viewer.get("/api/experiments/exp-x/settings").status()).isEqualTo(200);
        var imp = viewer.postJson("/api/imports", BackgroundAnalysisTest.trace("exp-viewer", "s", hex(1)));
        assertThat(imp.status()).isEqualTo(403);
        assertThat(imp.json().get("error").asString()).contains("viewer").contains("POST /api/imports");
        assertThat(viewer.putJson("/api/experiments/exp-viewer/settings", "{}").status()).isEqualTo(403);
        assertThat(viewer.postJson("/api/users", "{}").status()).isEqualTo(403);
        assertThat(viewer.get("/api/users").status()).isEqualTo(403);
        assertThat(viewer.get("/api/audit").status()).isEqualTo(403);
        assertThat(http().get("/api/sessions?experimentId=exp-viewer").json().get("total").asInt()).isZero();
    }

    @Test
    void an_analyst_imports_a_manager_changes_settings_and_reads_the_audit_an_admin_manages_users() {
        var analyst = http().as(Role.ANALYST);
        assertThat(analyst.postJson("/api/imports", BackgroundAnalysisTest.trace("exp-roles", "s", hex(2))).status())
                .isEqualTo(200);
        assertThat(analyst.putJson("/api/experiments/exp-roles/settings", "{}").status()).isEqualTo(403);
        assertThat(analyst.get("/api/audit").status()).isEqualTo(403);

        var manager = http().as(Role.MANAGER);
        assertThat(manager.putJson("/api/experiments/exp-roles/settings", "{\"failingValues\":{\"tone\":[\"curt\"]}}")
                .status()).isEqualTo(200);
        assertThat(manager.get("/api/audit").status()).isEqualTo(200);
        assertThat(manager.get("/api/users").status()).isEqualTo(403);
        assertThat(http().get("/api/users").status()).isEqualTo(200);
    }

    @Test
    void an_admin_creates_changes_and_removes_users_with_clear_refusals() {
        var admin = http();
        var made = admin.postJson("/api/users",
                "{\"username\":\"ulla\",\"password\":\"long-enough-1\",\"role\":\"viewer\"}");
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        assertThat(made.json().get("role").asString()).isEqualTo("viewer");
        assertThat(made.body()).doesNotContain("long-enough-1").doesNotContainIgnoringCase("hash");
        assertThat(admin.as("ulla", "long-enough-1").get("/api/sessions").status()).isEqualTo(200);

        var again = admin.postJson("/api/users",
                "{\"username\":\"ulla\",\"password\":\"long-enough-1\",\"role\":\"viewer\"}");
        assertThat(again.status()).isEqualTo(409);
        var shortPassword = admin.postJson("/api/users",
                "{\"username\":\"kim\",\"password\":\"short\",\"role\":\"viewer\"}");
        assertThat(shortPassword.status()).isEqualTo(400);
        assertThat(shortPassword.json().get("error").asString()).contains("at least 10 characters");
        var badRole = admin.postJson("/api/users",
                "{\"username\":\"kim\",\"password\":\"long-enough-1\",\"role\":\"boss\"}");
        assertThat(badRole.status()).isEqualTo(400);
        assertThat(badRole.json().get("error").asString()).contains("viewer").contains("boss");
        var badName = admin.postJson("/api/users",
                "{\"username\":\"a b\",\"password\":\"long-enough-1\",\"role\":\"viewer\"}");
        assertThat(badName.status()).isEqualTo(400);
        assertThat(admin.postJson("/api/users", "not json").status()).isEqualTo(400);

        var promoted = admin.patchJson("/api/users/ulla", "{\"role\":\"analyst\"}");
        assertThat(promoted.status()).isEqualTo(200);
        assertThat(promoted.json().get("role").asString()).isEqualTo("analyst");
        assertThat(admin.as("ulla", "long-enough-1")
                .postJson("/api/imports", BackgroundAnalysisTest.trace("exp-ulla", "s", hex(3))).status())
                .isEqualTo(200);
        assertThat(admin.patchJson("/api/users/ulla", "{\"password\":\"another-long-1\"}").status()).isEqualTo(200);
        assertThat(admin.as("ulla", "long-enough-1").get("/api/sessions").status()).isEqualTo(401);
        assertThat(admin.as("ulla", "another-long-1").get("/api/sessions").status()).isEqualTo(200);

        assertThat(admin.delete("/api/users/ulla").status()).isEqualTo(204);
        assertThat(admin.as("ulla", "another-long-1").get("/api/sessions").status()).isEqualTo(401);
        assertThat(admin.delete("/api/users/ulla").status()).isEqualTo(404);
        assertThat(admin.patchJson("/api/users/nobody", "{\"role\":\"viewer\"}").status()).isEqualTo(404);
    }

    @Test
    void the_last_admin_can_neither_be_removed_nor_lose_the_role() {
        var admin = http();
        var demote = admin.patchJson("/api/users/admin", "{\"role\":\"manager\"}");
        assertThat(demote.status()).isEqualTo(409);
        assertThat(demote.json().get("error").asString()).contains("last admin");
        assertThat(admin.delete("/api/users/admin").status()).isEqualTo(409);
        assertThat(admin.get("/api/users").json().valueStream()
                .anyMatch(
                        u -> u.get("username").asString().equals("admin") && u.get("role").asString().equals("admin")))
                .isTrue();
    }

    @Test
    void a_personal_token_works_as_bearer_until_revoked() {
        var analyst = http().as(Role.ANALYST);
        var made = analyst.postJson("/api/tokens", "{\"name\":\"nightly import\"}");
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        String token = made.json().get("token").asString();
        long id = made.json().get("id").asLong();
        assertThat(token).startsWith("sl_").hasSizeGreaterThan(40);

        var bearer = http().anonymous().withToken(token);
        assertThat(bearer.get("/api/sessions").status()).isEqualTo(200);
        assertThat(bearer.postJson("/api/imports", BackgroundAnalysisTest.trace("exp-token", "s", hex(4))).status())
                .isEqualTo(200);   // the owner's role: an analyst imports
        assertThat(bearer.get("/api/audit").status()).isEqualTo(403);

        JsonNode listed = analyst.get("/api/tokens").json();
        assertThat(listed.valueStream().map(t -> t.get("name").asString())).contains("nightly import");
        assertThat(analyst.get("/api/tokens").body()).doesNotContain(token);
        assertThat(listed.valueStream().filter(t -> t.get("id").asLong() == id).findFirst().orElseThrow()
                .get("lastUsedAt").isNull()).isFalse();

        assertThat(http().as(Role.VIEWER).delete("/api/tokens/" + id).status()).isEqualTo(404);   // not theirs
        assertThat(analyst.delete("/api/tokens/" + id).status()).isEqualTo(204);
        var revoked = bearer.get("/api/sessions");
        assertThat(revoked.status()).isEqualTo(401);
        assertThat(revoked.json().get("error").asString()).contains("unknown or revoked");
        assertThat(http().anonymous().withToken("sl_made-up").get("/api/sessions").status()).isEqualTo(401);
        assertThat(analyst.postJson("/api/tokens", "{\"name\":\"  \"}").status()).isEqualTo(400);
    }

    @Test
    void a_removed_users_tokens_stop_working() {
        var admin = http();
        assertThat(admin
                .postJson("/api/users", "{\"username\":\"temp\",\"password\":\"long-enough-2\",\"role\":\"viewer\"}")
                .status()).isEqualTo(201);
        String token = admin.as("temp", "long-enough-2").postJson("/api/tokens", "{\"name\":\"t\"}").json().get("token")
                .asString();
        assertThat(admin.anonymous().withToken(token).get("/api/sessions").status()).isEqualTo(200);
        assertThat(admin.delete("/api/users/temp").status()).isEqualTo(204);
        assertThat(admin.anonymous().withToken(token).get("/api/sessions").status()).isEqualTo(401);
    }

    @Test
    void signed_in_writes_from_another_site_are_still_refused_and_headers_are_not_doubled() {
        var a = http().send("/api/imports", "[]", "application/json", "https://evil.example");
        assertThat(a.status()).isEqualTo(403);
        assertThat(a.json().get("error").asString()).contains("another site");
        for (String path : List.of("/api/sessions", "/login", "/")) {
            var h = http().headers(path);
            assertThat(h.allValues("X-Frame-Options")).as(path).containsExactly("SAMEORIGIN");
            assertThat(h.allValues("X-Content-Type-Options")).as(path).containsExactly("nosniff");
            assertThat(h.allValues("Content-Security-Policy")).as(path).hasSize(1);
        }
    }

    static String hex(int n) {
        return "%032x".formatted(0xacc0000L + n);
    }
}
