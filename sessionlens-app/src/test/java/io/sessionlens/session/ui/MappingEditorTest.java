package io.sessionlens.session.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.html.Paragraph;
import io.sessionlens.analysis.ReadFrom;
import io.sessionlens.analysis.TurnMapping;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MappingEditorTest {
    static final ReadFrom READ = new ReadFrom("s1", "agent/answer", "question", "", "openai-chat", "mapped span");

    @Test
    void the_form_starts_from_how_the_turn_was_read() {
        var editor = new MappingEditor("exp-1", READ, m -> {});

        assertThat(editor.span.getValue()).isEqualTo("agent/answer");
        assertThat(editor.input.getValue()).isEqualTo("question");
        assertThat(editor.output.getValue()).isEmpty();
        assertThat(editor.save.getText()).isEqualTo("Use for experiment exp-1");
        assertThat(editor.getChildren().filter(Paragraph.class::isInstance).findFirst().orElseThrow().getElement()
                .getText())
                .isEqualTo(
                        "Read from: mapped span \"agent/answer\" — input key question, output key (whole value), format openai-chat");
    }

    @Test
    void saving_hands_over_the_mapping_the_analyst_typed() {
        List<TurnMapping> saved = new ArrayList<>();
        var editor = new MappingEditor("exp-1", null, saved::add);
        assertThat(editor.span.getValue()).isEmpty();

        editor.span.setValue(" chat/llm ");
        editor.input.setValue("messages");
        editor.output.setValue("choices");
        editor.save.click();

        assertThat(saved).containsExactly(new TurnMapping("chat/llm", "messages", "choices"));
    }

    @Test
    void an_unanalysed_turn_says_so() {
        assertThat(MappingEditor.describe(null)).isEqualTo("not analysed");
    }
}
