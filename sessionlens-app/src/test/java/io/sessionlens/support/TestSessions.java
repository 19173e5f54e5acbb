package io.sessionlens.support;

import static io.sessionlens.support.TestTraces.feedback;
import static io.sessionlens.support.TestTraces.msg;
import static io.sessionlens.support.TestTraces.turn;

import io.sessionlens.trace.model.Trace;
import io.sessionlens.trace.model.TraceState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Hand-written sessions (not real exports) that each break one thing, shaped like what MLflow autologging records:
 * a CHAIN root with {@code {"query"}} → {@code {"answer"}}, RETRIEVER / TOOL children, and a CHAT_MODEL child
 * given the chat history.
 */
public final class TestSessions {
    private TestSessions() {}

    public static final String SYSTEM = "You are BankBot. Answer from the fee documents only.";

    /** Turn {@code n} whose LLM call gets the system prompt, the given earlier (user, answer) pairs and the question. */
    public static TestTraces.TraceBuilder ragTurn(int n, String user, String answer, List<String[]> history,
            String system) {
        TestTraces.TraceBuilder t = turn(n);
        t.span("root" + n, null, "bank_chat", "CHAIN").inputs(Map.of("query", user)).outputs(Map.of("answer", answer));
        List<Object> messages = new ArrayList<>();
        if (system != null) messages.add(msg("system", system));
        for (String[] h : history) {
            messages.add(msg("user", h[0]));
            messages.add(msg("assistant", h[1]));
        }
        messages.add(msg("user", user));
        t.span("llm" + n, "root" + n, "ChatOpenAI", "CHAT_MODEL").startMs(500)
                .inputs(Map.of("model", "gpt-4o", "messages", messages))
                .outputs(Map.of("choices", List.of(Map.of("message", msg("assistant", answer)))));
        return t;
    }

    public static Map<String, Object> doc(String uri, String text, Map<String, Object> metadata) {
        Map<String, Object> meta = new java.util.LinkedHashMap<>(metadata);
        meta.put("doc_uri", uri);
        return Map.of("page_content", text, "metadata", meta);
    }

    /** Turn {@code n} of a conversation written as alternating user / answer lines, with the full history. */
    static TestTraces.TraceBuilder turnOf(String[] talk, int n) {
        return ragTurn(n, talk[2 * n - 2], talk[2 * n - 1], pairs(java.util.Arrays.copyOfRange(talk, 0, 2 * n - 2)),
                SYSTEM);
    }

    static List<String[]> pairs(String... texts) {
        List<String[]> out = new ArrayList<>();
        for (int i = 0; i + 1 < texts.length; i += 2) out.add(new String[]{texts[i], texts[i + 1]});
        return out;
    }

    static final String[] FEE_TALK = {
            "Hi, I want to send money to my sister in Spain.",
            "Sure, I can help with that. How much would you like to send?",
            "About 1,000 euros. Which account should I use?",
            "Your current account works for that.",
            "What fee will I pay on an international transfer?",
            "International transfers carry a 2.5% fee on the sent amount, so 1,000 euros cost 25 euros in fees.",
            "Does that also apply to smaller amounts like 500 euros?",
            "Yes, the 2.5% fee applies to every international transfer, so 500 euros cost 12.50 euros in fees.",
            "So for both transfers I pay 37.50 euros in fees?",
            "Correct: 25 plus 12.50 euros, both at the 2.5% rate, is 37.50 euros."};

    /**
     * Turn 3 retrieves a fee document marked deprecated; turns 4 and 5 keep quoting its 2.5%; the judge flags only
     * turn 5. The root cause is turn 3.
     */
    public static List<Trace> staleFeeDocument() {
        List<Trace> out = new ArrayList<>();
        for (int n = 1; n <= 5; n++) {
            TestTraces.TraceBuilder t = turnOf(FEE_TALK, n);
            if (n == 3) {
                t.span("ret3", "root3", "retrieve_fee_docs", "RETRIEVER").startMs(100).inputs(FEE_TALK[4])
                        .outputs(List.of(
                                doc("kb/fees-2019.md",
                                        "International transfers carry a 2.5% fee, charged on the sent amount.",
                                        Map.of("status", "deprecated", "superseded_by", "fees-2024.md", "last_updated",
                                                "2019-04-01"))));
            }
            if (n == 5) {
                t.assessment(feedback("a5", "correctness", "no").rationale("The fee is 1.5% since 2024, not 2.5%."));
            }
            out.add(t.build());
        }
        return out;
    }

    /** Three friendly turns, passing judges, full history every time. */
    public static List<Trace> healthy() {
        String[] talk = {
                "What are your opening hours?", "We are open 9:00 to 17:00 on weekdays.",
                "And on Saturday?", "On Saturdays we open 10:00 to 14:00.",
                "Thanks, that's all.", "You're welcome, have a nice day!"};
        List<Trace> out = new ArrayList<>();
        for (int n = 1; n <= 3; n++) {
            TestTraces.TraceBuilder t = turnOf(talk, n);
            t.assessment(feedback("ok" + n, "relevance_to_query", "yes").rationale("On topic."));
            if (n == 1)
                t.assessment(feedback("s1", "user_frustration", "none").sessionLevel()
                        .rationale("The user got what they needed."));
            out.add(t.build());
        }
        return out;
    }

    /** Turn 2's order-status tool times out, the assistant answers anyway, and the user corrects it in turn 3. */
    public static List<Trace> failedToolThenCorrection() {
        String[] talk = {
                "Hi, I ordered a lamp last week.", "Thanks! What is your order number?",
                "It's order 88412. Where is it?", "Your order 88412 has shipped and arrives tomorrow.",
                "That's not what the tracking page says, it says delayed.", "Sorry about that, let me check again."};
        List<Trace> out = new ArrayList<>();
        for (int n = 1; n <= 3; n++) {
            TestTraces.TraceBuilder t = turnOf(talk, n);
            if (n == 2) {
                t.span("tool2", "root2", "get_order_status", "TOOL").startMs(200).inputs(Map.of("order_id", "88412"))
                        .exception("TimeoutError", "order service did not answer within 10 s", "Traceback ...");
            }
            out.add(t.build());
        }
        return out;
    }

    /**
     * The app keeps only the last two turns of history and changes its system prompt at turn 3; at turn 4 the model
     * no longer sees the budget given in turn 1 and proposes a flight over it. A session-level knowledge_retention
     * judge fails.
     */
    public static List<Trace> forgottenBudget() {
        String[] talk = {
                "I want to fly to Lisbon in May, my budget is 300 euros.",
                "Noted: Lisbon in May, up to 300 euros. From which city?",
                "From Berlin, and I prefer mornings.", "Morning flights from Berlin to Lisbon exist on most days.",
                "Which airline is most punctual?", "TAP and Lufthansa both have good punctuality on that route.",
                "Book the best option for me.", "I booked the Lufthansa 7:05 flight on May 12 for 489 euros."};
        List<Trace> out = new ArrayList<>();
        for (int n = 1; n <= 4; n++) {
            List<String[]> all = pairs(java.util.Arrays.copyOfRange(talk, 0, 2 * n - 2));
            List<String[]> window = all.size() > 2 ? all.subList(all.size() - 2, all.size()) : all;
            String system = n < 3 ? "You are TripBot." : "You are TripBot. Always offer the most comfortable option.";
            TestTraces.TraceBuilder t = ragTurn(n, talk[2 * n - 2], talk[2 * n - 1], window, system);
            if (n == 1) {
                t.assessment(feedback("kr", "knowledge_retention", "no").sessionLevel()
                        .rationale(
                                "The assistant forgot the 300 euro budget the user gave earlier and booked a 489 euro flight."));
            }
            out.add(t.build());
        }
        return out;
    }

    /** Turn 2 errors: the LLM call hit a rate limit and the trace ended in ERROR. */
    public static List<Trace> rateLimitedTurn() {
        Trace first = ragTurn(1, "Can I raise my card limit?", "Yes, up to 5,000 euros in the app under Cards.",
                List.of(), SYSTEM).build();
        TestTraces.TraceBuilder second = turn(2).state(TraceState.ERROR);
        second.span("root2", null, "bank_chat", "CHAIN").inputs(Map.of("query", "How long does it take?"))
                .exception("RateLimitError", "Rate limit reached for gpt-4o", "Traceback ...").done()
                .span("llm2", "root2", "ChatOpenAI", "CHAT_MODEL").startMs(500)
                .inputs(Map.of("messages", List.of(msg("system", SYSTEM), msg("user", "Can I raise my card limit?"),
                        msg("assistant", "Yes, up to 5,000 euros in the app under Cards."),
                        msg("user", "How long does it take?"))))
                .exception("RateLimitError", "Rate limit reached for gpt-4o", "Traceback ...");
        return List.of(first, second.build());
    }

    /** Turn 2 answers "90 days" where the retrieved policy says 30; turn 3 repeats it and the judge flags turn 3. */
    public static List<Trace> inventedRefundWindow() {
        String[] talk = {
                "I bought headphones online.", "Great, how can I help with your headphones?",
                "Can I still return them?", "Yes, returns are accepted within 90 days of delivery.",
                "So I have until the end of August?",
                "Yes, 90 days from delivery in June takes you to the end of August."};
        List<Trace> out = new ArrayList<>();
        for (int n = 1; n <= 3; n++) {
            TestTraces.TraceBuilder t = turnOf(talk, n);
            if (n == 2) {
                t.span("ret2", "root2", "retrieve_policy", "RETRIEVER").startMs(100).inputs("returns").outputs(List.of(
                        doc("kb/returns.md", "Returns are accepted within 30 days of delivery with the receipt.",
                                Map.of("status", "published"))));
            }
            if (n == 3)
                t.assessment(feedback("c3", "correctness", "no").rationale("The policy allows 30 days, not 90."));
            out.add(t.build());
        }
        return out;
    }
}
