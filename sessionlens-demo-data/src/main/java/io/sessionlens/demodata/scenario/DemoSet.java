package io.sessionlens.demodata.scenario;

import io.sessionlens.demodata.container.JsonArrayDocument;
import io.sessionlens.demodata.container.JsonLinesDocument;
import io.sessionlens.demodata.container.SearchEnvelope;
import io.sessionlens.demodata.container.SingleTraceDocument;
import io.sessionlens.demodata.dialect.Dialect;
import io.sessionlens.demodata.trace.DemoTrace;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The standard demo set: which sessions exist, and how they are spread over files. Every dialect appears in at
 * least two files, every container at least twice; one session is split across two search pages and another
 * across two files of different shapes; several files hold turns out of request-time order.
 */
public final class DemoSet {
    private DemoSet() {}

    /** In a fixed order, so the same seed assembles the same traces. */
    public static List<Script> scripts() {
        return List.of(
                BankScenarios.premierFees(),
                BankScenarios.wireTransfer(),
                BankScenarios.cardActivation(),
                BankScenarios.branchHours(),
                BankScenarios.orderChecks(),
                HelpdeskScenarios.vpnLockout(),
                HelpdeskScenarios.batteryReplacement(),
                HelpdeskScenarios.onboarding(),
                DocsScenarios.rateLimits(),
                DocsScenarios.paymentsSdk(),
                DocsScenarios.sandboxOverOtlp(),
                TravelScenarios.lisbonWeekend(),
                TravelScenarios.surfboard(),
                TravelScenarios.hotelExtension(),
                TravelScenarios.railPass());
    }

    public static List<DemoFile> files(Map<String, AssembledSession> s) {
        List<DemoFile> files = new ArrayList<>();
        // mlflow traces search lists newest first, so two interleaved sessions come out mixed and reversed.
        files.add(new DemoFile("bank-support_traces-search_mlflow-3.6.json", SearchEnvelope.lastPage(),
                Dialect.MLFLOW_3_6_PLUS, newestFirst(s.get("bank-premier-fees"), s.get("bank-wire-fx"))));
        files.add(new DemoFile("bank-support_card-activation_mlflow-3.4.json", new JsonArrayDocument(),
                Dialect.MLFLOW_3_0_TO_3_4, s.get("bank-card-activation").traces(2, 3, 1)));
        DemoTrace widget = s.get("bank-branch-hours").traces().getFirst();
        files.add(new DemoFile("bank-support_trace-" + widget.traceId() + "_mlflow-3.4.json", new SingleTraceDocument(),
                Dialect.MLFLOW_3_0_TO_3_4, List.of(widget)));
        files.add(new DemoFile("bank-support_legacy-export_mlflow-2.json", new JsonArrayDocument(), Dialect.MLFLOW_2,
                s.get("bank-order-checks").traces(1, 2)));
        DemoTrace lastLegacy = s.get("bank-order-checks").traces(3).getFirst();
        files.add(
                new DemoFile("bank-support_trace-" + lastLegacy.traceId() + "_mlflow-2.json", new SingleTraceDocument(),
                        Dialect.MLFLOW_2, List.of(lastLegacy)));

        files.add(new DemoFile("it-helpdesk_traces_mlflow-3.5.jsonl", new JsonLinesDocument(), Dialect.MLFLOW_3_5,
                oldestFirst(s.get("helpdesk-vpn-lockout"), s.get("helpdesk-battery"))));
        AssembledSession onboarding = s.get("helpdesk-onboarding");
        files.add(new DemoFile("it-helpdesk_onboarding-page-1_mlflow-3.6.json", new SearchEnvelope(pageToken(6)),
                Dialect.MLFLOW_3_6_PLUS, onboarding.traces(12, 11, 10, 9, 8, 7)));
        files.add(new DemoFile("it-helpdesk_onboarding-page-2_mlflow-3.6.json", SearchEnvelope.lastPage(),
                Dialect.MLFLOW_3_6_PLUS, onboarding.traces(6, 5, 4, 3, 2, 1)));

        files.add(new DemoFile("docs-assistant_rate-limits_rest.json", new JsonArrayDocument(), Dialect.REST,
                s.get("docs-rate-limits").traces()));
        files.add(new DemoFile("docs-assistant_payments-sdk_mlflow-3.6.jsonl", new JsonLinesDocument(),
                Dialect.MLFLOW_3_6_PLUS, s.get("docs-payments-sdk").traces()));
        for (DemoTrace t : s.get("docs-sandbox-otlp").traces()) {
            files.add(new DemoFile("docs-assistant_trace-" + t.traceId() + "_openinference.json",
                    new SingleTraceDocument(), Dialect.OPENINFERENCE_OTLP, List.of(t)));
        }

        files.add(new DemoFile("travel-agent_traces-search_mlflow-3.6.json", SearchEnvelope.lastPage(),
                Dialect.MLFLOW_3_6_PLUS, s.get("travel-lisbon").newestFirst()));
        files.add(new DemoFile("travel-agent_surfboard_mlflow-3.4.jsonl", new JsonLinesDocument(),
                Dialect.MLFLOW_3_0_TO_3_4, s.get("travel-surfboard").traces()));
        files.add(new DemoFile("travel-agent_hotel-extension_rest.jsonl", new JsonLinesDocument(), Dialect.REST,
                s.get("travel-hotel").traces(3, 1, 2)));
        files.add(new DemoFile("travel-agent_rail-pass_mlflow-3.5.json", new JsonArrayDocument(), Dialect.MLFLOW_3_5,
                s.get("travel-rail-pass").traces()));
        return files;
    }

    /** MLflow's page tokens are base64 of a small JSON offset. */
    static String pageToken(int offset) {
        return Base64.getEncoder().encodeToString(("{\"offset\": " + offset + "}").getBytes(StandardCharsets.UTF_8));
    }

    private static List<DemoTrace> newestFirst(AssembledSession... sessions) {
        return Stream.of(sessions).flatMap(a -> a.traces().stream())
                .sorted(Comparator.comparing(DemoTrace::requestTime).reversed()).toList();
    }

    private static List<DemoTrace> oldestFirst(AssembledSession... sessions) {
        return Stream.of(sessions).flatMap(a -> a.traces().stream())
                .sorted(Comparator.comparing(DemoTrace::requestTime)).toList();
    }
}
