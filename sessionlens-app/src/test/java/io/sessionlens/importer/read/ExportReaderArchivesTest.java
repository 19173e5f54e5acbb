package io.sessionlens.importer.read;

import static io.sessionlens.importer.read.ExportReaderContainersTest.trace;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/** Zip and gzip uploads, recognised by their magic bytes whatever the file is called. */
class ExportReaderArchivesTest {

    @Test
    void zip_entries_are_read_as_files_of_their_own_and_mac_metadata_is_ignored() {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("export/", new byte[0]);
        entries.put("export/01.json", Recorder.fixture("mlflow-real/01-v3-trace-to-dict-mlflow34-simple.json"));
        entries.put("export/search.json", Recorder.fixture("hand-written/search-envelope-two-turns.json"));
        entries.put("__MACOSX/export/._01.json", new byte[]{0, 5, 22, 7, 0, 2});
        entries.put("export/.DS_Store", new byte[]{0, 0, 0, 1, 'B', 'u', 'd', '1'});

        Recorder r = Recorder.read("traces.dat", zip(entries));

        assertThat(r.problems).isEmpty();
        assertThat(r.traceIds()).containsExactly("tr-ee17184669c265ffdcf9299b36f6dccc",
                "tr-aaaa0000bbbb1111cccc2222dddd3333", "tr-aaaa0000bbbb1111cccc2222dddd4444");
    }

    @Test
    void problems_inside_a_zip_name_the_entry() {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("good.json", Recorder.fixture("mlflow-real/05-v2-trace-export.json"));
        entries.put("cut.json", "{\"info\": {\"trace_id\": \"tr-1\"".getBytes(StandardCharsets.UTF_8));
        entries.put("list.json", ("[42, " + trace("tr-00000000000000000000000000000009", "00000000000000a9") + "]")
                .getBytes(StandardCharsets.UTF_8));
        entries.put("empty.json", new byte[0]);

        Recorder r = Recorder.read("export.zip", zip(entries));

        assertThat(r.traceIds()).containsExactly("58f4e27101304034b15c512b603bf1b2",
                "tr-00000000000000000000000000000009");
        assertThat(r.problems).containsExactly(
                new Recorder.Problem("export.zip!cut.json",
                        "not JSON: unexpected end of input at line 1, column 29 (the file looks truncated)"),
                new Recorder.Problem("export.zip!list.json#1", "expected a trace object, found a number"),
                new Recorder.Problem("export.zip!empty.json", "empty file"));
    }

    @Test
    void zip_without_files_is_reported() {
        Recorder r = Recorder.read("empty.zip", zip(Map.of("only-a-folder/", new byte[0])));

        assertThat(r.problems).containsExactly(new Recorder.Problem(null, "the zip archive holds no files"));
    }

    @Test
    void damaged_zip_is_reported_without_throwing() {
        byte[] zip = zip(Map.of("a.json", Recorder.fixture("mlflow-real/01-v3-trace-to-dict-mlflow34-simple.json")));
        byte[] damaged = java.util.Arrays.copyOf(zip, 40);

        Recorder r = Recorder.read("export.zip", damaged);

        assertThat(r.traces).isEmpty();
        assertThat(r.problems).isNotEmpty().allSatisfy(p -> assertThat(p.message()).isNotBlank());
    }

    @Test
    void gzipped_json_lines_are_read_line_by_line() {
        String jsonl = new String(Recorder.fixture("hand-written/three-turns.jsonl"), StandardCharsets.UTF_8);

        Recorder r = Recorder.read("export.jsonl.gz", gzip(jsonl.getBytes(StandardCharsets.UTF_8)));

        assertThat(r.problems).isEmpty();
        assertThat(r.traces).hasSize(3);
    }

    @Test
    void zip_inside_a_zip_is_opened() {
        byte[] inner = zip(Map.of("t.json", Recorder.fixture("mlflow-real/01-v3-trace-to-dict-mlflow34-simple.json")));

        Recorder r = Recorder.read("outer.zip", zip(Map.of("inner.zip", inner)));

        assertThat(r.traceIds()).containsExactly("tr-ee17184669c265ffdcf9299b36f6dccc");
    }

    static byte[] zip(Map<String, byte[]> entries) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
                for (var e : entries.entrySet()) {
                    zip.putNextEntry(new ZipEntry(e.getKey()));
                    zip.write(e.getValue());
                    zip.closeEntry();
                }
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] gzip(byte[] content) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
                gz.write(content);
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
