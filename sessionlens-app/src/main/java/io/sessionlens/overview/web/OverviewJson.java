package io.sessionlens.overview.web;

import io.sessionlens.overview.DayFigures;
import io.sessionlens.overview.Disagreement;
import io.sessionlens.overview.Figures;
import io.sessionlens.overview.Overview;
import io.sessionlens.trace.json.SharedJson;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/** The overview as the API answers it: the period's figures at the top, {@code previous}, {@code days}, the list. */
final class OverviewJson {
    private OverviewJson() {}

    static ObjectNode of(Overview o) {
        ObjectNode root = SharedJson.MAPPER.createObjectNode();
        if (o.experimentId() == null) root.putNull("experimentId");
        else
            root.put("experimentId", o.experimentId());
        figures(root, o.current());
        figures(root.putObject("previous"), o.previous());
        var days = root.putArray("days");
        for (DayFigures d : o.days()) {
            ObjectNode n = days.addObject();
            n.put("day", d.day().toString());
            n.put("sessions", d.sessions());
            n.put("withRootCause", d.withRootCause());
            counts(n.putObject("byKind"), d.byKind());
            counts(n.putObject("judgesFailing"), d.judgesFailing());
            n.put("errorTurns", d.errorTurns());
            n.put("tokens", d.tokens());
            latency(n.putObject("latency"), d.latency());
        }
        var list = root.putArray("disagreements");
        for (Disagreement d : o.disagreements()) {
            ObjectNode n = list.addObject();
            n.put("experimentId", d.experimentId());
            n.put("sessionId", d.sessionId());
            n.put("started", d.started().toString());
            n.put("reviewer", d.reviewer());
            n.put("decidedAt", d.decidedAt().toString());
            verdict(n.putObject("human"), d.turn(), d.kind());
            verdict(n.putObject("automatic"), d.autoTurn(), d.autoKind());
            n.put("rootCauseDiffers", d.rootCauseDiffers());
            var judges = n.putArray("judges");
            d.judges().forEach(judges::add);
        }
        return root;
    }

    private static void figures(ObjectNode n, Figures f) {
        n.put("from", f.from().toString());
        n.put("to", f.to().toString());
        n.put("sessions", f.sessions());
        n.put("withRootCause", f.withRootCause());
        rate(n, "rootCauseRate", f.rootCauseRate());
        counts(n.putObject("byKind"), f.byKind());
        ObjectNode judges = n.putObject("judges");
        f.judges().forEach((name, j) -> {
            ObjectNode jn = judges.putObject(name);
            jn.put("evaluated", j.evaluated());
            jn.put("failing", j.failing());
            rate(jn, "failureRate", j.failureRate());
            jn.put("reviewed", j.reviewed());
            jn.put("disagreeing", j.disagreeing());
            rate(jn, "agreementRate", j.agreementRate());
        });
        n.put("errorTurns", f.errorTurns());
        n.put("sessionsWithErrors", f.sessionsWithErrors());
        n.put("turns", f.turns());
        n.put("tokens", f.tokens());
        latency(n.putObject("latency"), f.latency());
        n.put("humanVerdicts", f.humanVerdicts());
        ObjectNode a = n.putObject("agreement");
        a.put("reviewed", f.agreement().reviewed());
        a.put("agreeing", f.agreement().agreeing());
        rate(a, "rate", f.agreement().rate());
        a.put("turnAgreeing", f.agreement().turnAgreeing());
        rate(a, "turnRate", f.agreement().turnRate());
        ObjectNode byKind = a.putObject("byKind");
        f.agreement().byKind().forEach((k, ka) -> {
            ObjectNode kn = byKind.putObject(k);
            kn.put("reviewed", ka.reviewed());
            kn.put("agreeing", ka.agreeing());
            rate(kn, "rate", ka.rate());
        });
        ObjectNode turns = n.putObject("rootCauseTurns");
        f.rootCauseTurns().forEach((t, c) -> turns.put(t.toString(), c));
    }

    private static void latency(ObjectNode n, Figures.Latency l) {
        n.put("turns", l.turns());
        if (l.medianMs() == null) n.putNull("medianMs");
        else
            n.put("medianMs", l.medianMs());
        if (l.p95Ms() == null) n.putNull("p95Ms");
        else
            n.put("p95Ms", l.p95Ms());
        n.put("approximate", true);
    }

    private static void verdict(ObjectNode n, @Nullable Integer turn, @Nullable String kind) {
        if (turn == null) n.putNull("turn");
        else
            n.put("turn", turn);
        if (kind == null || turn == null) n.putNull("kind");
        else
            n.put("kind", kind);
    }

    private static void counts(ObjectNode n, Map<String, Long> m) {
        m.forEach(n::put);
    }

    private static void rate(ObjectNode n, String key, @Nullable Double r) {
        if (r == null) n.putNull(key);
        else
            n.put(key, r);
    }
}
