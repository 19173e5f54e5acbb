package io.sessionlens.importer.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/**
 * Files that are not MLflow exports at all, dropped by mistake: named by what their first bytes say they are, never with
 * the JSON parser's message about an unexpected control character.
 */
class ExportReaderNotAnExportTest {

    static byte[] bytes(int... values) {
        byte[] b = new byte[values.length + 40];
        for (int i = 0; i < values.length; i++) b[i] = (byte) values[i];
        for (int i = values.length; i < b.length; i++) b[i] = (byte) (i * 7);   // binary filler
        return b;
    }

    static String onlyProblem(Recorder r) {
        assertThat(r.traces).isEmpty();
        assertThat(r.problems).hasSize(1);
        String message = r.problems.getFirst().message();
        assertThat(message).doesNotContain("CTRL-CHAR").doesNotContain("unexpected character");
        return message;
    }

    @Test
    void images_documents_and_archives_are_named() {
        assertThat(onlyProblem(Recorder.read("shot.json", bytes(0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a))))
                .isEqualTo("this is a PNG image, not an MLflow export (JSON, JSON Lines, or a .zip/.gz of them)");
        assertThat(onlyProblem(Recorder.read("photo.jpg", bytes(0xff, 0xd8, 0xff, 0xe0))))
                .startsWith("this is a JPEG image, not an MLflow export");
        assertThat(onlyProblem(
                Recorder.read("report.pdf", "%PDF-1.7\n%âãÏÓ\n1 0 obj".getBytes(StandardCharsets.ISO_8859_1))))
                .startsWith("this is a PDF document, not an MLflow export");
        assertThat(onlyProblem(Recorder.read("traces.7z", bytes('7', 'z', 0xbc, 0xaf, 0x27, 0x1c))))
                .startsWith("this is a 7-Zip archive");
        byte[] tar = new byte[1024];
        System.arraycopy("traces.json".getBytes(StandardCharsets.US_ASCII), 0, tar, 0, 11);
        System.arraycopy("ustar".getBytes(StandardCharsets.US_ASCII), 0, tar, 257, 5);
        assertThat(onlyProblem(Recorder.read("traces.tar", tar))).startsWith("this is a tar archive");
    }

    @Test
    void unknown_binary_data_is_called_binary_data() {
        assertThat(onlyProblem(Recorder.read("blob.json", bytes(0x03, 0x01, 'x', 0x02))))
                .isEqualTo("this is binary data, not an MLflow export (JSON, JSON Lines, or a .zip/.gz of them)");
    }

    @Test
    void a_picture_inside_a_gzip_or_a_zip_is_named_with_its_entry() throws IOException {
        byte[] png = bytes(0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a);
        var gz = new ByteArrayOutputStream();
        try (var out = new GZIPOutputStream(gz)) {
            out.write(png);
        }
        assertThat(onlyProblem(Recorder.read("traces.json.gz", gz.toByteArray()))).startsWith("this is a PNG image");

        var zip = new ByteArrayOutputStream();
        try (var out = new ZipOutputStream(zip)) {
            out.putNextEntry(new ZipEntry("screens/shot.png"));
            out.write(png);
        }
        Recorder r = Recorder.read("export.zip", zip.toByteArray());
        assertThat(onlyProblem(r)).startsWith("this is a PNG image");
        assertThat(r.problems.getFirst().ref()).isEqualTo("export.zip!screens/shot.png");
    }

    @Test
    void text_that_is_not_json_still_gets_the_json_readers_message() {
        Recorder r = Recorder.read("notes.json", "hello, this is a note\n");
        assertThat(r.problems).singleElement().satisfies(p -> assertThat(p.message()).startsWith("not JSON"));
        byte[] utf16 = "[]".getBytes(StandardCharsets.UTF_16LE);
        assertThat(Recorder.read("empty-array-utf16.json", utf16).problems)
                .noneMatch(p -> p.message().contains("binary"));
    }
}
