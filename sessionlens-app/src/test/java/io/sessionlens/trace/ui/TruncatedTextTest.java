package io.sessionlens.trace.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Pre;
import org.junit.jupiter.api.Test;

class TruncatedTextTest {

    @Test
    void a_huge_value_shows_its_first_twenty_thousand_characters_until_show_all_is_clicked() {
        String text = "x".repeat(50_000);
        var shown = new TruncatedText(text, TruncatedText.download("tr-1", "s1", "mlflow.spanOutputs"));
        Pre pre = (Pre) shown.getComponentAt(0);
        var actions = shown.getComponentAt(1);
        Button showAll = (Button) actions.getChildren().filter(Button.class::isInstance).findFirst().orElseThrow();
        assertThat(actions.getChildren().filter(Anchor.class::isInstance).map(a -> ((Anchor) a).getText()))
                .containsExactly("Download the whole value");

        assertThat(pre.getText()).hasSize(TruncatedText.LIMIT);
        assertThat(showAll.getText()).isEqualTo("Show all (50 K characters)");

        showAll.click();
        assertThat(pre.getText()).hasSize(50_000);
        assertThat(shown.getComponentCount()).isEqualTo(1);
    }

    @Test
    void a_value_over_a_million_characters_is_offered_as_a_download_not_sent_to_the_page() {
        var shown = new TruncatedText("y".repeat(2_500_000),
                TruncatedText.download("tr-1", "s 1", "mlflow.spanOutputs"));
        var actions = shown.getComponentAt(1);
        assertThat(((Pre) shown.getComponentAt(0)).getText()).hasSize(TruncatedText.LIMIT);
        assertThat(actions.getChildren().filter(Button.class::isInstance)).isEmpty();
        assertThat(actions.getElement().getTextRecursively()).contains("Showing the first 20 K characters of 2.5 M");
        Anchor link = actions.getChildren().filter(Anchor.class::isInstance).map(Anchor.class::cast).findFirst()
                .orElseThrow();
        assertThat(link.getHref()).isEqualTo("api/span-value?traceId=tr-1&spanId=s+1&key=mlflow.spanOutputs");
        assertThat(link.getElement().hasAttribute("download")).isTrue();
    }

    @Test
    void a_small_value_is_shown_whole_without_a_button() {
        var shown = new TruncatedText("{\"city\":\"Oslo\"}");
        assertThat(shown.getComponentCount()).isEqualTo(1);
        assertThat(((Pre) shown.getComponentAt(0)).getText()).isEqualTo("{\"city\":\"Oslo\"}");
    }
}
