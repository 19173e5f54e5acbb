package io.sessionlens.demodata.scenario;

import static io.sessionlens.demodata.scenario.AssessmentSpec.human;
import static io.sessionlens.demodata.scenario.AssessmentSpec.judge;
import static io.sessionlens.demodata.scenario.AssessmentSpec.scorerError;
import static io.sessionlens.demodata.scenario.ScriptBuilder.script;
import static io.sessionlens.demodata.scenario.ScriptParts.doc;
import static io.sessionlens.demodata.scenario.ScriptParts.failingTool;
import static io.sessionlens.demodata.scenario.ScriptParts.obj;
import static io.sessionlens.demodata.scenario.ScriptParts.tool;
import static io.sessionlens.demodata.scenario.ScriptParts.traceback;

import io.sessionlens.demodata.chat.ChatFormats;
import io.sessionlens.demodata.dialect.Dialect;
import java.time.Duration;
import java.util.List;

/** Northbank's internal IT helpdesk agent and onboarding assistant (experiment 2). */
final class HelpdeskScenarios {
    private HelpdeskScenarios() {}

    private static final String IDM_URL = "https://idm.internal.example/api/v2/tokens/HT-88213/resync";

    /** The MFA resync tool fails with a 503; the exception reaches the root and the turn has no answer. */
    static Script vpnLockout() {
        Failure idmDown = new Failure("HTTPStatusError",
                "Server error '503 Service Unavailable' for url '" + IDM_URL + "'",
                traceback("httpx.HTTPStatusError: Server error '503 Service Unavailable' for url '" + IDM_URL + "'\n"
                        + "For more information check: https://developer.mozilla.org/en-US/docs/Web/HTTP/Status/503",
                        "/app/agents/helpdesk/tools.py", "88", "reset_mfa_token",
                        "response = idm_client.post(f\"/api/v2/tokens/{token_serial}/resync\", json={\"employee_id\": employee_id})",
                        "/app/agents/helpdesk/idm_client.py", "41", "post",
                        "response.raise_for_status()",
                        "/usr/local/lib/python3.11/site-packages/httpx/_models.py", "829", "raise_for_status",
                        "raise HTTPStatusError(message, request=request, response=self)"));
        String scorerTrace = traceback("mlflow.exceptions.MlflowException: The correctness scorer needs a non-empty"
                + " 'outputs' value, but the trace has no outputs.",
                "/usr/local/lib/python3.11/site-packages/mlflow/genai/evaluation/harness.py", "352",
                "_compute_eval_scores",
                "value = scorer.run(inputs=eval_item.inputs, outputs=eval_item.outputs, trace=eval_item.trace)",
                "/usr/local/lib/python3.11/site-packages/mlflow/genai/scorers/base.py", "410", "run",
                "return self(**merged)",
                "/usr/local/lib/python3.11/site-packages/mlflow/genai/scorers/builtin_scorers.py", "1203", "__call__",
                "raise MlflowException(\"The correctness scorer needs a non-empty 'outputs' value, but the trace has no outputs.\")");
        return script("helpdesk-vpn-lockout", Domains.HELPDESK, Dialect.MLFLOW_3_5, ChatFormats.ANTHROPIC)
                .session("helpdesk-7d2c90", "emp-20451")
                .startsAfter(Duration.ofMinutes(15))
                .turn("Hi, my VPN keeps rejecting my login since this morning. It says 'MFA token invalid'. My employee ID"
                        + " is E-20451.",
                        "Thanks, Priya. Your hardware token HT-88213 is out of sync with the server, which is why the VPN"
                                + " rejects the code. I can resync it for you. Shall I do that now?")
                .tools(tool("lookup_employee", obj("employee_id", "E-20451"),
                        obj("name", "Priya Raman", "department", "Finance", "vpn_group", "vpn-finance",
                                "mfa", obj("type", "hardware_token", "serial", "HT-88213", "status", "out_of_sync"))))
                .turnFailing("Yes please, go ahead.")
                .tools(failingTool("reset_mfa_token", obj("employee_id", "E-20451", "token_serial", "HT-88213"),
                        idmDown))
                .assess(scorerError("correctness", "The correctness scorer needs a non-empty 'outputs' value, but the"
                        + " trace has no outputs.", scorerTrace))
                .turn("Hello? The chat just showed an error.",
                        "Sorry about that. The token resync service returned an error, so I've opened ticket INC-40212"
                                + " with the Identity team at high priority. They'll resync HT-88213 and contact you"
                                + " within 2 hours. Meanwhile you can use Outlook on the web and Teams without the VPN.")
                .tools(tool("create_ticket",
                        obj("summary", "Resync hardware MFA token HT-88213 for E-20451 (IDM returned"
                                + " 503)", "category", "access", "priority", "high"),
                        obj("ticket_id", "INC-40212", "status", "open", "assigned_group", "Identity & Access",
                                "sla_hours", 2)))
                .truth(GroundTruth.rootCause(2, GroundTruth.TOOL_ERROR, List.of(), null))
                .story("Turn 2's reset_mfa_token call failed with HTTP 503 from the identity service; the exception"
                        + " reached the root, so the trace is ERROR and the user got no answer. Turn 3 recovered by"
                        + " opening a ticket.")
                .build();
    }

    static Script batteryReplacement() {
        return script("helpdesk-battery", Domains.HELPDESK, Dialect.MLFLOW_3_5, ChatFormats.OPENAI_RESPONSES)
                .model("gpt-4.1-2025-04-14")
                .session("helpdesk-3b81c5", "emp-31877")
                .startsAfter(Duration.ofMinutes(22))
                .turn("My laptop battery only lasts about an hour now. Can I get it replaced? I'm E-31877.",
                        "Laptops under 3 years old get a free battery replacement. Your ThinkPad T14 (asset NB-LT-20931)"
                                + " was issued in March 2023, so it qualifies. Shall I book the replacement?")
                .tools(tool("lookup_assets", obj("employee_id", "E-31877"),
                        ScriptParts.arr(obj("asset_tag", "NB-LT-20931", "model", "ThinkPad T14 Gen 3",
                                "issued", "2023-03-14", "warranty_until", "2026-03-13"))))
                .turn("Yes, please book it.",
                        "Done. I've opened request REQ-18842. The hardware team will bring a replacement battery to your"
                                + " desk within 3 business days.")
                .tools(tool("create_ticket",
                        obj("summary", "Battery replacement for NB-LT-20931", "category", "hardware",
                                "priority", "normal"),
                        obj("ticket_id", "REQ-18842", "status", "open", "eta_business_days", 3)))
                // A reviewer's thumbs-down was a misclick; the corrected thumbs-up overrides it.
                .assess(human("user_satisfaction", "down", "Clicked the wrong button.", "it.qa@northbank.example")
                        .invalidated(),
                        human("user_satisfaction", "up", "Quick and correct: ticket created with the right asset.",
                                "it.qa@northbank.example").overriding())
                .turn("Can I keep working on it until then?",
                        "Yes, keep using it and keep the charger plugged in when you can. If the battery swells or the"
                                + " laptop gets unusually hot, stop using it and tell us right away.")
                .story("Healthy: a battery replacement booked in two tool calls. A reviewer's thumbs-down on turn 2 is"
                        + " marked invalid and overridden by a thumbs-up.")
                .build();
    }

    /**
     * A long onboarding chat. The app sends only the last 3 turns to the model; turn 3's answer still names the MacBook,
     * so from turn 7 on the model no longer sees that the user is on one (the context-loss definition: the root cause
     * is the first turn whose input lacks the fact); a new system prompt (turn 9) defaults to Windows.
     */
    static Script onboarding() {
        String scorerTrace = traceback("litellm.exceptions.ContextWindowExceededError: litellm.BadRequestError:"
                + " ContextWindowExceededError: OpenAIException - This model's maximum context length is 8192"
                + " tokens. However, your messages resulted in 11873 tokens.",
                "/usr/local/lib/python3.11/site-packages/mlflow/genai/evaluation/session_utils.py", "118",
                "evaluate_session_level_scorers", "feedback = scorer.run(session=session_traces)",
                "/usr/local/lib/python3.11/site-packages/mlflow/genai/scorers/builtin_scorers.py", "2210", "__call__",
                "return invoke_judge_model(model_uri=self.model, prompt=prompt, assessment_name=self.name)",
                "/usr/local/lib/python3.11/site-packages/mlflow/genai/judges/utils.py", "461", "invoke_judge_model",
                "response = litellm.completion(model=litellm_model_uri, messages=messages)",
                "/usr/local/lib/python3.11/site-packages/litellm/main.py", "3012", "completion",
                "raise exception_type(");
        var kb = obj("doc_uri", "https://kb.northbank.example/onboarding/vpn.md", "chunk_id", "vpn-002",
                "title", "VPN for new starters", "status", "current", "last_updated", "2025-04-02");
        return script("helpdesk-onboarding", Domains.ONBOARDING, Dialect.MLFLOW_3_6_PLUS, ChatFormats.LANGCHAIN)
                .session("helpdesk-onb-e4f812", "emp-40913")
                .historyTurns(3)
                .startsAfter(Duration.ofMinutes(30))
                .turnGap(Duration.ofMinutes(6))
                .turn("Hi! I start in Finance today. My employee ID is E-40913 and I've been given a MacBook Pro.",
                        "Welcome to Northbank! Let's get your MacBook set up. First sign in to the laptop with the"
                                + " temporary password from your welcome email, then change it when prompted.")
                .turn("Done, I've changed the password. What next?",
                        "Next, enrol in multi-factor authentication: open https://mfa.northbank.example on your phone,"
                                + " sign in and scan the QR code with Microsoft Authenticator.")
                .turn("MFA is set up. How do I get my email on the laptop?",
                        "Open Outlook from the Applications folder (it's pre-installed on your MacBook), sign in with your"
                                + " @northbank.example address and approve the MFA prompt on your phone.")
                .turn("Email works. How do I join the Finance Teams channels?",
                        "In Teams, choose Teams → Join or create a team and search for 'Finance – All'. Your manager adds"
                                + " you to the private channels.")
                .turn("Where do I find the expense tool?",
                        "The expense tool is Concur: open https://concur.northbank.example and sign in with single"
                                + " sign-on. Your cost centre comes from your HR record automatically.")
                .turn("How do I set up the printer on my floor?",
                        "Open Company Portal, search for 'FollowMe Print' and click Install. Then print as usual and"
                                + " release the job at any printer with your badge.")
                .turn("Is there a password manager we're supposed to use?",
                        "Yes, we use 1Password Business. You'll get an invitation email today; accept it and install the"
                                + " 1Password app from Company Portal.")
                .turn("Got the invite, thanks. Do I need to do anything for payroll?",
                        "Check your bank details in Workday under Pay → Payment Elections before the 20th so that your"
                                + " first salary is paid correctly.")
                .turn("What's the Wi-Fi for guests? My accountant visits tomorrow.",
                        "Guests can join 'Northbank-Guest'; they get an access code by SMS after entering their phone"
                                + " number.")
                .systemPrompt("You are the IT Service Desk assistant (prompt v2.3). Answer in at most three sentences."
                        + " Default to Windows instructions unless the user says otherwise.")
                .turn("And I need the VPN to work from home tomorrow. Which client do I install?",
                        "Install GlobalProtect from Software Center: press the Windows key, type 'Software Center',"
                                + " select GlobalProtect and click Install. Then connect to vpn.northbank.example.")
                .docs(doc("vpn-002", 0.88, "GlobalProtect is the VPN client. Windows: install it from Software Center."
                        + " macOS: install it from Company Portal. Portal address: vpn.northbank.example.", kb))
                .turn("I told you at the start, I'm on a MacBook, there's no Software Center. My employee ID is E-40913"
                        + " if that helps.",
                        "Sorry about that! On your MacBook, open Company Portal, search for 'GlobalProtect' and click"
                                + " Install, then connect to vpn.northbank.example and sign in with your E-40913"
                                + " account.")
                .docs(doc("vpn-002", 0.9, "GlobalProtect is the VPN client. Windows: install it from Software Center."
                        + " macOS: install it from Company Portal. Portal address: vpn.northbank.example.", kb))
                .turn("That worked, thanks!", "Great, you're all set. Welcome aboard!")
                .sessionAssess(
                        judge("user_frustration", "resolved", "The user had to repeat that they use a MacBook (turn 11)"
                                + " but the assistant then gave working instructions."),
                        judge("knowledge_retention", "no", "In turn 10 the assistant gave Windows instructions although"
                                + " the user said in turn 1 that they use a MacBook Pro."),
                        scorerError("conversation_completeness", "litellm.BadRequestError: ContextWindowExceededError:"
                                + " OpenAIException - This model's maximum context length is 8192 tokens. However, your"
                                + " messages resulted in 11873 tokens.", scorerTrace))
                .truth(GroundTruth.rootCause(7, GroundTruth.CONTEXT_LOSS, List.of(10), null))
                .story("The app sends the model only the last 3 turns. The user said MacBook in turn 1 and turn 3's"
                        + " answer repeated it, so the fact left the model's input at turn 7 (the first turn whose input"
                        + " holds neither); the turn-9 system prompt defaults to Windows. Turn 10, the first answer that"
                        + " needed the fact, gave Windows VPN steps and in turn 11 the user repeated that they use a Mac."
                        + " No per-turn judge flagged anything; the session's knowledge_retention judge says no.")
                .build();
    }
}
