package io.sessionlens.trace.chat;

import io.sessionlens.trace.json.JsonValues;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Decides which {@link ChatNormaliser} reads a payload. The span's {@code mlflow.message.format} is tried first when
 * we have a normaliser for it; then a guess from the payload's shape (some shapes fit several formats, and the
 * specific one must win: a Bedrock {@code toolUse} block would otherwise be read as an OpenAI message without its
 * tool call); then every format in MLflow's own fallback order.
 */
public final class ChatFormatDetector {

    private static final OpenAiChatNormaliser OPENAI = new OpenAiChatNormaliser();
    private static final LangChainNormaliser LANGCHAIN = new LangChainNormaliser();
    private static final AnthropicNormaliser ANTHROPIC = new AnthropicNormaliser();
    private static final BedrockConverseNormaliser BEDROCK = new BedrockConverseNormaliser();
    private static final GeminiNormaliser GEMINI = new GeminiNormaliser();
    private static final OtelGenAiNormaliser OTEL = new OtelGenAiNormaliser();

    /** MLflow's order when no format is known: OpenAI, LangChain, Gemini, then OTel GenAI. */
    private static final List<ChatNormaliser> FALLBACK_ORDER = List.of(OPENAI, LANGCHAIN, GEMINI, ANTHROPIC, BEDROCK,
            OTEL);

    private ChatFormatDetector() {}

    public static Optional<Conversation> read(@Nullable JsonNode value, @Nullable String formatHint) {
        if (!JsonValues.meaningful(value) || !value.isContainer()) return Optional.empty();
        for (ChatNormaliser n : candidates(value, formatHint)) {
            List<ChatMessage> messages;
            try {
                messages = n.normalise(value);
            } catch (RuntimeException oddShape) {
                continue; // a payload that half-fits one format must not cost us the others
            }
            if (!messages.isEmpty()) return Optional.of(new Conversation(n.format(), messages));
        }
        return Optional.empty();
    }

    static List<ChatNormaliser> candidates(JsonNode value, @Nullable String formatHint) {
        Set<ChatNormaliser> order = new LinkedHashSet<>();
        byHint(formatHint).ifPresent(order::add);
        byShape(value).ifPresent(order::add);
        order.addAll(FALLBACK_ORDER);
        return new ArrayList<>(order);
    }

    static Optional<ChatNormaliser> byHint(@Nullable String hint) {
        if (hint == null) return Optional.empty();
        String h = JsonValues.asText(JsonValues.decode(hint)).trim().toLowerCase(Locale.ROOT);
        return Optional.ofNullable(switch (h) {
            case "openai", "openai-agent", "openai_agent", "groq", "mistral", "litellm", "deepseek" -> OPENAI;
            case "langchain", "langgraph" -> LANGCHAIN;
            case "anthropic" -> ANTHROPIC;
            case "gemini", "google-genai", "genai" -> GEMINI;
            case "bedrock" -> BEDROCK;
            case "otel", "otel-genai", "gen_ai", "opentelemetry" -> OTEL;
            default -> null; // llamaindex, dspy, …: the shape decides
        });
    }

    static Optional<ChatNormaliser> byShape(JsonNode value) {
        if (value.isArray()) {
            JsonNode first = value.isEmpty() ? null : value.get(0);
            if (first == null) return Optional.empty();
            if (first.isArray()) return Optional.of(LANGCHAIN);
            if (first.has("parts")) return Optional.of(OTEL);
            if (first.has("type") || first.has("lc")) return Optional.of(LANGCHAIN);
            return Optional.of(OPENAI);
        }
        if (value.has("generations")) return Optional.of(LANGCHAIN);
        if (value.has("candidates") || value.has("contents")) return Optional.of(GEMINI);
        if (JsonValues.field(JsonValues.field(value, "output"), "message") != null) return Optional.of(BEDROCK);
        if (value.has("choices")) return Optional.of(OPENAI);
        if (value.has("stop_reason") || (JsonValues.text(value, "type").equals("message") && value.has("role"))) {
            return Optional.of(ANTHROPIC); // the Messages API response object
        }
        JsonNode messages = JsonValues.field(value, "messages");
        List<JsonNode> blocks = new ArrayList<>();
        if (messages != null && messages.isArray()) {
            for (JsonNode m : messages) {
                if (m.has("type") || m.has("lc") || m.isArray()) return Optional.of(LANGCHAIN);
                JsonNode content = JsonValues.field(m, "content");
                if (content != null && content.isArray()) content.forEach(blocks::add);
            }
        } else if (JsonValues.text(value, "type").equals("message")) {
            JsonNode content = JsonValues.field(value, "content");
            if (content != null && content.isArray()) content.forEach(blocks::add);
        }
        for (JsonNode b : blocks) {
            if (b.has("toolUse") || b.has("toolResult") || (b.isObject() && !b.has("type")))
                return Optional.of(BEDROCK);
            String type = JsonValues.text(b, "type");
            if (type.equals("tool_use") || type.equals("tool_result") || type.equals("thinking")
                    || (type.equals("image") && b.has("source"))) {
                return Optional.of(ANTHROPIC);
            }
        }
        if (value.has("system") && messages != null) return Optional.of(ANTHROPIC);
        return Optional.empty();
    }
}
