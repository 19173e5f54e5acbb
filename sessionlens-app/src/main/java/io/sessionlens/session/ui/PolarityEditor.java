package io.sessionlens.session.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.textfield.TextField;
import io.sessionlens.analysis.AssessmentView;
import io.sessionlens.session.ExperimentSettings;
import io.sessionlens.session.ExperimentSettingsService;
import io.sessionlens.session.SessionDocument;
import io.sessionlens.session.TurnDocument;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * "Which judge values are failures?" for the session's experiment: one field per judge seen in this session, listing
 * the values that count as a failure. Empty means the built-in rule (yes/no, pass/fail, scores, MLflow's judges).
 * Custom judges with their own words ("curt", "partially") are only understood once an analyst says so here.
 */
final class PolarityEditor {
    private PolarityEditor() {}

    static Component of(SessionDocument doc, ExperimentSettingsService settings, Runnable afterSave) {
        ExperimentSettings current = settings.get(doc.experimentId());
        Map<String, Map<String, String>> seen = seenValues(doc);   // judge -> value -> verdict today
        var box = new Div();
        box.setId("polarity-editor");
        var intro = new Paragraph("Values that count as a failure, comma-separated, for experiment " + doc.experimentId()
                + ". Leave empty for the built-in rule.");
        intro.getStyle().set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)");
        box.add(intro);
        Map<String, TextField> fields = new LinkedHashMap<>();
        seen.forEach((judge, values) -> {
            var field = new TextField(judge);
            field.addClassName("sl-polarity-field");
            field.setWidthFull();
            field.setValue(String.join(", ", current.failingValues().getOrDefault(judge, Set.of())));
            field.setHelperText("here: " + values.entrySet().stream()
                    .map(v -> v.getKey() + " (" + label(v.getValue()) + ")").collect(Collectors.joining(", ")));
            fields.put(judge, field);
            box.add(field);
        });
        var save = new Button("Save and re-analyse", e -> {
            Map<String, Set<String>> failing = new TreeMap<>(current.failingValues());
            fields.forEach((judge, field) -> {
                Set<String> values = Arrays.stream(field.getValue().split(",")).map(String::trim).filter(v -> !v.isEmpty())
                        .collect(Collectors.toCollection(LinkedHashSet::new));
                if (values.isEmpty()) failing.remove(judge);
                else failing.put(judge, values);
            });
            int queued = settings.save(new ExperimentSettings(doc.experimentId(), current.mappings(), failing));
            Notification.show("Saved; re-analysing " + queued + " sessions of experiment " + doc.experimentId())
                    .setPosition(Notification.Position.BOTTOM_START);
            afterSave.run();
        });
        save.setId("polarity-save");
        save.addThemeVariants(ButtonVariant.LUMO_SMALL);
        box.add(save);
        return box;
    }

    /** The verdict as the judges-by-turn legend names it. */
    private static String label(String verdict) {
        return "UNKNOWN".equals(verdict) ? "unrated" : verdict.toLowerCase(Locale.ROOT);
    }

    private static Map<String, Map<String, String>> seenValues(SessionDocument doc) {
        Map<String, Map<String, String>> seen = new LinkedHashMap<>();
        for (AssessmentView a : doc.sessionAssessments()) note(seen, a);
        for (TurnDocument t : doc.turns()) for (AssessmentView a : t.assessments()) note(seen, a);
        return seen;
    }

    private static void note(Map<String, Map<String, String>> seen, AssessmentView a) {
        if (a.value() == null) return;   // expectations without a value, scorer errors: nothing to classify
        seen.computeIfAbsent(a.name(), k -> new LinkedHashMap<>()).putIfAbsent(SessionView.display(a.value()), a.verdict().name());
    }
}
