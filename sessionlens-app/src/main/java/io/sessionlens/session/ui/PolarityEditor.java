package io.sessionlens.session.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import io.sessionlens.analysis.AssessmentView;
import io.sessionlens.analysis.Verdict;
import io.sessionlens.base.security.CurrentUser;
import io.sessionlens.session.SessionDocument;
import io.sessionlens.session.TurnDocument;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * "Which judge values are failures?" for the session's experiment: one field per judge seen in this session, listing
 * the values that count as a failure. Empty means the built-in rule (yes/no, pass/fail, scores, MLflow's judges).
 * Custom judges with their own words ("curt", "partially") are only understood once an analyst says so here. Saving
 * hands every shown judge's values to {@code onSave} (an empty set: back to the built-in rule); the view stores them.
 */
final class PolarityEditor extends Div {
    final Map<String, TextField> fields = new LinkedHashMap<>();
    final Button save;

    PolarityEditor(SessionDocument doc, Map<String, Set<String>> failingValues,
            Consumer<Map<String, Set<String>>> onSave) {
        setId("polarity-editor");
        var intro = new Paragraph(
                "Values that count as a failure, comma-separated, for experiment " + doc.experimentId()
                        + ". Leave empty for the built-in rule.");
        intro.getStyle().set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)");
        add(intro);
        seenValues(doc).forEach((judge, values) -> {   // judge -> value -> verdict today, named as in the chart's legend
            var field = new TextField(judge);
            field.addClassName("sl-polarity-field");
            field.setWidthFull();
            field.setValue(String.join(", ", failingValues.getOrDefault(judge, Set.of())));
            field.setReadOnly(!CurrentUser.canManage());
            field.setHelperText("here: " + values.entrySet().stream()
                    .map(v -> v.getKey() + " (" + AssessmentTimeline.label(v.getValue()) + ")")
                    .collect(Collectors.joining(", ")));
            fields.put(judge, field);
            add(field);
        });
        save = new Button("Save and re-analyse", e -> onSave.accept(values()));
        save.setId("polarity-save");
        save.addThemeVariants(ButtonVariant.LUMO_SMALL);
        save.setVisible(CurrentUser.canManage());   // the settings of a whole experiment: managers and admins
        add(save);
        if (!CurrentUser.canManage()) add(new Paragraph("Only managers and admins change these."));
    }

    private Map<String, Set<String>> values() {
        Map<String, Set<String>> byJudge = new LinkedHashMap<>();
        fields.forEach((judge, field) -> byJudge.put(judge, Arrays.stream(field.getValue().split(",")).map(String::trim)
                .filter(v -> !v.isEmpty()).collect(Collectors.toCollection(LinkedHashSet::new))));
        return byJudge;
    }

    private static Map<String, Map<String, Verdict>> seenValues(SessionDocument doc) {
        Map<String, Map<String, Verdict>> seen = new LinkedHashMap<>();
        for (AssessmentView a : doc.sessionAssessments()) note(seen, a);
        for (TurnDocument t : doc.turns()) for (AssessmentView a : t.assessments()) note(seen, a);
        return seen;
    }

    private static void note(Map<String, Map<String, Verdict>> seen, AssessmentView a) {
        if (a.value() == null) return;   // expectations without a value, scorer errors: nothing to classify
        seen.computeIfAbsent(a.name(), k -> new LinkedHashMap<>()).putIfAbsent(JudgeLine.valueText(a.value()),
                a.verdict());
    }
}
