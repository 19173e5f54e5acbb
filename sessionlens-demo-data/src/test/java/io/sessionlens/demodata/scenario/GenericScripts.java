package io.sessionlens.demodata.scenario;

import static io.sessionlens.demodata.scenario.AssessmentSpec.judge;
import static io.sessionlens.demodata.scenario.ScriptBuilder.script;
import static io.sessionlens.demodata.scenario.ScriptParts.doc;
import static io.sessionlens.demodata.scenario.ScriptParts.obj;
import static io.sessionlens.demodata.scenario.ScriptParts.schema;
import static io.sessionlens.demodata.scenario.ScriptParts.tool;

import io.sessionlens.demodata.chat.ChatFormats;
import io.sessionlens.demodata.chat.ToolSpec;
import io.sessionlens.demodata.dialect.Dialect;
import java.time.Duration;
import java.util.List;

/**
 * Sessions of any size for benchmarks and tests: plausible support questions cycled from a small catalogue, with
 * exactly the number of spans asked for and a failing judge every ninth turn, so analysis has something to find.
 */
public final class GenericScripts {
    private GenericScripts() {}

    /** Fewest spans a turn can have: the root and one model call. */
    public static final int MIN_SPANS_PER_TURN = 2;

    private record Topic(String question, String answer, String fact) {}

    private static final List<Topic> TOPICS = List.of(
            new Topic("How do I reset my online banking password?",
                    "Choose 'Forgot password' on the sign-in page, confirm the code we text you, and pick a new password.",
                    "Online banking passwords are reset via 'Forgot password' and a texted one-time code."),
            new Topic("What is the daily ATM withdrawal limit?",
                    "The standard daily ATM limit is $1,000. You can raise it temporarily in the app under Cards → Limits.",
                    "Standard daily ATM withdrawal limit: $1,000; temporary increases under Cards → Limits."),
            new Topic("Can I freeze my card if I misplaced it?",
                    "Yes: in the app open Cards, select the card and switch on 'Freeze card'. You can unfreeze it any time.",
                    "Cards can be frozen and unfrozen in the app under Cards."),
            new Topic("How long does a domestic transfer take?",
                    "Transfers between US banks made before 5 pm ET arrive the next business day; Northbank-to-Northbank"
                            + " transfers are instant.",
                    "Domestic ACH transfers before 5 pm ET settle next business day; internal transfers are instant."),
            new Topic("Where can I download my statements?",
                    "Statements for the last 7 years are under Accounts → Statements in online banking, as PDF.",
                    "Statements: Accounts → Statements, PDF, 7 years of history."),
            new Topic("Do you charge for paper statements?",
                    "Paper statements cost $2 per month; e-statements are free.",
                    "Paper statement fee: $2 per month. E-statements: free."),
            new Topic("How do I set up a travel notice?",
                    "You no longer need one: our fraud monitoring recognises travel. Just keep your phone number up to date.",
                    "Travel notices are not required; keep contact details current."),
            new Topic("Can I change my account's nickname?",
                    "Yes, in online banking open the account, choose Settings and edit the nickname.",
                    "Account nicknames are edited under the account's Settings."),
            new Topic("What's the interest rate on the savings account?",
                    "High-Yield Savings currently earns 3.75% APY on all balances.",
                    "High-Yield Savings APY: 3.75% on all balances."),
            new Topic("How do I add a joint account holder?",
                    "Both of you need to visit a branch with photo ID; adding a joint holder can't be done online.",
                    "Joint holders are added in branch with photo ID for both people."),
            new Topic("Is there a fee for using my card abroad?",
                    "Everyday cards charge a 3% foreign transaction fee; Premier cards charge none.",
                    "Foreign transaction fee: 3% on Everyday cards, 0% on Premier."),
            new Topic("How do I dispute a card transaction?",
                    "In the app, open the transaction and tap 'Report a problem'. We'll credit you provisionally within 10"
                            + " business days while we investigate.",
                    "Disputes: open the transaction, 'Report a problem'; provisional credit within 10 business days."));

    private static final Domain BULK = new Domain(Domains.BANK_EXPERIMENT, "bank_support_chat", "bank_support_agent",
            "services/bank_support/app.py", "svc-bank-support", "gpt-4o-mini-2024-07-18",
            Domains.BANK.systemPrompt(), "policy_search", "page_content",
            List.of(new ToolSpec("lookup_account", "Look up a customer's account details.",
                    schema("customer_id", "string", "Customer id", "field", "string", "Which detail to fetch"))));

    /**
     * One bulk session whose every turn has exactly {@code spansPerTurn} spans (at least
     * {@link #MIN_SPANS_PER_TURN}): the root, a retrieval, tool calls and model calls.
     */
    public static Script bulkSession(int index, int turns, int spansPerTurn) {
        int spans = Math.max(MIN_SPANS_PER_TURN, spansPerTurn);
        String customer = "cust-" + (10_000 + index);
        ScriptBuilder b = script("bulk-" + index, BULK, Dialect.MLFLOW_3_6_PLUS, ChatFormats.OPENAI_CHAT)
                .session(String.format("bulk-session-%06d", index), customer)
                .historyTurns(6)
                .startsAfter(Duration.ofMinutes(7L * index))
                .turnGap(Duration.ofSeconds(90));
        for (int t = 0; t < turns; t++) {
            Topic topic = TOPICS.get((index * 5 + t) % TOPICS.size());
            b.turn(topic.question(), topic.answer());
            // Spans per turn: 2 = root + model; 3 adds a retrieval; 4 = root + model + tool + model;
            // n ≥ 5 = root + retrieval + model + (n - 4) tools + model.
            if (spans == 3 || spans >= 5) b.docs(doc("kb-" + (t % TOPICS.size()), 0.9, topic.fact(), source(t)));
            int tools = spans == 4 ? 1 : Math.max(0, spans - 4);
            for (int k = 0; k < tools; k++) {
                b.tools(tool("lookup_account", obj("customer_id", customer, "field", "detail-" + k),
                        obj("customer_id", customer, "field", "detail-" + k, "value", "ok")));
            }
            if ((index + t) % 9 == 8) {
                b.assess(judge("correctness", "no", "The response does not match the documented policy for this"
                        + " question."));
            }
        }
        return b.sessionAssess(judge("user_frustration", "none", "The customer asks routine questions calmly."))
                .story("Generated bulk session")
                .build();
    }

    /** A long support chat; the app sends the model only the last 8 turns. */
    public static Script longSession(String sessionId, int turns) {
        ScriptBuilder b = script("long-" + sessionId, BULK, Dialect.MLFLOW_3_6_PLUS, ChatFormats.OPENAI_CHAT)
                .session(sessionId, "cust-77001")
                .historyTurns(8)
                .turnGap(Duration.ofSeconds(75));
        for (int t = 0; t < turns; t++) {
            Topic topic = TOPICS.get(t % TOPICS.size());
            String round = t < TOPICS.size() ? "" : " (asking again, round " + (t / TOPICS.size() + 1) + ")";
            b.turn(topic.question() + round, topic.answer()).docs(doc("kb-" + (t % TOPICS.size()), 0.9, topic.fact(),
                    source(t)));
        }
        return b.sessionAssess(judge("knowledge_retention", "yes", "The assistant answers consistently throughout."),
                judge("user_frustration", "none", "The customer stays calm."))
                .story("Generated long session")
                .build();
    }

    private static tools.jackson.databind.node.ObjectNode source(int t) {
        return obj("doc_uri", "https://intranet.northbank.example/faq/general.md", "chunk_id",
                "kb-" + (t % TOPICS.size()), "status", "current", "last_updated", "2025-05-01");
    }
}
