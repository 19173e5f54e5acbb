package io.sessionlens.trace.ui;

import com.vaadin.flow.component.icon.VaadinIcon;
import java.util.Locale;

/** One icon (and colour group) per MLflow span type, so the shape of a run is visible at a glance. */
enum SpanTypeIcon {
    MODEL(VaadinIcon.COMMENT_ELLIPSIS_O), RETRIEVER(VaadinIcon.SEARCH), TOOL(VaadinIcon.WRENCH), CHAIN(
            VaadinIcon.LINK), AGENT(VaadinIcon.AUTOMATION), EMBEDDING(VaadinIcon.CLUSTER), PARSER(
                    VaadinIcon.FILE_TEXT_O), RERANKER(VaadinIcon.SORT), MEMORY(VaadinIcon.DATABASE), GUARDRAIL(
                            VaadinIcon.SHIELD), EVALUATOR(VaadinIcon.CHECK_SQUARE_O), OTHER(VaadinIcon.CIRCLE_THIN);

    private final VaadinIcon icon;

    SpanTypeIcon(VaadinIcon icon) {
        this.icon = icon;
    }

    static SpanTypeIcon of(String spanType) {
        return switch (spanType.toUpperCase(Locale.ROOT)) {
            case "LLM", "CHAT_MODEL" -> MODEL;
            case "RETRIEVER" -> RETRIEVER;
            case "TOOL" -> TOOL;
            case "CHAIN" -> CHAIN;
            case "AGENT" -> AGENT;
            case "EMBEDDING" -> EMBEDDING;
            case "PARSER" -> PARSER;
            case "RERANKER" -> RERANKER;
            case "MEMORY" -> MEMORY;
            case "GUARDRAIL" -> GUARDRAIL;
            case "EVALUATOR" -> EVALUATOR;
            default -> OTHER;
        };
    }

    /** The {@code icon} attribute of a {@code <vaadin-icon>}. */
    String iconName() {
        return "vaadin:" + icon.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    String cssClass() {
        return "span-type-" + name().toLowerCase(Locale.ROOT);
    }
}
