package io.sessionlens.importer;

import static org.assertj.core.api.Assertions.assertThat;

import io.sessionlens.support.AppTestBase;
import io.sessionlens.support.Fixtures;
import io.sessionlens.support.Http;
import io.sessionlens.support.TestUsers;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Issue #10: the import's limits answer early, with a JSON message that names the file and the limit. */
class ImportLimitsTest extends AppTestBase {
    Http http;

    @BeforeEach
    void client() {
        http = new Http(baseUrl());
    }

    private static byte[] multipart(String boundary, int files) throws Exception {
        var out = new ByteArrayOutputStream();
        for (int i = 1; i <= files; i++) {
            String t = ImportIsolationTest.trace(ImportIsolationTest.id("d", i), "exp-lim-files", "s", "ana");
            out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"part-" + i
                    + ".json\"\r\nContent-Type: application/json\r\n\r\n" + t + "\r\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        out.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    @Test
    void fifty_one_files_in_one_request_are_refused_with_the_limit_and_nothing_is_imported() throws Exception {
        var a = http.post("/api/imports", multipart("b51", 51), "multipart/form-data; boundary=b51");
        assertThat(a.status()).isEqualTo(413);
        assertThat(a.json().get("error").asString())
                .isEqualTo("51 files in one request, from part-1.json to part-51.json;"
                        + " at most 50 are taken (sessionlens.import.max-files): nothing was imported");
        assertThat(http.get("/api/sessions?experimentId=exp-lim-files").json().get("total").asInt()).isZero();

        var fifty = http.post("/api/imports", multipart("b50", 50), "multipart/form-data; boundary=b50");
        assertThat(fifty.status()).as(fifty.body()).isEqualTo(200);
        assertThat(fifty.json().get("files")).hasSize(50);
    }

    @Test
    void a_body_declared_larger_than_the_limit_is_refused_before_it_is_sent() throws Exception {
        try (Socket s = new Socket("localhost", port)) {
            OutputStream out = s.getOutputStream();
            out.write(
                    ("POST /api/imports HTTP/1.1\r\nHost: localhost:" + port + "\r\nContent-Type: application/json\r\n"
                            + "Authorization: Basic " + java.util.Base64.getEncoder().encodeToString(
                                    (TestUsers.ADMIN + ":" + TestUsers.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8))
                            + "\r\nX-File-Name: huge.json\r\nContent-Length: 3000000000\r\nConnection: close\r\n\r\n[")
                            .getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = s.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 413");
            assertThat(answer).contains(
                    "{\"error\":\"huge.json is larger than 2 GB (sessionlens.import.max-request-size): nothing was imported\"}");
        }
    }

    @Test
    void a_zip_bomb_stops_at_the_ratio_limit_and_names_the_file() throws Exception {
        var bytes = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("good.json"));
            zip.write(Fixtures.bytes("mlflow-real/05-v2-trace-export.json"));
            zip.putNextEntry(new ZipEntry("bomb.json"));
            byte[] spaces = new byte[1 << 20];
            java.util.Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i < 200; i++) zip.write(spaces);   // 200 MB of white space, about 200 KB zipped
        }
        var a = http.post("/api/imports", bytes.toByteArray(), "application/zip");
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        JsonNode file = a.json().at("/files/0");
        assertThat(file.get("traces").asInt()).isEqualTo(1);
        assertThat(file.get("stoppedReading").asString())
                .isEqualTo("request body expands to more than 200 times its compressed size,"
                        + " as a zip bomb does (the limit is sessionlens.import.max-zip-ratio); reading stopped there and the rest was not read");
    }

    @Test
    void a_text_value_within_the_limit_imports_and_reads_back_and_one_beyond_it_is_refused_with_the_limit() {
        String within = "x".repeat(21_000_000);   // above Jackson's default of 20 M, below our 32 M
        String t = Fixtures.trace("tr-f1000000000000000000000000000001", "exp-lim-str", "s-big", "2025-11-04T10:00:00Z",
                "ana", "q", within, "");
        var a = http.postJson("/api/imports", t);
        assertThat(a.status()).as(a.body().substring(0, Math.min(500, a.body().length()))).isEqualTo(200);
        var back = http.get("/api/traces/tr-f1000000000000000000000000000001");
        assertThat(back.status()).isEqualTo(200);
        assertThat(back.body()).contains(within);
        assertThat(http.get("/api/sessions/s-big?experimentId=exp-lim-str").status()).isEqualTo(200);
        // the span page shows the first 20,000 characters and links the whole value as a download
        String rootSpan = "0000000000000001";   // the fixture's AAAAAAAAAAE=, stored as hex
        var whole = http.get("/api/span-value?traceId=tr-f1000000000000000000000000000001&spanId=" + rootSpan
                + "&key=mlflow.spanOutputs");
        assertThat(whole.status()).isEqualTo(200);
        assertThat(whole.body()).isEqualTo(within);
        assertThat(http.headers("/api/span-value?traceId=tr-f1000000000000000000000000000001&spanId=" + rootSpan
                + "&key=mlflow.spanOutputs").firstValue("Content-Disposition")).hasValueSatisfying(
                        d -> assertThat(d).startsWith("attachment").contains("chat-mlflow.spanOutputs.txt"));
        assertThat(http.get("/api/span-value?traceId=tr-f1000000000000000000000000000001&spanId=" + rootSpan
                + "&key=no.such.key").status()).isEqualTo(404);

        String beyond = "y".repeat(32 * 1024 * 1024 + 1);
        var refused = http.postJson("/api/imports",
                "[" + Fixtures.trace("tr-f1000000000000000000000000000002", "exp-lim-str", "s-big2",
                        "2025-11-04T10:00:00Z", "ana", "q", beyond, "") + "]");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("error").asString()).contains("a text value longer than 33,554,432 characters")
                .contains("sessionlens.import.max-string-length");
    }

    @Test
    void a_cross_origin_text_plain_post_is_refused_and_imports_nothing() {
        String t = ImportIsolationTest.trace(ImportIsolationTest.id("ce", 1), "exp-lim-csrf", "s", "ana");
        var plain = http.post("/api/imports", t.getBytes(StandardCharsets.UTF_8), "text/plain");
        assertThat(plain.status()).isEqualTo(415);
        assertThat(plain.json().get("error").asString()).contains("'text/plain' is not accepted");

        var crossSite = http.send("/api/imports", t, "text/plain", "https://evil.example");
        assertThat(crossSite.status()).isEqualTo(403);
        assertThat(crossSite.json().get("error").asString()).contains("another site (https://evil.example)");
        var crossSiteJson = http.send("/api/imports", t, "application/json", "https://evil.example");
        assertThat(crossSiteJson.status()).isEqualTo(403);
        assertThat(http.get("/api/sessions?experimentId=exp-lim-csrf").json().get("total").asInt()).isZero();

        var sameSite = http.send("/api/imports", t, "application/json", baseUrl());
        assertThat(sameSite.status()).as(sameSite.body()).isEqualTo(200);
    }

    @Test
    void bad_paging_parameters_answer_400_with_a_message() {
        assertThat(http.get("/api/sessions?page=21474837").status()).isEqualTo(400);
        assertThat(http.get("/api/sessions?size=-1").json().get("error").asString())
                .startsWith("size must be a whole number from 1");
        assertThat(http.get("/api/sessions?page=abc").status()).isEqualTo(400);
        assertThat(http.get("/api/sessions?page=2&size=10").status()).isEqualTo(200);
    }

    @Test
    void every_answer_carries_the_security_headers() {
        var headers = http.headers("/");
        assertThat(headers.firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(headers.firstValue("Referrer-Policy")).hasValue("same-origin");
        assertThat(headers.firstValue("Content-Security-Policy").orElseThrow()).contains("frame-ancestors 'self'")
                .contains("object-src 'none'");
        assertThat(http.headers("/api/sessions").firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }
}
