package io.sessionlens.demodata.scenario;

import static io.sessionlens.demodata.scenario.ScriptParts.schema;

import io.sessionlens.demodata.chat.ToolSpec;
import java.util.List;

/** The four demo applications, spread over three MLflow experiments. */
final class Domains {
    private Domains() {}

    static final String BANK_EXPERIMENT = "1";
    static final String INTERNAL_EXPERIMENT = "2";
    static final String TRAVEL_EXPERIMENT = "3";

    static final Domain BANK = new Domain(
            BANK_EXPERIMENT,
            "bank_support_chat",
            "bank_support_agent",
            "services/bank_support/app.py",
            "svc-bank-support",
            "gpt-4o-2024-08-06",
            "You are Northbank's customer support assistant. Answer questions about Northbank accounts, cards, fees"
                    + " and payments using only the retrieved policy documents and tool results. Never ask for full"
                    + " card numbers or passwords. If you are unsure, offer to connect the customer with an advisor.",
            "policy_search",
            "page_content",
            List.of(new ToolSpec("convert_currency", "Convert an amount between currencies at today's Northbank rate.",
                    schema("amount", "number", "Amount to convert",
                            "from_currency", "string", "ISO 4217 code of the amount's currency",
                            "to_currency", "string", "ISO 4217 code to convert to"))));

    static final String HELPDESK_PROMPT = "You are Northbank's IT helpdesk agent. Help employees with accounts,"
            + " devices, VPN and software. Look people up before changing anything, explain what you did, and open a"
            + " ticket when you cannot fix something yourself.";

    static final Domain HELPDESK = new Domain(
            INTERNAL_EXPERIMENT,
            "it_helpdesk_agent",
            "helpdesk_agent",
            "agents/helpdesk/graph.py",
            "svc-it-helpdesk",
            "claude-sonnet-4-20250514",
            HELPDESK_PROMPT,
            "kb_search",
            "content",
            List.of(
                    new ToolSpec("lookup_employee", "Find an employee's directory record, groups and MFA device.",
                            schema("employee_id", "string", "Employee id such as E-20451")),
                    new ToolSpec("reset_mfa_token", "Resynchronise an employee's hardware MFA token.",
                            schema("employee_id", "string", "Employee id",
                                    "token_serial", "string", "Serial number printed on the token")),
                    new ToolSpec("lookup_assets", "List the hardware assigned to an employee.",
                            schema("employee_id", "string", "Employee id")),
                    new ToolSpec("create_ticket", "Open a ticket for the IT service desk.",
                            schema("summary", "string", "One-line summary",
                                    "category", "string", "hardware, access, software or network",
                                    "priority", "string", "low, normal or high"))));

    /** The onboarding assistant has no tools; it only answers from the knowledge base and the conversation. */
    static final Domain ONBOARDING = new Domain(
            INTERNAL_EXPERIMENT,
            "it_onboarding_assistant",
            "onboarding_agent",
            "agents/onboarding/graph.py",
            "svc-it-helpdesk",
            "gpt-4o-mini-2024-07-18",
            "You are Northbank's IT onboarding assistant. Help new employees set up their accounts and devices. Be"
                    + " concise and give step-by-step instructions for the employee's own device.",
            "kb_search",
            "page_content",
            List.of());

    static final Domain DOCS = new Domain(
            INTERNAL_EXPERIMENT,
            "docs_qa",
            "docs_agent",
            "apps/docs_assistant/server.py",
            "svc-docs-assistant",
            "gpt-4.1-2025-04-14",
            "You are the Northbank developer documentation assistant. Answer using only the retrieved documentation"
                    + " chunks and name the page you used. If the documentation does not cover the question, say so.",
            "docs_vector_search",
            "page_content",
            List.of());

    static final Domain TRAVEL = new Domain(
            TRAVEL_EXPERIMENT,
            "travel_agent",
            "trip_planner",
            "travel_agent/main.py",
            "svc-travel-agent",
            "gemini-2.5-pro",
            "You are Wayfarer, a travel booking assistant. Help customers find and book flights, hotels and rail"
                    + " passes. Always confirm dates, times and prices with the customer before booking anything.",
            "travel_policy_search",
            "content",
            List.of(
                    new ToolSpec("search_flights", "Search flight offers.",
                            schema("origin", "string", "IATA code of the departure airport",
                                    "destination", "string", "IATA code of the arrival airport",
                                    "depart_date", "string", "Outbound date, YYYY-MM-DD",
                                    "return_date", "string", "Return date, YYYY-MM-DD")),
                    new ToolSpec("book_flight", "Book a flight offer.",
                            schema("offer_id", "string", "Offer id from search_flights",
                                    "passengers", "integer", "Number of passengers")),
                    new ToolSpec("check_hotel_availability", "Check whether a hotel booking can be extended.",
                            schema("booking_ref", "string", "Hotel booking reference",
                                    "new_check_out", "string", "Requested check-out date, YYYY-MM-DD")),
                    new ToolSpec("modify_hotel_booking", "Change the dates of a hotel booking.",
                            schema("booking_ref", "string", "Hotel booking reference",
                                    "new_check_out", "string", "New check-out date, YYYY-MM-DD"))));

    /** Travel support answers policy questions only. */
    static final Domain TRAVEL_SUPPORT = new Domain(
            TRAVEL_EXPERIMENT,
            "travel_support_chat",
            "travel_support_agent",
            "travel_agent/support.py",
            "svc-travel-agent",
            "anthropic.claude-3-5-sonnet-20240620-v1:0",
            "You are Wayfarer's travel support assistant. Answer questions about airline and rail policies using the"
                    + " retrieved policy pages, and say when a policy depends on the fare or the carrier.",
            "travel_policy_search",
            "content",
            List.of());
}
