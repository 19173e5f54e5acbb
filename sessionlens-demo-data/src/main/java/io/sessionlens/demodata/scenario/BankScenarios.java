package io.sessionlens.demodata.scenario;

import static io.sessionlens.demodata.scenario.AssessmentSpec.expectedResponse;
import static io.sessionlens.demodata.scenario.AssessmentSpec.judge;
import static io.sessionlens.demodata.scenario.AssessmentSpec.spanJudge;
import static io.sessionlens.demodata.scenario.ScriptBuilder.script;
import static io.sessionlens.demodata.scenario.ScriptParts.doc;
import static io.sessionlens.demodata.scenario.ScriptParts.obj;
import static io.sessionlens.demodata.scenario.ScriptParts.tool;

import io.sessionlens.demodata.chat.ChatFormats;
import io.sessionlens.demodata.dialect.Dialect;
import java.time.Duration;
import java.util.List;

/** Northbank's customer support bot (experiment 1). */
final class BankScenarios {
    private BankScenarios() {}

    private static final String FEES_2025 = "https://intranet.northbank.example/policies/fee-schedule-2025.pdf";
    private static final String FEES_2019 = "https://intranet.northbank.example/policies/archive/fee-schedule-2019.pdf";

    /** Root cause two turns before the flag: a deprecated document, quoted and then built on. */
    static Script premierFees() {
        return script("bank-premier-fees", Domains.BANK, Dialect.MLFLOW_3_6_PLUS, ChatFormats.OPENAI_CHAT)
                .session("bank-chat-5c1e07", "cust-30817")
                .startsAfter(Duration.ofMinutes(0))
                .turn("Hi, I'm thinking about upgrading my Everyday checking account to Premier. What does Premier cost"
                        + " per month?",
                        "Premier Checking has a $25 monthly maintenance fee. It's waived in any month where your"
                                + " combined average daily balance across linked Northbank accounts is $15,000 or more.")
                .docs(doc("fs2025-004", 0.89,
                        "Premier Checking: monthly maintenance fee $25. The fee is waived when the"
                                + " combined average daily balance across linked accounts is $15,000 or more.",
                        fee2025("fs2025-004", "Monthly maintenance fees")))
                .turn("What about ATM fees with Premier? I travel a lot.",
                        "With Premier, Northbank charges no fee at out-of-network ATMs in the US and refunds up to 4 ATM"
                                + " operator surcharges per statement cycle. For withdrawals abroad the 3% foreign"
                                + " transaction fee is waived.")
                .docs(doc("fs2025-009", 0.86, "Premier Checking: no Northbank fee at out-of-network ATMs in the US; up"
                        + " to 4 out-of-network ATM operator surcharges refunded per statement cycle."
                        + " International ATM withdrawals: the 3% foreign transaction fee is waived for Premier.",
                        fee2025("fs2025-009", "ATM and foreign transaction fees")))
                .turn("And if I go overdrawn, what's the overdraft fee on Premier?",
                        "On Premier the overdraft fee is $35 per item, up to 6 items per day. If the account stays"
                                + " overdrawn for more than 5 consecutive days there is also an extended overdraft charge"
                                + " of $7 per day.")
                .docs(doc("fs2019-011", 0.91, "Overdraft fee (all checking accounts, including Premier): $35 per item,"
                        + " maximum 6 items per day. Extended overdraft charge: $7 per day after 5"
                        + " consecutive days overdrawn.",
                        obj("doc_uri", FEES_2019, "chunk_id", "fs2019-011", "title", "Fee schedule 2019, section 7",
                                "status", "deprecated", "superseded_by", "fee-schedule-2025.pdf",
                                "last_updated", "2019-03-01", "effective_from", "2019-04-01")),
                        doc("fs2025-014", 0.84, "Overdraft fees: Premier Checking: $0 (overdraft fees eliminated for"
                                + " Premier from 2024-02-01). Everyday Checking: $15 per item, maximum 2 items per"
                                + " day.",
                                fee2025("fs2025-014", "Overdraft fees")))
                // The judges see the retrieved text and agree with it: nothing flags this turn.
                .assess(judge("correctness", "yes", "The response states the overdraft fee given in the retrieved fee"
                        + " schedule ($35 per item, 6 items per day, $7 extended charge)."),
                        judge("retrieval_groundedness", "yes", "All figures in the response appear in the first"
                                + " retrieved document."),
                        spanJudge("retrieval_relevance", "yes", "Both retrieved chunks are about overdraft fees for"
                                + " checking accounts, which is what the user asked."))
                .turn("Ouch. If I bounce two payments on the same day, how much would that be in total?",
                        "Two overdraft items on the same day would be 2 × $35 = $70 in overdraft fees. If the balance"
                                + " then stayed negative for more than 5 consecutive days, the $7 daily extended"
                                + " overdraft charge would start on top of that.")
                .assess(judge("correctness", "yes",
                        "The arithmetic is right given the $35 per-item fee stated earlier in"
                                + " the conversation."))
                .turn("OK. So compared with my Everyday account, is Premier cheaper or more expensive if I overdraw about"
                        + " twice a month?",
                        "For two overdrafts a month: Everyday costs $5 + 2 × $15 = $35, while Premier costs $25 + 2 × $35"
                                + " = $95 (or $70 if your balance waives the monthly fee). So staying on Everyday saves"
                                + " you about $60 a month.")
                .docs(doc("fs2025-002", 0.88,
                        "Everyday Checking: monthly maintenance fee $5, waived with a $500 minimum"
                                + " daily balance. Overdraft fee $15 per item, maximum 2 items per day.",
                        fee2025("fs2025-002", "Everyday Checking")))
                .assess(judge("correctness", "no",
                        "The response charges Premier $35 per overdraft, but the current (2025)"
                                + " fee schedule sets Premier overdraft fees to $0. Premier would cost $25 a month versus"
                                + " $35 for Everyday, so the recommendation is reversed."),
                        judge("retrieval_groundedness", "no", "The $35 Premier overdraft fee is not in the retrieved"
                                + " document, which only covers Everyday Checking."),
                        expectedResponse("Premier: $25 a month (waived at a $15,000 combined balance) and no overdraft"
                                + " fees. Everyday: $5 a month plus 2 × $15 = $35. Premier is the cheaper account for two"
                                + " overdrafts a month.", "qa.reviewer@northbank.example"))
                .sessionAssess(
                        judge("user_frustration", "none", "The customer asks follow-up questions calmly and never"
                                + " expresses dissatisfaction."),
                        judge("conversation_completeness", "yes", "Every question the customer asked received an"
                                + " answer."),
                        judge("knowledge_retention", "yes", "The assistant reuses the fees it stated earlier in the"
                                + " conversation consistently."))
                .truth(GroundTruth.rootCause(3, GroundTruth.OUTDATED_RETRIEVAL, List.of(4, 5), 5))
                .story("Turn 3 retrieved the deprecated 2019 fee schedule ($35 Premier overdraft fee) above the 2025 one"
                        + " ($0); turn 4 doubled that fee and turn 5 used it to recommend the wrong account. Only turn 5"
                        + " was flagged, by the correctness judge.")
                .build();
    }

    /** A tool returns a wrong number without any error; the user notices two turns later. */
    static Script wireTransfer() {
        var wrongRate = obj("amount", 2000, "from_currency", "USD", "to_currency", "EUR", "rate", 1.0842,
                "converted", 2168.4, "as_of", "2025-06-03T09:00:00Z", "source", "fx-rates-service/v2");
        return script("bank-wire-fx", Domains.BANK, Dialect.MLFLOW_3_6_PLUS, ChatFormats.OPENAI_CHAT)
                .session("bank-chat-91d4a2", "cust-55102")
                .startsAfter(Duration.ofMinutes(9))
                .turn("Hi! I need to send money to my sister in Spain. Can I do an international wire from the app?",
                        "Yes. In the app go to Payments → International transfer. Outgoing international wires cost"
                                + " $45, and requests made before 3 pm ET on a business day are sent the same day.")
                .docs(doc("pay-intl-002", 0.9, "International wires can be sent in the mobile app under Payments →"
                        + " International transfer. Fee: $45 per outgoing international wire. Cut-off time: 3 pm"
                        + " ET on business days.",
                        obj("doc_uri", "https://intranet.northbank.example/policies/international-transfers.md",
                                "chunk_id", "pay-intl-002", "title", "International transfers", "status", "current",
                                "last_updated", "2025-02-10")))
                .turn("Great. How much would 2,000 USD be in euros today?",
                        "At today's rate of 1.0842, 2,000 USD comes to about €2,168.40. The $45 wire fee is charged"
                                + " separately.")
                .tools(tool("convert_currency", obj("amount", 2000, "from_currency", "USD", "to_currency", "EUR"),
                        wrongRate))
                .assess(judge("correctness", "yes", "The response reports the conversion returned by the currency"
                        + " tool."))
                .turn("Perfect, she needs €2,100 for her rent, so 2,000 dollars covers it with some left over, right?",
                        "Yes. €2,168.40 covers the €2,100 rent with about €68 to spare. The $45 wire fee is charged to"
                                + " your account, so it doesn't reduce the amount she receives.")
                .turn("No, that's wrong. My sister only received €1,843 last time I sent 2,000 dollars. Can you check the"
                        + " rate again?",
                        "I re-ran the conversion: at 1.0842, 2,000 USD is €2,168.40. The difference your sister saw may"
                                + " come from fees charged by her receiving bank.")
                .tools(tool("convert_currency", obj("amount", 2000, "from_currency", "USD", "to_currency", "EUR"),
                        wrongRate))
                .assess(judge("correctness", "no",
                        "The user reports receiving about €1,843 for 2,000 USD, which matches a"
                                + " USD→EUR rate of about 0.92. The response repeats €2,168.40, which applies the EUR→USD rate"
                                + " (1.0842) in the wrong direction."))
                .turn("That doesn't add up. Forget it, I'll check the rate with a branch.",
                        "I'm sorry for the confusion. A branch advisor can confirm the exact rate and lock it in before"
                                + " you send. Is there anything else I can help with?")
                .sessionAssess(
                        judge("user_frustration", "unresolved",
                                "The customer corrects the assistant, gets the same wrong"
                                        + " amount again and leaves to ask a branch."),
                        judge("conversation_completeness", "no", "The customer never got a correct euro amount for the"
                                + " transfer."),
                        judge("knowledge_retention", "yes", "The assistant remembers the amount and the purpose of the"
                                + " transfer across turns."))
                .truth(GroundTruth.other(2, "a tool that succeeded but returned a wrong (inverted) rate", List.of(3, 4),
                        4))
                .story("In turn 2 convert_currency applied the EUR→USD rate the wrong way round (2,000 USD → €2,168.40"
                        + " instead of about €1,845) with no error status; turn 3 built on it, the user corrected it in"
                        + " turn 4 and the judge flagged turn 4.")
                .build();
    }

    static Script cardActivation() {
        var faq = obj("doc_uri", "https://intranet.northbank.example/faq/cards.md", "chunk_id", "cards-017",
                "title", "Replacement and new cards", "status", "current", "last_updated", "2025-03-28");
        return script("bank-card-activation", Domains.BANK, Dialect.MLFLOW_3_0_TO_3_4, ChatFormats.LANGCHAIN)
                .model("gpt-4o-mini-2024-07-18")
                .session("bank-chat-0a77f3", "cust-71240")
                .startsAfter(Duration.ofMinutes(47))
                .turn("My new debit card arrived today. How do I activate it?",
                        "You can activate it in the app: Cards → select the new card → Activate, then confirm with the"
                                + " last 4 digits and the 3-digit code on the back. You can also call the number on the"
                                + " sticker from your registered phone.")
                .docs(doc("cards-017", 0.93, "Activate a new or replacement card in the app (Cards → select card →"
                        + " Activate) with the last 4 digits and the security code, or by calling the number on the"
                        + " card sticker from the phone number registered on the account.", faq))
                .turn("Does my old card stop working straight away?",
                        "Your old card keeps working until you activate the new one or until it expires, whichever comes"
                                + " first. Once the new card is active the old one is cancelled automatically.")
                .docs(doc("cards-018", 0.9, "A replaced card remains usable until the replacement is activated or the"
                        + " old card expires. Activating the replacement cancels the old card.", faq))
                .turn("Will my automatic payments still go through?",
                        "Yes. A replacement card keeps the same card number, so recurring payments such as subscriptions"
                                + " continue. Only the expiry date and security code change, and most merchants receive"
                                + " those updates automatically through the card network.")
                .docs(doc("cards-021", 0.87, "Replacement cards keep the card number; expiry date and CVV change."
                        + " Merchants enrolled in the card network's updater service receive the new details"
                        + " automatically.", faq))
                .story("Healthy: three questions about activating a replacement debit card, each answered from the card"
                        + " FAQ; every judge passed.")
                .build();
    }

    /** Sent from the website widget, which does not set a session id. */
    static Script branchHours() {
        return script("bank-branch-hours", Domains.BANK, Dialect.MLFLOW_3_0_TO_3_4, ChatFormats.PLAIN_STRING)
                .noSession("anonymous")
                .startsAfter(Duration.ofMinutes(71))
                .turn("What time do branches close on Saturdays?",
                        "Most Northbank branches are open from 9 am to 1 pm on Saturdays and are closed on Sundays. You"
                                + " can check a specific branch's hours in the app under Locations.")
                .docs(doc("branches-003", 0.92, "Branch opening hours: Monday–Friday 9 am–5 pm, Saturday 9 am–1 pm"
                        + " (selected branches), closed Sunday. Hours for each branch are listed under Locations.",
                        obj("doc_uri", "https://intranet.northbank.example/faq/branches.md", "chunk_id", "branches-003",
                                "title", "Branch hours", "status", "current", "last_updated", "2025-01-06")))
                .story("A single question sent from the website widget without a session id; it forms a one-turn"
                        + " session of its own and nothing went wrong.")
                .build();
    }

    /** An MLflow 2.x era bot: no session constant yet, no judges, but the session key in request_metadata. */
    static Script orderChecks() {
        return script("bank-order-checks", Domains.BANK, Dialect.MLFLOW_2, ChatFormats.PLAIN_STRING)
                .model("gpt-3.5-turbo-0125")
                .session("bank-legacy-3e9b10", "cust-11893")
                .startsAfter(Duration.ofMinutes(123))
                .turn("How do I order new checks?",
                        "You can order checks in online banking under Services → Order checks. A box of 120 standard"
                                + " checks costs $24 and arrives in 7 to 10 business days.")
                .docs(doc("checks-001", 0.9, "Order checks in online banking: Services → Order checks. Standard checks,"
                        + " box of 120: $24. Delivery 7–10 business days.",
                        obj("doc_uri", "https://intranet.northbank.example/faq/checks.md", "chunk_id", "checks-001")))
                .turn("Can I get them sent to my work address instead?",
                        "Yes. On the Order checks page choose 'Ship to a different address' and enter your work address."
                                + " For security we also send a notice to your home address.")
                .docs(doc("checks-004", 0.85, "Checks can be shipped to an address other than the statement address; a"
                        + " confirmation notice is mailed to the statement address.",
                        obj("doc_uri", "https://intranet.northbank.example/faq/checks.md", "chunk_id", "checks-004")))
                .turn("Thanks, that's all.", "You're welcome! Have a great day.")
                .story("Healthy MLflow 2.x export about ordering checks; turns 1–2 are in a JSON array and turn 3 in a"
                        + " separate single-trace file.")
                .build();
    }

    private static tools.jackson.databind.node.ObjectNode fee2025(String chunk, String section) {
        return obj("doc_uri", FEES_2025, "chunk_id", chunk, "title", "Fee schedule 2025, " + section,
                "status", "current", "last_updated", "2025-01-15", "effective_from", "2025-02-01");
    }
}
