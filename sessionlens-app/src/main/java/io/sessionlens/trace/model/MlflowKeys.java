package io.sessionlens.trace.model;

/** Every MLflow key SessionLens reads, in one place: a typo here would silently empty a transcript. */
public final class MlflowKeys {
    private MlflowKeys() {}

    // trace metadata
    public static final String SESSION = "mlflow.trace.session";
    public static final String USER = "mlflow.trace.user";
    public static final String TRACE_INPUTS = "mlflow.traceInputs";
    public static final String TRACE_OUTPUTS = "mlflow.traceOutputs";
    public static final String TOKEN_USAGE = "mlflow.trace.tokenUsage";
    public static final String SCHEMA_VERSION = "mlflow.trace_schema.version";
    /** mlflow.traceInputs / traceOutputs are cut to this many characters by the OSS client. */
    public static final int TRACE_IO_METADATA_LIMIT = 250;

    // trace tags
    public static final String TRACE_NAME = "mlflow.traceName";
    public static final String SOURCE_SCORER = "mlflow.trace.sourceScorer";

    // span attributes
    public static final String SPAN_TYPE = "mlflow.spanType";
    public static final String SPAN_INPUTS = "mlflow.spanInputs";
    public static final String SPAN_OUTPUTS = "mlflow.spanOutputs";
    public static final String SPAN_FUNCTION_NAME = "mlflow.spanFunctionName";
    public static final String TRACE_REQUEST_ID = "mlflow.traceRequestId";
    public static final String CHAT_TOKEN_USAGE = "mlflow.chat.tokenUsage";
    public static final String CHAT_MESSAGES = "mlflow.chat.messages";
    public static final String CHAT_TOOLS = "mlflow.chat.tools";
    public static final String MESSAGE_FORMAT = "mlflow.message.format";
    public static final String LLM_MODEL = "mlflow.llm.model";

    // foreign conventions that arrive through OTLP
    public static final String OI_INPUT = "input.value";
    public static final String OI_OUTPUT = "output.value";
    public static final String OI_SPAN_KIND = "openinference.span.kind";
    public static final String GENAI_INPUT_MESSAGES = "gen_ai.input.messages";
    public static final String GENAI_OUTPUT_MESSAGES = "gen_ai.output.messages";
    public static final String OTEL_SESSION_ID = "session.id";
    public static final String OTEL_USER_ID = "user.id";

    // span events
    public static final String EXCEPTION_EVENT = "exception";
    public static final String EXCEPTION_TYPE = "exception.type";
    public static final String EXCEPTION_MESSAGE = "exception.message";
    public static final String EXCEPTION_STACKTRACE = "exception.stacktrace";
}
