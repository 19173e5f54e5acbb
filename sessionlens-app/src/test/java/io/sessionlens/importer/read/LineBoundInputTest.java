package io.sessionlens.importer.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LineBoundInputTest {

    @Test
    void a_read_never_hands_out_more_than_one_line() throws IOException {
        LineBoundInput in = input("ab\ncd\n");
        byte[] buffer = new byte[100];

        assertThat(in.read(buffer, 0, 100)).isEqualTo(3);
        assertThat(in.line()).isEqualTo(2);
        assertThat(in.read(buffer, 0, 100)).isEqualTo(3);
        assertThat(in.read(buffer, 0, 100)).isEqualTo(-1);
    }

    @Test
    void line_bound_mode_ends_the_input_at_each_line_until_asked_for_the_next() throws IOException {
        LineBoundInput in = input("{}\n[]\n");
        in.lineBound(true);
        byte[] buffer = new byte[100];

        assertThat(in.read(buffer, 0, 100)).isEqualTo(3);
        assertThat(in.read(buffer, 0, 100)).isEqualTo(-1);
        in.nextLine();
        assertThat(in.read(buffer, 0, 100)).isEqualTo(3);
        assertThat(new String(buffer, 0, 3, StandardCharsets.UTF_8)).isEqualTo("[]\n");
        assertThat(in.offset()).isEqualTo(6);
    }

    @Test
    void the_rest_of_a_broken_line_can_be_skipped() throws IOException {
        LineBoundInput in = input("xxxxxxxx\nnext");
        in.lineBound(true);
        byte[] buffer = new byte[2];
        in.read(buffer, 0, 2);

        in.skipRestOfLine();
        in.nextLine();

        assertThat(in.line()).isEqualTo(2);
        assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("next");
    }

    private static LineBoundInput input(String s) {
        return new LineBoundInput(new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8)));
    }
}
