package io.sessionlens.investigation;

import io.sessionlens.analysis.AssessmentView;
import io.sessionlens.analysis.ErrorSpan;
import io.sessionlens.analysis.RootCauseKind;
import io.sessionlens.audit.AuditLog;
import io.sessionlens.base.security.CurrentUser;
import io.sessionlens.investigation.persistence.InvestigationEntity;
import io.sessionlens.investigation.persistence.InvestigationRepository;
import io.sessionlens.investigation.persistence.ParticipantEntity;
import io.sessionlens.investigation.persistence.ParticipantRepository;
import io.sessionlens.investigation.persistence.PinEntity;
import io.sessionlens.investigation.persistence.PinRepository;
import io.sessionlens.investigation.persistence.ShareEntity;
import io.sessionlens.investigation.persistence.ShareRepository;
import io.sessionlens.session.SessionDocument;
import io.sessionlens.session.SessionReader;
import io.sessionlens.session.TurnDocument;
import io.sessionlens.trace.SessionRef;
import io.sessionlens.trace.SpanRow;
import io.sessionlens.trace.SpanTreeService;
import io.sessionlens.trace.model.SpanIds;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Investigations (issue #13, decision record 036): create, edit with an optimistic version (a stale one answers
 * {@link StaleInvestigation} with what stands), pin and unpin evidence (rows of their own: never a conflict), the
 * read-only share link (decision record 038). Every change is audited and announced to open pages.
 */
@Service
@Transactional
public class InvestigationService {
    public static final String AUDIT_KIND = "investigation";
    public static final String AUDIT_PIN = "investigation-pin";
    public static final String AUDIT_SHARE = "investigation-share";
    public static final int MAX_TITLE = 400;
    public static final int MAX_TEXT = 20_000;
    public static final int MAX_QUOTE = 2_000;
    static final int DEFAULT_QUOTE = 400;

    private final InvestigationRepository investigations;
    private final PinRepository pins;
    private final ParticipantRepository participants;
    private final ShareRepository shares;
    private final SessionReader sessions;
    private final SpanTreeService spans;
    private final AuditLog audit;
    private final InvestigationEvents events;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    InvestigationService(InvestigationRepository investigations, PinRepository pins,
            ParticipantRepository participants, ShareRepository shares, SessionReader sessions, SpanTreeService spans,
            AuditLog audit, InvestigationEvents events, Clock clock) {
        this.investigations = investigations;
        this.pins = pins;
        this.participants = participants;
        this.shares = shares;
        this.sessions = sessions;
        this.spans = spans;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** Input that cannot be used: the message names the defect, for the person who sent it. */
    public static final class InvalidInvestigation extends RuntimeException {
        InvalidInvestigation(String message) {
            super(message);
        }
    }

    /** Someone changed the investigation since the caller read it; {@code current} is what stands now. */
    public static final class StaleInvestigation extends RuntimeException {
        private final Investigation current;

        StaleInvestigation(Investigation current) {
            super("the investigation was changed by " + current.updatedBy() + " meanwhile");
            this.current = current;
        }

        public Investigation current() {
            return current;
        }
    }

    /** A new share link: the only time the token is known. */
    public record SharedLink(long investigationId, String token) {}

    // ---------------------------------------------------------------- reading

    @Transactional(readOnly = true)
    public Optional<Investigation> find(long id) {
        return investigations.findById(id).map(this::full);
    }

    @Transactional(readOnly = true)
    public List<InvestigationSummary> search(InvestigationFilter f) {
        return summaries(investigations.search(f.status() == null ? null : f.status().wire(),
                blankToNull(f.owner()), blankToNull(f.experiment()), blankToNull(f.kind())));
    }

    private List<InvestigationSummary> summaries(List<InvestigationEntity> found) {
        Map<Long, List<PinEntity>> byInvestigation = found.isEmpty()
                ? Map.of()
                : pins.findByInvestigationIdIn(found.stream().map(InvestigationEntity::getId).toList()).stream()
                        .collect(Collectors.groupingBy(PinEntity::getInvestigationId));
        return found.stream().map(e -> {
            List<PinEntity> p = byInvestigation.getOrDefault(e.getId(), List.of());
            int sessionCount = (int) p.stream().map(x -> x.getExperimentId() + "\u0000" + x.getSessionKey())
                    .distinct().count();
            return new InvestigationSummary(e.getId(), e.getTitle(), status(e), e.getOwner(), e.getRootCauseKind(),
                    p.size(), sessionCount, e.getUpdatedAt());
        }).toList();
    }

    /** The open investigations, newest change first: what the pin dialog offers. */
    @Transactional(readOnly = true)
    public List<InvestigationSummary> open() {
        return search(new InvestigationFilter(InvestigationStatus.OPEN, null, null, null));
    }

    /** The investigations with evidence from the session, newest change first. */
    @Transactional(readOnly = true)
    public List<InvestigationSummary> of(SessionRef ref) {
        List<Long> ids = pins.investigationsOf(ref.experimentId(), ref.sessionId());
        if (ids.isEmpty()) return List.of();
        return summaries(investigations.findAllById(ids).stream()
                .sorted(java.util.Comparator.comparing(InvestigationEntity::getUpdatedAt).reversed()).toList());
    }

    @Transactional(readOnly = true)
    public List<String> owners() {
        return investigations.owners();
    }

    @Transactional(readOnly = true)
    public List<String> experiments() {
        return pins.experiments();
    }

    /** The investigation a share token opens; empty for an unknown or revoked token. */
    @Transactional(readOnly = true)
    public Optional<Investigation> shared(String token) {
        if (token.isBlank() || token.length() > 200) return Optional.empty();
        return shares.findByTokenHash(hash(token)).flatMap(s -> find(s.getInvestigationId()));
    }

    /**
     * What a pin of this evidence quotes unless the analyst writes something else: a span's error, a turn's failing
     * judge's rationale (else its error, else the user's words), a session's verdict evidence.
     */
    @Transactional(readOnly = true)
    public String suggestedQuote(EvidenceRef ref) {
        Optional<SessionDocument> doc = sessions.open(new SessionRef(ref.experimentId(), ref.sessionId()));
        if (doc.isEmpty()) return "";
        SessionDocument d = doc.get();
        TurnDocument turn = turnOf(d, ref).orElse(null);
        if (ref.spanId() != null && turn != null) {
            for (ErrorSpan e : turn.errorSpans())
                if (e.spanId().equals(ref.spanId())) return cut(errorText(e), DEFAULT_QUOTE);
            for (AssessmentView a : turn.assessments())
                if (ref.spanId().equals(a.spanId()) && a.rationale() != null)
                    return cut(a.name() + ": " + a.rationale(), DEFAULT_QUOTE);
            String trace = turn.traceId();
            return spans.row(trace, ref.spanId()).map(r -> "Span " + r.name() + " (" + r.status() + ")").orElse("");
        }
        if (turn != null) {
            for (AssessmentView a : turn.assessments())
                if (a.failing() && a.rationale() != null && !a.rationale().isBlank())
                    return cut(a.name() + ": " + a.rationale(), DEFAULT_QUOTE);
            for (ErrorSpan e : turn.errorSpans())
                if (!e.handled()) return cut(errorText(e), DEFAULT_QUOTE);
            return cut(turn.userText(), DEFAULT_QUOTE);
        }
        if (d.humanVerdict() != null && !d.humanVerdict().note().isBlank())
            return cut(d.humanVerdict().note(), DEFAULT_QUOTE);
        if (d.rootCause() != null) return cut(d.rootCause().evidence(), DEFAULT_QUOTE);
        for (AssessmentView a : d.sessionAssessments())
            if (a.failing() && a.rationale() != null && !a.rationale().isBlank())
                return cut(a.name() + ": " + a.rationale(), DEFAULT_QUOTE);
        return d.turns().isEmpty() ? "" : cut(d.turns().getFirst().userText(), DEFAULT_QUOTE);
    }

    // ---------------------------------------------------------------- writing

    public Investigation create(@Nullable String title, @Nullable String hypothesis) {
        String t = required(title, "title", MAX_TITLE);
        String h = optional(hypothesis, "hypothesis", MAX_TEXT);
        String who = CurrentUser.actor();
        var e = investigations.saveAndFlush(new InvestigationEntity(t, h, InvestigationStatus.OPEN.wire(), who,
                clock.instant()));
        Investigation after = full(e);
        audit.record(AUDIT_KIND, subject(after), "investigation \"" + t + "\" opened", null, fields(after));
        events.changed(e.getId());
        return after;
    }

    /**
     * Changes the fields the edit names. A version other than the one that stands answers {@link StaleInvestigation}
     * and changes nothing.
     *
     * @return empty when there is no such investigation
     */
    public Optional<Investigation> edit(long id, InvestigationEdit edit) {
        Optional<InvestigationEntity> found = investigations.findById(id);
        if (found.isEmpty()) return Optional.empty();
        InvestigationEntity e = found.get();
        if (edit.version() != null && edit.version() != e.getVersion()) throw new StaleInvestigation(full(e));
        String title = edit.title() == null ? e.getTitle() : required(edit.title(), "title", MAX_TITLE);
        String hypothesis = edit.hypothesis() == null
                ? e.getHypothesis()
                : optional(edit.hypothesis(), "hypothesis", MAX_TEXT);
        String conclusion = edit.conclusion() == null
                ? e.getConclusion()
                : optional(edit.conclusion(), "conclusion", MAX_TEXT);
        String status = edit.status() == null
                ? e.getStatus()
                : InvestigationStatus.parse(edit.status()).orElseThrow(() -> new InvalidInvestigation(
                        "\"" + edit.status() + "\" is not a status; one of " + InvestigationStatus.wires()))
                        .wire();
        String kind = edit.rootCauseKind() == null ? e.getRootCauseKind() : kind(edit.rootCauseKind());
        Investigation before = full(e);
        Map<String, Object> beforeFields = fields(before);
        String who = CurrentUser.actor();
        e.change(title, hypothesis, status, conclusion, kind, who, clock.instant());
        e = investigations.saveAndFlush(e);
        participate(id, who);
        Investigation after = full(e);
        Map<String, Object> afterFields = fields(after);
        List<String> changed = beforeFields.keySet().stream()
                .filter(k -> !String.valueOf(beforeFields.get(k)).equals(String.valueOf(afterFields.get(k))))
                .toList();
        audit.record(AUDIT_KIND, subject(after), "investigation \"" + title + "\" changed: "
                + (changed.isEmpty() ? "nothing" : String.join(", ", changed)), beforeFields, afterFields);
        events.changed(id);
        return Optional.of(after);
    }

    /**
     * Pins evidence. A blank quote takes {@link #suggestedQuote}. The session must exist; a turn must be one of its
     * turns; a span must be in the turn's trace (or, without a turn, in one of the session's traces).
     *
     * @return empty when there is no such investigation
     */
    public Optional<Pin> pin(long id, EvidenceRef ref, @Nullable String quote) {
        if (!investigations.existsById(id)) return Optional.empty();
        String exp = required(ref.experimentId(), "experimentId", 400);
        String sid = required(ref.sessionId(), "sessionId", 400);
        SessionDocument doc = sessions.open(new SessionRef(exp, sid)).orElseThrow(
                () -> new InvalidInvestigation("there is no session " + sid + " in experiment " + exp));
        Integer turn = ref.turn();
        String traceId = null, spanId = null, spanName = null;
        if (turn != null && (turn < 1 || turn > doc.turns().size()))
            throw new InvalidInvestigation("turn " + turn + " is not a turn of session " + sid + " (it has "
                    + doc.turns().size() + (doc.turns().size() == 1 ? " turn)" : " turns)"));
        if (turn != null) traceId = doc.turns().get(turn - 1).traceId();
        if (ref.traceId() != null && !ref.traceId().isBlank()) {
            String wanted = ref.traceId();
            TurnDocument t = doc.turns().stream().filter(x -> x.traceId().equals(wanted)).findFirst().orElseThrow(
                    () -> new InvalidInvestigation("trace " + wanted + " is not a turn of session " + sid));
            if (turn != null && t.index() != turn)
                throw new InvalidInvestigation("trace " + wanted + " is turn " + t.index() + ", not turn " + turn);
            turn = t.index();
            traceId = wanted;
        }
        if (ref.spanId() != null && !ref.spanId().isBlank()) {
            String wanted = ref.spanId();
            List<TurnDocument> where = traceId == null
                    ? doc.turns()
                    : List.of(doc.turns().get(turn - 1));
            SpanRow row = null;
            String normalized = SpanIds.normalize(wanted);
            for (TurnDocument t : where) {
                Optional<SpanRow> r = spans.row(t.traceId(), wanted);
                if (r.isEmpty() && normalized != null && !normalized.equals(wanted))
                    r = spans.row(t.traceId(), normalized);
                if (r.isPresent()) {
                    row = r.get();
                    turn = t.index();
                    traceId = t.traceId();
                    break;
                }
            }
            if (row == null)
                throw new InvalidInvestigation("span " + wanted + " is not in "
                        + (where.size() == 1 ? "the trace of turn " + where.getFirst().index() : "session " + sid));
            spanId = row.spanId();
            spanName = cut(row.name(), 2000);
        }
        EvidenceRef resolved = new EvidenceRef(exp, sid, turn, traceId, spanId);
        String q = quote == null || quote.isBlank() ? suggestedQuote(resolved) : quote.strip();
        if (q.length() > MAX_QUOTE)
            throw new InvalidInvestigation("the quote is " + q.length() + " characters long; at most " + MAX_QUOTE);
        String who = CurrentUser.actor();
        PinEntity saved = pins.saveAndFlush(
                new PinEntity(id, exp, sid, turn, traceId, spanId, spanName, q, who, clock.instant()));
        Pin pin = pin(saved);
        audit.record(AUDIT_PIN, "investigation " + id, "pinned " + pin.what() + " of session " + sid + " to \""
                + investigations.findById(id).map(InvestigationEntity::getTitle).orElse("") + "\"", null, pin);
        events.pinned(id, exp, sid);
        return Optional.of(pin);
    }

    /** Removes a pin; false when the investigation has no such pin. */
    public boolean unpin(long id, long pinId) {
        Optional<PinEntity> p = pins.findById(pinId).filter(x -> x.getInvestigationId() == id);
        if (p.isEmpty()) return false;
        Pin before = pin(p.get());
        pins.delete(p.get());
        audit.record(AUDIT_PIN, "investigation " + id, "removed the pin of " + before.what() + " of session "
                + before.sessionId(), before, null);
        events.pinned(id, before.experimentId(), before.sessionId());
        return true;
    }

    /** A new read-only link (any earlier one stops working); empty when there is no such investigation. */
    public Optional<SharedLink> share(long id) {
        if (!investigations.existsById(id)) return Optional.empty();
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        shares.findById(id).ifPresent(old -> {
            shares.delete(old);
            shares.flush();
        });
        shares.saveAndFlush(new ShareEntity(id, hash(token), CurrentUser.actor(), clock.instant()));
        audit.record(AUDIT_SHARE, "investigation " + id, "read-only share link created", null, null);
        events.changed(id);
        return Optional.of(new SharedLink(id, token));
    }

    /** Revokes the link: it answers 404 from now on. False when there was none. */
    public boolean revokeShare(long id) {
        Optional<ShareEntity> s = shares.findById(id);
        if (s.isEmpty()) return false;
        shares.delete(s.get());
        audit.record(AUDIT_SHARE, "investigation " + id, "read-only share link revoked", null, null);
        events.changed(id);
        return true;
    }

    // ---------------------------------------------------------------- helpers

    private void participate(long id, String who) {
        var key = new ParticipantEntity.Key(id, who);
        if (!participants.existsById(key)) participants.save(new ParticipantEntity(id, who));
    }

    private Investigation full(InvestigationEntity e) {
        List<Pin> p = pins.findByInvestigationIdOrderByPinnedAtAscIdAsc(e.getId()).stream()
                .map(InvestigationService::pin).toList();
        Set<String> people = new LinkedHashSet<>();
        people.add(e.getOwner());
        participants.findByInvestigationId(e.getId()).forEach(x -> people.add(x.getUsername()));
        p.forEach(x -> people.add(x.pinnedBy()));
        return new Investigation(e.getId(), e.getTitle(), e.getHypothesis(), status(e), e.getOwner(),
                List.copyOf(people), e.getConclusion(), e.getRootCauseKind(), e.getCreatedAt(), e.getUpdatedAt(),
                e.getUpdatedBy(), e.getVersion(), shares.existsById(e.getId()), p);
    }

    private static Pin pin(PinEntity p) {
        return new Pin(p.getId(), p.getExperimentId(), p.getSessionKey(), p.getTurn(), p.getTraceId(), p.getSpanId(),
                p.getSpanName(), p.getQuote(), p.getPinnedBy(), p.getPinnedAt());
    }

    private static InvestigationStatus status(InvestigationEntity e) {
        return InvestigationStatus.parse(e.getStatus()).orElse(InvestigationStatus.OPEN);
    }

    /** The audited fields, for the audit page's before → after. */
    private static Map<String, Object> fields(Investigation i) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("title", i.title());
        m.put("hypothesis", i.hypothesis());
        m.put("status", i.status().wire());
        m.put("conclusion", i.conclusion());
        m.put("rootCauseKind", i.rootCauseKind());
        m.put("version", i.version());
        return m;
    }

    private static String subject(Investigation i) {
        return "investigation " + i.id();
    }

    private static Optional<TurnDocument> turnOf(SessionDocument d, EvidenceRef ref) {
        if (ref.traceId() != null)
            return d.turns().stream().filter(t -> t.traceId().equals(ref.traceId())).findFirst();
        if (ref.turn() != null && ref.turn() >= 1 && ref.turn() <= d.turns().size())
            return Optional.of(d.turns().get(ref.turn() - 1));
        return Optional.empty();
    }

    private static String errorText(ErrorSpan e) {
        String type = e.exceptionType() == null ? "" : e.exceptionType() + ": ";
        String msg = e.message() == null ? "failed" : e.message();
        return e.name() + " — " + type + msg;
    }

    private static @Nullable String kind(String wire) {
        if (wire.isBlank()) return null;
        try {
            return RootCauseKind.ofWire(wire.strip()).wire();
        } catch (IllegalArgumentException unknown) {
            throw new InvalidInvestigation("\"" + wire + "\" is not a root-cause kind; one of " + String.join(", ",
                    Arrays.stream(RootCauseKind.values()).map(RootCauseKind::wire).toList()));
        }
    }

    private static String required(@Nullable String value, String field, int max) {
        if (value == null || value.isBlank()) throw new InvalidInvestigation("give a " + field);
        return optional(value, field, max);
    }

    private static String optional(@Nullable String value, String field, int max) {
        String v = value == null ? "" : value.strip();
        if (v.length() > max)
            throw new InvalidInvestigation("the " + field + " is " + v.length() + " characters long; at most " + max);
        return v;
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static String cut(String s, int max) {
        String t = s.strip();
        return t.length() <= max ? t : t.substring(0, max - 1) + "…";
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
