package io.sessionlens.demodata.scenario;

import static io.sessionlens.demodata.scenario.AssessmentSpec.judge;
import static io.sessionlens.demodata.scenario.ScriptBuilder.script;
import static io.sessionlens.demodata.scenario.ScriptParts.arr;
import static io.sessionlens.demodata.scenario.ScriptParts.doc;
import static io.sessionlens.demodata.scenario.ScriptParts.obj;
import static io.sessionlens.demodata.scenario.ScriptParts.tool;
import static io.sessionlens.demodata.scenario.ScriptParts.traceback;

import io.sessionlens.demodata.chat.ChatFormats;
import io.sessionlens.demodata.dialect.Dialect;
import java.time.Duration;
import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/** Wayfarer, the travel-booking agent, and its support assistant (experiment 3). */
final class TravelScenarios {
    private TravelScenarios() {}

    /** The primary model hits a quota error; the fallback model gets the return date wrong, and it is booked. */
    static Script lisbonWeekend() {
        String quota = "429 RESOURCE_EXHAUSTED. {'error': {'code': 429, 'message': 'Resource has been exhausted (e.g."
                + " check quota).', 'status': 'RESOURCE_EXHAUSTED'}}";
        Failure rateLimited = new Failure("ClientError", quota, traceback("google.genai.errors.ClientError: " + quota,
                "/app/travel_agent/llm.py", "57", "generate",
                "return self._client.models.generate_content(model=model, contents=contents, config=config)",
                "/usr/local/lib/python3.12/site-packages/google/genai/models.py", "5936", "generate_content",
                "response = self._generate_content(",
                "/usr/local/lib/python3.12/site-packages/google/genai/_api_client.py", "1082", "request",
                "errors.APIError.raise_for_response(response)",
                "/usr/local/lib/python3.12/site-packages/google/genai/errors.py", "108", "raise_for_response",
                "raise ClientError(status_code, response_json, response)"));
        ObjectNode wrongSearch = obj("origin", "AMS", "destination", "LIS", "depart_date", "2025-11-14",
                "return_date", "2025-11-18");
        return script("travel-lisbon", Domains.TRAVEL, Dialect.MLFLOW_3_6_PLUS, ChatFormats.GEMINI)
                .session("trip-planner-6b1d2e", "trav-88120")
                .startsAfter(Duration.ofMinutes(100))
                .turn("I want to fly from Amsterdam to Lisbon for a long weekend, leaving Friday 14 November and coming"
                        + " back Monday 17 November.",
                        "Nice plan! Do you prefer a particular time of day for the flights, and is it just you"
                                + " travelling?")
                .turn("Just me. Morning flights if possible.",
                        "I found a good option: KLM KL1691 on Friday 14 November at 07:05, arriving in Lisbon at 09:00,"
                                + " and TAP TP662 back on Tuesday 18 November at 10:05. Total €212. Shall I book it?")
                .modelFailure(new ModelFailure("gemini-2.5-pro", "gemini-2.5-flash-lite", rateLimited))
                .tools(tool("search_flights", wrongSearch, arr(
                        obj("offer_id", "KL1691-TP662", "outbound", "KL1691 Fri 14 Nov 07:05-09:00",
                                "return", "TP662 Tue 18 Nov 10:05-14:00", "price_eur", 212),
                        obj("offer_id", "TP671-TP664", "outbound", "TP671 Fri 14 Nov 06:00-07:55",
                                "return", "TP664 Tue 18 Nov 18:35-22:30", "price_eur", 239))))
                .assess(judge("correctness", "yes",
                        "The response offers morning flights from Amsterdam to Lisbon for one"
                                + " traveller, as requested."))
                .turn("Yes, book it please.",
                        "Booked! Your booking reference is QX7P2L: KL1691 on Fri 14 Nov at 07:05 and TP662 on Tue 18 Nov"
                                + " at 10:05. The confirmation email is on its way.")
                .tools(tool("book_flight", obj("offer_id", "KL1691-TP662", "passengers", 1),
                        obj("booking_ref", "QX7P2L", "status", "confirmed", "outbound_date", "2025-11-14",
                                "return_date", "2025-11-18", "total_eur", 212)))
                .assess(judge("correctness", "no", "The user asked to return on Monday 17 November, but the booking"
                        + " confirms a return flight on Tuesday 18 November."))
                .turn("Wait, I said Monday the 17th! I have to be at work on Tuesday.",
                        "I'm very sorry, you're right. I can move the return to TP664 on Monday 17 November at 18:35 for"
                                + " a €45 change fee, or cancel free of charge within 24 hours. Which would you prefer?")
                .tools(tool("search_flights", obj("origin", "AMS", "destination", "LIS", "depart_date", "2025-11-14",
                        "return_date", "2025-11-17"),
                        arr(obj("offer_id", "KL1691-TP664", "outbound", "KL1691 Fri 14 Nov 07:05-09:00",
                                "return", "TP664 Mon 17 Nov 18:35-22:30", "price_eur", 257, "change_fee_eur", 45))))
                .sessionAssess(
                        judge("user_frustration", "resolved", "The user is upset about the wrong return date, and the"
                                + " assistant apologises and offers a fix."),
                        judge("conversation_completeness", "no", "The return flight was not rebooked by the end of the"
                                + " conversation."),
                        judge("knowledge_retention", "no", "The return date given in turn 1 (Monday 17 November) was"
                                + " lost by turn 2."))
                .truth(GroundTruth.other(2, "a failed model call: the fallback model searched the wrong return date",
                        List.of(3), 3))
                .story("Turn 2's gemini-2.5-pro call failed with 429 RESOURCE_EXHAUSTED; the fallback model searched"
                        + " flights returning Tuesday 18 instead of Monday 17 November. Turn 3 booked them and the"
                        + " correctness judge flagged turn 3.")
                .build();
    }

    static Script surfboard() {
        ObjectNode baggage = obj("doc_uri", "https://policies.wayfarer.example/airlines/tap/baggage",
                "chunk_id", "tap-bag-012", "carrier", "TP", "last_updated", "2025-04-11");
        ObjectNode seats = obj("doc_uri", "https://policies.wayfarer.example/airlines/tap/seats",
                "chunk_id", "tap-seat-003", "carrier", "TP", "last_updated", "2025-04-11");
        return script("travel-surfboard", Domains.TRAVEL_SUPPORT, Dialect.MLFLOW_3_0_TO_3_4,
                ChatFormats.BEDROCK_CONVERSE)
                .session("trip-support-2c9a41", "trav-40277")
                .startsAfter(Duration.ofMinutes(112))
                .turn("I'm flying TAP from Lisbon to New York next week in economy Classic. How many checked bags are"
                        + " included?",
                        "On TAP's Classic economy fare to New York you get one checked bag of up to 23 kg, plus a"
                                + " carry-on of up to 8 kg.")
                .docs(doc("tap-bag-002", 0.92,
                        "Long-haul economy: Discount fare, no checked bag; Classic fare, 1 checked"
                                + " bag up to 23 kg; Plus fare, 2 checked bags. Carry-on up to 8 kg on all fares.",
                        baggage))
                .turn("Can I bring my surfboard as one of those?",
                        "TAP offers seat selection from €15 on long-haul flights and extra-legroom seats from €60. You"
                                + " can choose your seat when you check in online 36 hours before departure.")
                .docs(doc("tap-seat-003", 0.71, "Seat selection on long-haul flights from €15; extra-legroom seats from"
                        + " €60. Free seat choice at online check-in, 36 hours before departure.", seats),
                        doc("tap-bag-012", 0.69, "Surfboards up to 2.77 m count as one piece of checked baggage if they"
                                + " fit within the allowance; longer boards cost €150 each way. Tell TAP in advance via"
                                + " Manage Booking.", baggage))
                .assess(judge("relevance_to_query", "no", "The user asked whether a surfboard can count as checked"
                        + " baggage; the response is about seat selection and does not answer the question."),
                        judge("correctness", "no", "The response does not address surfboards at all."))
                .turn("That's not what I asked. Does the surfboard count as a checked bag?",
                        "Sorry about that! Yes: a surfboard up to 2.77 m counts as your one included 23 kg checked bag on"
                                + " the Classic fare. Longer boards cost €150 each way. Let TAP know in advance through"
                                + " Manage Booking.")
                .docs(doc("tap-bag-012", 0.9,
                        "Surfboards up to 2.77 m count as one piece of checked baggage if they fit"
                                + " within the allowance; longer boards cost €150 each way. Tell TAP in advance via Manage"
                                + " Booking.",
                        baggage))
                .truth(GroundTruth.other(2,
                        "an off-topic answer (seats instead of surfboards) that only the judges show", List.of(), 2))
                .story("Turn 2 answered a surfboard question with seat-selection prices taken from the wrong retrieved"
                        + " chunk; the relevance judge flagged it and the user asked again in turn 3.")
                .build();
    }

    /** The last turn was exported while still running. */
    static Script hotelExtension() {
        return script("travel-hotel", Domains.TRAVEL, Dialect.REST, ChatFormats.OTEL_GENAI)
                .model("gpt-4.1-mini-2025-04-14")
                .session("trip-support-9e07b3", "trav-61534")
                .startsAfter(Duration.ofMinutes(135))
                .turn("I booked Hotel Ribeira in Porto, reference HX-55821. Can I add one more night and check out on"
                        + " 9 December instead of the 8th?",
                        "Good news: Hotel Ribeira has your room free for the night of 8 December. Checking out on 9"
                                + " December adds €128 including taxes. Shall I make the change?")
                .tools(tool("check_hotel_availability", obj("booking_ref", "HX-55821", "new_check_out", "2025-12-09"),
                        obj("available", true, "extra_nights", 1, "price_eur", 128.0, "currency", "EUR")))
                .turn("Yes, please.",
                        "Done! Booking HX-55821 now checks out on 9 December; the new total is €512. You'll receive an"
                                + " updated confirmation by email.")
                .tools(tool("modify_hotel_booking", obj("booking_ref", "HX-55821", "new_check_out", "2025-12-09"),
                        obj("booking_ref", "HX-55821", "status", "confirmed", "check_in", "2025-12-05",
                                "check_out", "2025-12-09", "total_eur", 512.0)))
                .turnInProgress("Could you also book an airport transfer for the morning of the 9th?")
                .sessionAssess(
                        judge("user_frustration", "none", "The user's requests are handled promptly."),
                        judge("conversation_completeness", "yes", "The extension was confirmed; the transfer request"
                                + " was still being handled when the session was scored."),
                        judge("knowledge_retention", "yes", "The booking reference is reused correctly."))
                .story("Healthy: a hotel stay extended in two turns with OTel GenAI messages; the third turn was still"
                        + " running (IN_PROGRESS) when exported.")
                .build();
    }

    static Script railPass() {
        ObjectNode interrail = obj("doc_uri", "https://policies.wayfarer.example/rail/interrail-global-pass",
                "chunk_id", "ir-global-004", "last_updated", "2025-03-01");
        return script("travel-rail-pass", Domains.TRAVEL_SUPPORT, Dialect.MLFLOW_3_5, ChatFormats.OPENAI_CHAT)
                .model("gpt-4o-2024-08-06")
                .session("trip-planner-4a6f58", "trav-23019")
                .startsAfter(Duration.ofMinutes(150))
                .turn("Is an Interrail pass worth it for 10 days in Italy and Switzerland?",
                        "For 10 days across Italy and Switzerland, a Global Pass with 7 travel days within 1 month (€335"
                                + " for an adult in 2nd class) usually pays off if you take at least 5 or 6 longer train"
                                + " trips. Italian high-speed trains need a seat reservation (€10–13) on top, and Swiss"
                                + " mountain railways are discounted rather than free.")
                .docs(doc("ir-global-004", 0.9, "Global Pass, 7 travel days within 1 month: adult 2nd class €335."
                        + " Reservations are compulsory on Italian high-speed trains (€10–13). Swiss mountain railways:"
                        + " discounts of 25–50% for pass holders.", interrail))
                .turn("Do I need to reserve the Zurich–Milan train?",
                        "Yes. EuroCity trains between Zurich and Milan need a seat reservation for pass holders; it costs"
                                + " about €13 and you can book it in the Rail Planner app or at the station.")
                .docs(doc("ir-res-019", 0.88, "EuroCity Zurich–Milan: reservation compulsory for pass holders, about"
                        + " €13, bookable in the Rail Planner app or at stations.", interrail))
                .story("Healthy: two Interrail questions answered from the rail policy pages.")
                .build();
    }
}
