package io.sessionlens.demodata.chat;

/** The formats the demo set uses, one instance each (they are stateless). */
public final class ChatFormats {
    private ChatFormats() {}

    public static final ChatFormat PLAIN_STRING = new PlainStringFormat();
    public static final ChatFormat OPENAI_CHAT = new OpenAiChatFormat();
    public static final ChatFormat OPENAI_RESPONSES = new OpenAiResponsesFormat();
    public static final ChatFormat LANGCHAIN = new LangChainFormat();
    public static final ChatFormat ANTHROPIC = new AnthropicFormat();
    public static final ChatFormat GEMINI = new GeminiFormat();
    public static final ChatFormat BEDROCK_CONVERSE = new BedrockConverseFormat();
    public static final ChatFormat OTEL_GENAI = new OtelGenAiFormat();
    public static final ChatFormat QUESTION_ANSWER = new QuestionAnswerFormat();
    public static final ChatFormat WRAPPED_OPENAI_CHAT = new EmptyWrapperFormat(OPENAI_CHAT);
}
