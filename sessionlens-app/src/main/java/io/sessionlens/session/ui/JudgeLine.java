package io.sessionlens.session.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import io.sessionlens.analysis.AssessmentView;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** A judge is its value AND its rationale: the value alone means nothing ("none" is good for user_frustration). */
final class JudgeLine extends Div {

    JudgeLine(AssessmentView a) {
        addClassNames("sl-judge", a.verdict().name().toLowerCase(Locale.ROOT));
        var chip = new Span(a.name() + ": " + valueText(a.value()));
        chip.addClassName("sl-chip");
        chip.getElement().setAttribute("title", a.verdict() + " · " + a.source());
        add(chip);
        var why = new Span(a.rationale() == null || a.rationale().isBlank() ? "(no rationale given)" : a.rationale());
        why.addClassName("sl-rationale");
        add(why);
        if (!a.history().isEmpty()) add(new SmallText("overrides " + a.history().size() + " earlier assessment(s)"));
    }

    /** A judge's value as the chip, the chart and the polarity editor show it. */
    static String valueText(@Nullable Object v) {
        return v == null ? "null" : v.toString();
    }
}
