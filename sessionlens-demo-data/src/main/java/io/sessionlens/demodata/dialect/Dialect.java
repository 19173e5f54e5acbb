package io.sessionlens.demodata.dialect;

/**
 * The trace JSON dialects found in real exports (spec §1.4, §1.6, §4.5), and what each MLflow version could
 * record at all, so a generated trace never carries a key its version did not know.
 */
public enum Dialect {
    /** MLflow 2.x {@code Trace.to_dict()} (fixture 05). */
    MLFLOW_2("mlflow-2.x", new Mlflow2Writer()),
    /** 3.0–3.4 CLI: base64 ids, root {@code parent_span_id: ""}, {@code trace_state: ""} (fixture 01). */
    MLFLOW_3_0_TO_3_4("mlflow-3.0-3.4", new Mlflow30To34Writer()),
    /** 3.5: hex ids, span {@code trace_id: "tr-…"}, status {@code OK/ERROR}. */
    MLFLOW_3_5("mlflow-3.5", new Mlflow35Writer()),
    /** ≥3.6 CLI: base64 ids, root parent {@code null}, {@code events: []} always (fixture 02). */
    MLFLOW_3_6_PLUS("mlflow-3.6+", new Mlflow36Writer()),
    /** Server REST / UI shape: {@code execution_duration: "2.1s"}, span times as strings (fixture 07). */
    REST("mlflow-rest", new RestWriter()),
    /** OpenInference spans ingested over OTLP: raw {@code input.value}/{@code output.value} (fixture 06). */
    OPENINFERENCE_OTLP("openinference-otlp", new OpenInferenceWriter());

    private final String label;
    private final DialectWriter writer;

    Dialect(String label, DialectWriter writer) {
        this.label = label;
        this.writer = writer;
    }

    /** Name used in the ground truth ({@code ExpectedSession.dialect}). */
    public String label() {
        return label;
    }

    public DialectWriter writer() {
        return writer;
    }

    /** 2.x used a bare request id; every 3.x trace id is {@code tr-} + the OTel trace id. */
    public boolean usesTrPrefixedTraceIds() {
        return this != MLFLOW_2;
    }

    /**
     * Per-turn judges need {@code mlflow.genai} (3.0+). 2.x exports carry an empty list, and spans that arrived
     * over OTLP were never evaluated.
     */
    public boolean carriesTurnAssessments() {
        return this != MLFLOW_2 && this != OPENINFERENCE_OTLP;
    }

    /** Session-level (multi-turn) judges arrived in 3.7. */
    public boolean carriesSessionAssessments() {
        return this == MLFLOW_3_6_PLUS || this == REST;
    }

    /** {@code mlflow.trace.sizeStats} and {@code mlflow.trace.infoFinalized} are metadata of recent clients. */
    public boolean writesSizeStats() {
        return this == MLFLOW_3_6_PLUS || this == REST;
    }

    /** Since 3.5-ish new traces keep spans in the tracking store and say so in a tag. */
    public boolean tagsSpansLocation() {
        return this == MLFLOW_3_6_PLUS || this == REST || this == OPENINFERENCE_OTLP;
    }
}
