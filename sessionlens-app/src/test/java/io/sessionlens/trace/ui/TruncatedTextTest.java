package io.sessionlens.trace.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Pre;
import org.junit.jupiter.api.Test;

class TruncatedTextTest {

    @Test
    void a_huge_value_shows_its_first_twenty_thousand_characters_until_show_all_is_clicked() {
        String text = "x".repeat(50_000);
        var shown = new TruncatedText(text);
        Pre pre = (Pre) shown.getComponentAt(0);
        Button showAll = (Button) shown.getComponentAt(1);

        assertThat(pre.getText()).hasSize(TruncatedText.LIMIT);
        assertThat(showAll.getText()).isEqualTo("Show all (50 K characters)");

        showAll.click();
        assertThat(pre.getText()).hasSize(50_000);
        assertThat(shown.getComponentCount()).isEqualTo(1);
    }

    @Test
    void a_small_value_is_shown_whole_without_a_button() {
        var shown = new TruncatedText("{\"city\":\"Oslo\"}");
        assertThat(shown.getComponentCount()).isEqualTo(1);
        assertThat(((Pre) shown.getComponentAt(0)).getText()).isEqualTo("{\"city\":\"Oslo\"}");
    }
}
