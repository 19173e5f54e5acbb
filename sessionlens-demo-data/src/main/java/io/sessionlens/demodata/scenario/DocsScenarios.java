package io.sessionlens.demodata.scenario;

import static io.sessionlens.demodata.scenario.AssessmentSpec.expectedFacts;
import static io.sessionlens.demodata.scenario.AssessmentSpec.judge;
import static io.sessionlens.demodata.scenario.ScriptBuilder.script;
import static io.sessionlens.demodata.scenario.ScriptParts.doc;
import static io.sessionlens.demodata.scenario.ScriptParts.obj;
import static io.sessionlens.demodata.scenario.ScriptParts.strings;

import io.sessionlens.demodata.chat.ChatFormats;
import io.sessionlens.demodata.dialect.Dialect;
import java.time.Duration;
import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/** The developer documentation assistant (experiment 2): a RAG app without tools. */
final class DocsScenarios {
    private DocsScenarios() {}

    private static final String RATE_LIMITS = "Standard tier: 100 requests per minute per client_id, bursts up to 20"
            + " requests per second. Premium tier: 1,000 requests per minute per client_id. Requests over the limit"
            + " return HTTP 429 with a Retry-After header.";

    /** The answer invents an Enterprise tier that no retrieved page mentions, and the next turn builds on it. */
    static Script rateLimits() {
        return script("docs-rate-limits", Domains.DOCS, Dialect.REST, ChatFormats.QUESTION_ANSWER)
                .session("docs-qa-8c20d6", "dev-ana.lopez")
                .startsAfter(Duration.ofMinutes(55))
                .turn("How do I authenticate against the Accounts API?",
                        "Use the OAuth 2.0 client-credentials flow: POST your client_id and client_secret to"
                                + " https://auth.northbank.example/oauth2/token and send the returned access token as"
                                + " 'Authorization: Bearer <token>'. Tokens are valid for one hour.")
                .docs(doc("auth-001", 0.94, "All API calls use OAuth 2.0 client credentials. Request a token from"
                        + " https://auth.northbank.example/oauth2/token with your client_id and client_secret. Tokens are"
                        + " valid for 3600 seconds. Send them in the Authorization header as a Bearer token.",
                        page("authentication", "auth-001")))
                .turn("What are the rate limits for the Accounts API?",
                        "The Accounts API allows 100 requests per minute per client_id on the Standard tier (bursts up to"
                                + " 20 requests per second) and 1,000 requests per minute on Premium. Over the limit you"
                                + " get HTTP 429 with a Retry-After header.")
                .docs(doc("limits-003", 0.95, RATE_LIMITS, page("rate-limits", "limits-003")))
                .assess(expectedFacts(strings("100 requests per minute on Standard",
                        "1,000 requests per minute on Premium", "HTTP 429 with a Retry-After header"),
                        "docs.team@northbank.example"))
                .turn("We're on the Enterprise plan. Is our limit higher?",
                        "Yes. Enterprise plans get 10,000 requests per minute per client_id with bursts up to 200"
                                + " requests per second, and Enterprise clients never receive 429 responses: excess"
                                + " requests are queued instead.")
                .docs(doc("limits-003", 0.9, RATE_LIMITS, page("rate-limits", "limits-003")),
                        doc("plans-001", 0.81, "API plans: Standard (free, sandbox and production) and Premium (paid,"
                                + " production). Contact your account manager for custom agreements.",
                                page("plans", "plans-001")))
                .withoutJudges("correctness")
                .assess(judge("retrieval_groundedness", "no", "The retrieved pages describe only the Standard (100 per"
                        + " minute) and Premium (1,000 per minute) tiers and refer custom agreements to the account"
                        + " manager. The 10,000 requests per minute limit and the queueing of excess requests are not"
                        + " supported by any retrieved document."))
                .turn("Great, so we can drop our client-side throttling then?",
                        "Yes. Since Enterprise requests are queued rather than rejected, you can remove client-side"
                                + " throttling; keep the Retry-After handling only as a safeguard.")
                .docs(doc("limits-007", 0.83,
                        "Clients must implement exponential backoff when they receive HTTP 429 and"
                                + " must respect the Retry-After header.",
                        page("rate-limits", "limits-007")))
                .assess(judge("retrieval_groundedness", "no", "The retrieved page requires clients to back off on HTTP"
                        + " 429; nothing supports removing client-side throttling."),
                        judge("correctness", "no", "The advice relies on an Enterprise queueing behaviour that the"
                                + " documentation does not describe and contradicts the backoff requirement."))
                .sessionAssess(
                        judge("user_frustration", "none", "The developer is satisfied with every answer."),
                        judge("conversation_completeness", "yes", "All four questions were answered."),
                        judge("knowledge_retention", "yes",
                                "The assistant keeps the Enterprise plan in mind in turn 4."))
                .truth(GroundTruth.rootCause(3, GroundTruth.HALLUCINATION, List.of(4), 4))
                .story("Turn 3 invented an Enterprise limit of 10,000 requests per minute with queueing, which no"
                        + " retrieved page supports; the groundedness judge flagged it, and turn 4 advised dropping"
                        + " client-side throttling on that basis.")
                .build();
    }

    /** The root span is an empty request handler; the conversation is on its AGENT child. */
    static Script paymentsSdk() {
        return script("docs-payments-sdk", Domains.DOCS, Dialect.MLFLOW_3_6_PLUS, ChatFormats.WRAPPED_OPENAI_CHAT)
                .session("docs-qa-1f9e3b", "dev-tom.becker")
                .startsAfter(Duration.ofMinutes(64))
                .turn("Is there an official Python SDK for the Payments API?",
                        "Yes: install it with `pip install northbank-payments`. It supports Python 3.9+ and handles"
                                + " authentication, retries and pagination for you.")
                .docs(doc("sdk-001", 0.93, "The official Python SDK is published as northbank-payments on PyPI and"
                        + " supports Python 3.9 and later. It handles OAuth token refresh, retries and pagination.",
                        page("sdk/python", "sdk-001")))
                .turn("How do I create a payment with it?",
                        "Create a client and call payments.create:\n\n```python\nfrom northbank_payments import Client\n\n"
                                + "client = Client(client_id=\"...\", client_secret=\"...\")\n"
                                + "payment = client.payments.create(\n    amount=\"125.00\",\n    currency=\"EUR\",\n"
                                + "    creditor_iban=\"DE89370400440532013000\",\n    reference=\"INV-2291\",\n)\n"
                                + "print(payment.id, payment.status)\n```\n\nThe call returns at once with status"
                                + " `pending`; use webhooks or `client.payments.get(id)` to follow it.")
                .docs(doc("sdk-004", 0.91,
                        "client.payments.create(amount, currency, creditor_iban, reference) creates a"
                                + " payment and returns it with status 'pending'. Use webhooks or client.payments.get(id) to"
                                + " track the status.",
                        page("sdk/python/payments", "sdk-004")))
                .turn("Does it retry automatically on timeouts?",
                        "Yes. The SDK retries up to 3 times with exponential backoff on timeouts, HTTP 429 and 5xx"
                                + " responses. payments.create is safe to retry because the SDK sends an Idempotency-Key"
                                + " header it generates for you.")
                .docs(doc("sdk-009", 0.9, "Retries: up to 3 attempts with exponential backoff on timeouts, 429 and 5xx."
                        + " Mutating calls send an automatically generated Idempotency-Key header.",
                        page("sdk/python/retries", "sdk-009")))
                .sessionAssess(
                        judge("user_frustration", "none", "The developer gets what they need in every turn."),
                        judge("conversation_completeness", "yes", "All questions about the SDK were answered."),
                        judge("knowledge_retention", "yes", "The answers stay consistent with the SDK introduced in"
                                + " turn 1."))
                .story("Healthy: three questions about the Payments Python SDK. The root span records nothing ({} in,"
                        + " null out); the conversation sits on its AGENT child.")
                .build();
    }

    /** Spans sent over OTLP by an OpenInference-instrumented client: no MLflow attributes, no judges. */
    static Script sandboxOverOtlp() {
        return script("docs-sandbox-otlp", Domains.DOCS, Dialect.OPENINFERENCE_OTLP, ChatFormats.PLAIN_STRING)
                .model("gpt-4.1-mini-2025-04-14")
                .session("docs-qa-otel-52a9", "dev-mei.chen")
                .startsAfter(Duration.ofMinutes(80))
                .turn("What's the sandbox base URL?",
                        "The sandbox base URL is https://sandbox.api.northbank.example/v1. Sandbox data is reset every"
                                + " Sunday at 02:00 UTC.")
                .docs(doc("sandbox-001", 0.92,
                        "Sandbox base URL: https://sandbox.api.northbank.example/v1. Sandbox data"
                                + " is reset every Sunday at 02:00 UTC.",
                        page("sandbox", "sandbox-001")))
                .turn("And do sandbox tokens work in production?",
                        "No. Sandbox and production use separate client credentials; the production API rejects a"
                                + " sandbox token with HTTP 401.")
                .docs(doc("sandbox-004", 0.89, "Sandbox and production have separate client credentials. Tokens issued"
                        + " for the sandbox are rejected by production with 401 Unauthorized.",
                        page("sandbox", "sandbox-004")))
                .story("Healthy: two sandbox questions traced with OpenInference and sent over OTLP; one file per trace.")
                .build();
    }

    private static ObjectNode page(String path, String chunk) {
        return obj("doc_uri", "https://developer.northbank.example/docs/" + path, "chunk_id", chunk,
                "source", "developer-portal", "last_updated", "2025-05-20");
    }
}
