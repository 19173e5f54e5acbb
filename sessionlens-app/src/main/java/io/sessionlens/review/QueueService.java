package io.sessionlens.review;

import io.sessionlens.account.AccountService;
import io.sessionlens.account.UserAccount;
import io.sessionlens.analysis.RootCauseKind;
import io.sessionlens.annotation.Annotation;
import io.sessionlens.annotation.AnnotationDraft;
import io.sessionlens.annotation.AnnotationProblem;
import io.sessionlens.annotation.AnnotationService;
import io.sessionlens.annotation.LabelSchema;
import io.sessionlens.annotation.LabelSchemaService;
import io.sessionlens.audit.AuditLog;
import io.sessionlens.base.live.LiveUpdates;
import io.sessionlens.base.security.Role;
import io.sessionlens.review.persistence.ReviewAnswerEntity;
import io.sessionlens.review.persistence.ReviewAnswerRepository;
import io.sessionlens.review.persistence.ReviewItemEntity;
import io.sessionlens.review.persistence.ReviewItemRepository;
import io.sessionlens.review.persistence.ReviewQueueEntity;
import io.sessionlens.review.persistence.ReviewQueueRepository;
import io.sessionlens.session.SessionDocument;
import io.sessionlens.session.SessionQuery;
import io.sessionlens.session.SessionService;
import io.sessionlens.session.VerdictService;
import io.sessionlens.trace.SessionRef;
import io.sessionlens.trace.json.SharedJson;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;

/**
 * Review queues (issue #12; decision records 030, 031): made by a manager from a sessions filter (the matching sessions
 * are snapshot as items), answered by the queue's reviewers one item at a time. {@link #next} claims an item with one
 * conditional UPDATE, so an item being reviewed is never handed to a second reviewer until its lock
 * ({@code sessionlens.review.lock-timeout}, 10 minutes) runs out or the reviewer answers or skips. Each reviewer's
 * answer is kept apart; the session's human verdict is set when an item has all its answers and they agree, or when a
 * manager adjudicates a disagreement.
 */
@Service
@Transactional
public class QueueService {
    public static final int NAME_MAX = 200;
    public static final int MAX_ITEMS = 5000;
    public static final int NOTE_MAX = 10_000;
    public static final int LABEL_VALUE_MAX = 1000;
    static final String AUDIT_CREATED = "queue-created";
    static final String AUDIT_CLOSED = "queue-closed";
    static final String AUDIT_DELETED = "queue-deleted";
    static final String AUDIT_ANSWER = "queue-answer";
    static final String AUDIT_SKIP = "queue-skip";
    static final String AUDIT_ADJUDICATED = "queue-adjudicated";
    /** The agreement question for the verdict; the labels' questions are their schema names. */
    public static final String ROOT_CAUSE_TURN = "root-cause turn";

    private final ReviewQueueRepository queues;
    private final ReviewItemRepository items;
    private final ReviewAnswerRepository answers;
    private final SessionService sessions;
    private final VerdictService verdicts;
    private final AccountService accounts;
    private final AuditLog audit;
    private final AnnotationService annotations;
    private final LabelSchemaService schemas;
    private final LiveUpdates live;
    private final Clock clock;
    private final Duration lockTimeout;

    QueueService(ReviewQueueRepository queues, ReviewItemRepository items, ReviewAnswerRepository answers,
            SessionService sessions, VerdictService verdicts, AccountService accounts, AuditLog audit,
            AnnotationService annotations, LabelSchemaService schemas, LiveUpdates live, Clock clock,
            @Value("${sessionlens.review.lock-timeout:10m}") Duration lockTimeout) {
        this.annotations = annotations;
        this.schemas = schemas;
        this.live = live;
        this.queues = queues;
        this.items = items;
        this.answers = answers;
        this.sessions = sessions;
        this.verdicts = verdicts;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
        this.lockTimeout = lockTimeout;
    }

    /** What a manager asks for: {@code filter} holds the Sessions page's URL parameters ({@code experiment=…}). */
    public record NewQueue(@Nullable String name, Map<String, String> filter, List<String> labelSchemas,
            List<String> reviewers, int reviewersPerSession) {}

    /** A reviewer's answer: {@code turn} null says "no root cause"; {@code labels} by schema name. */
    public record Answer(@Nullable Integer turn, @Nullable String kind, @Nullable String note,
            Map<String, String> labels) {}

    /** The sessions a filter matches, and what the filter could not read: for the new-queue form. */
    @Transactional(readOnly = true)
    public long matching(Map<String, String> filter) {
        return sessions.count(parse(filter).filter());
    }

    /** Makes the queue: every session the filter matches now, in the filter's order, becomes an item. */
    public ReviewQueue create(NewQueue q, String manager) {
        String name = q.name() == null ? "" : q.name().strip();
        if (name.isEmpty()) throw ReviewProblem.invalid("give the queue a name");
        if (name.length() > NAME_MAX)
            throw ReviewProblem.invalid("the name is " + name.length() + " characters long; at most " + NAME_MAX);
        if (q.reviewersPerSession() < 1 || q.reviewersPerSession() > 3)
            throw ReviewProblem.invalid("reviewersPerSession is " + q.reviewersPerSession() + "; it must be 1, 2 or 3");
        List<String> reviewers = new ArrayList<>(new LinkedHashSet<>(q.reviewers().stream().map(String::strip)
                .filter(s -> !s.isEmpty()).toList()));
        if (reviewers.isEmpty()) throw ReviewProblem.invalid("name at least one reviewer");
        for (String r : reviewers) {
            Optional<UserAccount> u = accounts.user(r);
            if (u.isEmpty() || !u.get().enabled())
                throw ReviewProblem.invalid("there is no user \"" + r + "\" to review");
            if (!u.get().role().includes(Role.ANALYST))
                throw ReviewProblem.invalid(r + " is a viewer; reviewers must be analysts or above");
        }
        if (reviewers.size() < q.reviewersPerSession())
            throw ReviewProblem.invalid(q.reviewersPerSession() + " reviewers per session need at least as many"
                    + " reviewers; the queue has " + reviewers.size());
        List<String> schemas = new ArrayList<>(new LinkedHashSet<>(q.labelSchemas().stream().map(String::strip)
                .filter(s -> !s.isEmpty()).toList()));
        for (String s : schemas)
            if (s.length() > NAME_MAX) throw ReviewProblem.invalid("a label schema name is longer than " + NAME_MAX);
        SessionQuery query = parse(q.filter());
        String experiment = query.filter().experimentId();
        if (experiment != null)
            for (String s : schemas) {
                if (this.schemas.find(experiment, s).isEmpty()) {
                    String known = this.schemas.list(experiment).stream().map(LabelSchema::name)
                            .collect(Collectors.joining(", "));
                    throw ReviewProblem.invalid("experiment " + experiment + " has no label schema \"" + s + "\""
                            + (known.isEmpty() ? " (it has none yet)" : "; its schemas: " + known));
                }
            }
        long n = sessions.count(query.filter());
        if (n == 0) throw ReviewProblem.invalid("the filter matches no sessions");
        if (n > MAX_ITEMS)
            throw ReviewProblem.invalid("the filter matches " + n + " sessions; a queue holds at most " + MAX_ITEMS
                    + ": narrow the filter");
        String filterText = queryString(query.toParameters());
        var queue = queues.save(new ReviewQueueEntity(name, filterText, json(schemas), json(reviewers),
                q.reviewersPerSession(), manager, clock.instant()));
        List<ReviewItemEntity> rows = new ArrayList<>();
        sessions.forEachMatching(query, row -> {
            if (rows.size() < MAX_ITEMS)
                rows.add(new ReviewItemEntity(queue.getId(), rows.size() + 1,
                        new SessionRef(row.experimentId(), row.sessionId())));
        });
        items.saveAll(rows);
        items.flush();
        ReviewQueue made = toQueue(queue);
        live.publish(topic(queue.getId()));
        audit.record(AUDIT_CREATED, "queue " + queue.getId(), "review queue \"" + name + "\" made: " + rows.size()
                + " sessions (" + (filterText.isEmpty() ? "every session" : filterText) + "), reviewers "
                + String.join(", ", reviewers) + ", " + q.reviewersPerSession() + " per session", null, made);
        return made;
    }

    @Transactional(readOnly = true)
    public List<ReviewQueue> list() {
        return queues.findAllByOrderByCreatedAtDesc().stream().map(this::toQueue).toList();
    }

    @Transactional(readOnly = true)
    public ReviewQueue get(long queueId) {
        return toQueue(queue(queueId));
    }

    @Transactional(readOnly = true)
    public List<ReviewItem> items(long queueId) {
        ReviewQueueEntity q = queue(queueId);
        List<ReviewItemEntity> rows = items.findByQueueIdOrderByPosition(queueId);
        Map<Long, List<ReviewAnswer>> byItem = answersOf(rows);
        return rows.stream().map(i -> toItem(i, byItem.getOrDefault(i.getId(), List.of()), q)).toList();
    }

    /** Agreement on the root-cause turn and on each label, over the items whose answers are all in. */
    @Transactional(readOnly = true)
    public List<Agreement> agreement(long queueId) {
        ReviewQueueEntity q = queue(queueId);
        List<ReviewItem> done = items(queueId).stream().filter(i -> i.outcome() != ReviewItem.Outcome.OPEN).toList();
        List<Agreement> out = new ArrayList<>();
        out.add(Agreement.of(ROOT_CAUSE_TURN, done.stream()
                .map(i -> given(i).stream().map(a -> (@Nullable String) (a.turn() == null
                        ? "none"
                        : a.turn().toString())).toList())
                .toList()));
        for (String schema : strings(q.getLabelSchemas()))
            out.add(Agreement.of(schema, done.stream()
                    .map(i -> given(i).stream().map(a -> (@Nullable String) a.labels().get(schema)).toList())
                    .toList()));
        return out;
    }

    /** Items whose answers differ, for a manager to adjudicate. */
    @Transactional(readOnly = true)
    public List<ReviewItem> disagreements(long queueId) {
        return items(queueId).stream().filter(i -> i.outcome() == ReviewItem.Outcome.DISAGREED).toList();
    }

    /** The open queues the user reviews, for "My queue". */
    @Transactional(readOnly = true)
    public List<ReviewQueue> reviewedBy(String reviewer) {
        return queues.findAllByOrderByCreatedAtDesc().stream()
                .filter(q -> q.getClosedAt() == null && strings(q.getReviewers()).contains(reviewer))
                .map(this::toQueue).toList();
    }

    /**
     * Claims the reviewer's next item: the one they hold, else the first free one they have neither answered nor
     * skipped, locked for them for the lock timeout. Empty when nothing is left for them.
     */
    public Optional<Claim> next(long queueId, String reviewer) {
        ReviewQueueEntity q = openQueueOf(queueId, reviewer);
        for (int attempt = 0; attempt < 5; attempt++) {
            Instant now = clock.instant();
            List<Long> candidates = items.claimable(queueId, q.getReviewersPerSession(), reviewer, now,
                    PageRequest.of(0, 20));
            if (candidates.isEmpty()) return Optional.empty();
            for (long id : candidates) {
                if (items.claim(id, queueId, q.getReviewersPerSession(), reviewer, now, now.plus(lockTimeout)) == 1) {
                    items.releaseOthers(queueId, reviewer, id);
                    live.publish(topic(queueId));
                    ReviewItemEntity item = items.findById(id).orElseThrow();
                    return Optional.of(new Claim(queueId, q.getName(), id, item.ref(),
                            Objects.requireNonNull(item.getLockedUntil()), answers.countDoneBy(queueId, reviewer) + 1,
                            items.countByQueueId(queueId), strings(q.getLabelSchemas())));
                }
            }
            // every candidate was taken between the read and the update: read again
        }
        return Optional.empty();
    }

    /** Lets go of the reviewer's lock (they left the focus view); nothing when they hold none. */
    public void release(long queueId, long itemId, String reviewer) {
        if (items.release(itemOf(queueId, itemId).getId(), reviewer) > 0) live.publish(topic(queueId));
    }

    /**
     * Stores the reviewer's answer and releases the item. When it was the last answer the item needs, the answers are
     * compared: agreeing ones set the session's verdict; differing ones wait for a manager.
     */
    public ReviewItem answer(long queueId, long itemId, String reviewer, Answer a) {
        ReviewQueueEntity q = openQueueOf(queueId, reviewer);
        ReviewItemEntity item = itemOf(queueId, itemId);
        if (answers.existsByItemIdAndReviewer(itemId, reviewer))
            throw ReviewProblem.conflict("you already answered or skipped this session");
        checkHeldByNobodyElse(item, reviewer);
        Answer valid = validate(item.ref(), a, strings(q.getLabelSchemas()));
        if (items.countAnswer(itemId, q.getReviewersPerSession()) == 0)
            throw ReviewProblem.conflict("this session already has the " + q.getReviewersPerSession()
                    + " answers it needs");
        valid = annotate(item.ref(), valid);
        answers.save(new ReviewAnswerEntity(itemId, reviewer, false, valid.turn(), valid.kind(), valid.note(),
                json(valid.labels()), clock.instant()));
        answers.flush();
        items.release(itemId, reviewer);
        ReviewItemEntity now = items.findById(itemId).orElseThrow();
        audit.record(AUDIT_ANSWER, "queue " + queueId + " / " + item.ref().sessionId(), "answer in review queue \""
                + q.getName() + "\" for session " + item.ref().sessionId() + ": "
                + (valid.turn() == null ? "no root cause" : "turn " + valid.turn() + " (" + valid.kind() + ")"),
                null, valid);
        if (now.getAnswerCount() >= q.getReviewersPerSession()) conclude(q, now);
        live.publish(topic(queueId));
        return toItem(items.findById(itemId).orElseThrow(), answersOf(List.of(now)).getOrDefault(itemId, List.of()),
                q);
    }

    /** The reviewer passes on the item: it is released and not offered to them again. */
    public void skip(long queueId, long itemId, String reviewer) {
        ReviewQueueEntity q = openQueueOf(queueId, reviewer);
        ReviewItemEntity item = itemOf(queueId, itemId);
        if (answers.existsByItemIdAndReviewer(itemId, reviewer))
            throw ReviewProblem.conflict("you already answered or skipped this session");
        answers.save(new ReviewAnswerEntity(itemId, reviewer, true, null, null, null, null, clock.instant()));
        answers.flush();
        items.release(itemId, reviewer);
        live.publish(topic(queueId));
        audit.record(AUDIT_SKIP, "queue " + queueId + " / " + item.ref().sessionId(),
                "skipped session " + item.ref().sessionId() + " in review queue \"" + q.getName() + "\"", null, null);
    }

    /**
     * A manager's final word on an item whose answers differ (or any answered one): the session's verdict is set to it
     * and the item is marked adjudicated.
     */
    public ReviewItem adjudicate(long queueId, long itemId, String manager, Answer a) {
        ReviewQueueEntity q = queue(queueId);
        ReviewItemEntity item = itemOf(queueId, itemId);
        if (item.getAnswerCount() == 0) throw ReviewProblem.conflict("nobody has answered this session yet");
        Answer valid = annotate(item.ref(), validate(item.ref(), a, strings(q.getLabelSchemas())));
        if (verdicts.decide(item.ref(), valid.turn(), valid.kind(), valid.note(), manager, null).isEmpty())
            throw ReviewProblem.notFound("session " + item.ref().sessionId() + " no longer exists");
        items.conclude(itemId, ReviewItem.Outcome.ADJUDICATED.wire(),
                json(new ReviewItem.Result(valid.turn(), valid.kind(), valid.labels(), manager)));
        item = items.findById(itemId).orElseThrow();
        live.publish(topic(queueId));
        audit.record(AUDIT_ADJUDICATED, "queue " + queueId + " / " + item.ref().sessionId(),
                "adjudicated session " + item.ref().sessionId() + " in review queue \"" + q.getName() + "\": "
                        + (valid.turn() == null ? "no root cause" : "turn " + valid.turn() + " (" + valid.kind() + ")"),
                null, valid);
        return toItem(item, answersOf(List.of(item)).getOrDefault(itemId, List.of()), q);
    }

    /** Closes the queue: nothing more is handed out; its answers and figures stay. */
    public ReviewQueue close(long queueId) {
        ReviewQueueEntity q = queue(queueId);
        if (q.getClosedAt() == null) {
            q.close(clock.instant());
            queues.save(q);
            live.publish(topic(queueId));
            audit.record(AUDIT_CLOSED, "queue " + queueId, "review queue \"" + q.getName() + "\" closed", null, null);
        }
        return toQueue(q);
    }

    /** Deletes the queue with its items and answers; verdicts already set on sessions stay. */
    public void delete(long queueId) {
        ReviewQueueEntity q = queue(queueId);
        ReviewQueue before = toQueue(q);
        queues.delete(q);
        live.publish(topic(queueId));
        audit.record(AUDIT_DELETED, "queue " + queueId, "review queue \"" + q.getName() + "\" deleted", before, null);
    }

    /** The live-update topic of a queue's page: {@code queue:<id>}. */
    public static String topic(long queueId) {
        return "queue:" + queueId;
    }

    /**
     * Each label value becomes an annotation on the session by the current user (the reviewer, or the adjudicating
     * manager), so it shows wherever annotations show; the schema checks the value, and the answer keeps its spelling.
     */
    private Answer annotate(SessionRef ref, Answer a) {
        Map<String, String> canonical = new TreeMap<>();
        for (var e : a.labels().entrySet()) {
            try {
                Annotation made = annotations.create(ref, AnnotationDraft.onSession(e.getKey(), e.getValue(), null))
                        .orElseThrow(() -> ReviewProblem.notFound("session " + ref.sessionId() + " no longer exists"));
                canonical.put(e.getKey(), Objects.requireNonNullElse(made.labelValue(), e.getValue()));
            } catch (AnnotationProblem p) {
                throw ReviewProblem.invalid(String.valueOf(p.getMessage()));
            }
        }
        return new Answer(a.turn(), a.kind(), a.note(), canonical);
    }

    private void conclude(ReviewQueueEntity q, ReviewItemEntity item) {
        List<ReviewAnswer> given = answersOf(List.of(item)).getOrDefault(item.getId(), List.of()).stream()
                .filter(a -> !a.skipped()).toList();
        if (given.isEmpty()) return;
        boolean verdictAgreed = given.stream().map(ReviewAnswer::verdictValue).distinct().count() == 1;
        boolean labelsAgreed = strings(q.getLabelSchemas()).stream()
                .allMatch(s -> given.stream().map(a -> Optional.ofNullable(a.labels().get(s))).distinct().count() == 1);
        ReviewAnswer first = given.getFirst();
        String by = given.stream().map(ReviewAnswer::reviewer).collect(Collectors.joining(", "));
        if (verdictAgreed) {
            String note = "Review queue \"" + q.getName() + "\"" + (given.size() > 1 ? ": " + by + " agreed." : ".")
                    + given.stream().filter(a -> !a.note().isBlank()).map(a -> "\n" + a.reviewer() + ": " + a.note())
                            .collect(Collectors.joining());
            verdicts.decide(item.ref(), first.turn(), first.kind(), cut(note, NOTE_MAX), cut(by, 200), null);
        }
        if (verdictAgreed && labelsAgreed)
            items.conclude(item.getId(), ReviewItem.Outcome.AGREED.wire(),
                    json(new ReviewItem.Result(first.turn(), first.kind(), first.labels(), by)));
        else
            items.conclude(item.getId(), ReviewItem.Outcome.DISAGREED.wire(), null);
    }

    private Answer validate(SessionRef ref, Answer a, List<String> schemas) {
        SessionDocument doc = sessions.document(ref)
                .orElseThrow(() -> ReviewProblem.notFound("session " + ref.sessionId() + " no longer exists"));
        Integer turn = a.turn();
        String kind = a.kind() == null || a.kind().isBlank() ? null : a.kind().strip();
        if (turn != null) {
            if (turn < 1 || turn > doc.turnCount())
                throw ReviewProblem.invalid("turn " + turn + " is not a turn of this session (it has "
                        + doc.turnCount() + (doc.turnCount() == 1 ? " turn)" : " turns)"));
            if (kind == null)
                throw ReviewProblem.invalid("say what kind of root cause turn " + turn + " is (" + kinds() + ")");
            try {
                kind = RootCauseKind.ofWire(kind).wire();
            } catch (IllegalArgumentException unknown) {
                throw ReviewProblem.invalid("\"" + kind + "\" is not a root-cause kind; one of " + kinds());
            }
        } else {
            kind = null;
        }
        String note = a.note() == null ? "" : a.note().strip();
        if (note.length() > NOTE_MAX)
            throw ReviewProblem.invalid("the note is " + note.length() + " characters long; at most " + NOTE_MAX);
        Map<String, String> labels = new TreeMap<>();
        for (var e : a.labels().entrySet()) {
            if (!schemas.contains(e.getKey()))
                throw ReviewProblem.invalid("\"" + e.getKey() + "\" is not a label of this queue"
                        + (schemas.isEmpty() ? " (it has none)" : "; its labels: " + String.join(", ", schemas)));
            String v = e.getValue() == null ? "" : e.getValue().strip();
            if (v.length() > LABEL_VALUE_MAX)
                throw ReviewProblem.invalid("the value of " + e.getKey() + " is longer than " + LABEL_VALUE_MAX);
            if (!v.isEmpty()) labels.put(e.getKey(), v);
        }
        return new Answer(turn, kind, note, labels);
    }

    private void checkHeldByNobodyElse(ReviewItemEntity item, String reviewer) {
        String holder = item.getLockedBy();
        Instant until = item.getLockedUntil();
        if (holder != null && !holder.equals(reviewer) && until != null && !until.isBefore(clock.instant()))
            throw ReviewProblem.conflict(holder + " is reviewing this session (locked until " + until + ")");
    }

    private ReviewQueueEntity openQueueOf(long queueId, String reviewer) {
        ReviewQueueEntity q = queue(queueId);
        if (!strings(q.getReviewers()).contains(reviewer))
            throw ReviewProblem.forbidden(reviewer + " is not a reviewer of queue \"" + q.getName() + "\"");
        if (q.getClosedAt() != null) throw ReviewProblem.conflict("queue \"" + q.getName() + "\" is closed");
        return q;
    }

    private ReviewQueueEntity queue(long queueId) {
        return queues.findById(queueId)
                .orElseThrow(() -> ReviewProblem.notFound("there is no review queue " + queueId));
    }

    private ReviewItemEntity itemOf(long queueId, long itemId) {
        return items.findByIdAndQueueId(itemId, queueId)
                .orElseThrow(() -> ReviewProblem.notFound("queue " + queueId + " has no item " + itemId));
    }

    private Map<Long, List<ReviewAnswer>> answersOf(List<ReviewItemEntity> rows) {
        Map<Long, List<ReviewAnswer>> out = new HashMap<>();
        if (rows.isEmpty()) return out;
        for (ReviewAnswerEntity a : answers.findByItemIdIn(rows.stream().map(ReviewItemEntity::getId).toList()))
            out.computeIfAbsent(a.getItemId(), k -> new ArrayList<>()).add(toAnswer(a));
        out.values().forEach(l -> l.sort(java.util.Comparator.comparing(ReviewAnswer::reviewer)));
        return out;
    }

    private static List<ReviewAnswer> given(ReviewItem i) {
        return i.answers().stream().filter(a -> !a.skipped()).toList();
    }

    private ReviewQueue toQueue(ReviewQueueEntity q) {
        long id = q.getId();
        long total = items.countByQueueId(id);
        var progress = new ReviewQueue.Progress(total, items.countComplete(id, q.getReviewersPerSession()),
                answers.countAnswers(id), total * q.getReviewersPerSession(),
                items.countByQueueIdAndOutcome(id, ReviewItem.Outcome.DISAGREED.wire()),
                items.countByQueueIdAndOutcome(id, ReviewItem.Outcome.ADJUDICATED.wire()),
                items.countLocked(id, clock.instant()));
        return new ReviewQueue(id, q.getName(), q.getFilterQuery(), strings(q.getLabelSchemas()),
                strings(q.getReviewers()), q.getReviewersPerSession(), q.getCreatedBy(), q.getCreatedAt(),
                q.getClosedAt(), progress);
    }

    private ReviewItem toItem(ReviewItemEntity i, List<ReviewAnswer> given, ReviewQueueEntity q) {
        Instant until = i.getLockedUntil();
        boolean locked = i.getLockedBy() != null && until != null && !until.isBefore(clock.instant());
        ReviewItem.Outcome outcome = i.getOutcome() == null
                ? ReviewItem.Outcome.OPEN
                : ReviewItem.Outcome.valueOf(i.getOutcome().toUpperCase(java.util.Locale.ROOT));
        return new ReviewItem(i.getId(), i.getQueueId(), i.getPosition(), i.ref(), i.getAnswerCount(),
                locked ? i.getLockedBy() : null, locked ? until : null, outcome, given, result(i.getFinalJson()));
    }

    private static ReviewAnswer toAnswer(ReviewAnswerEntity a) {
        return new ReviewAnswer(a.getReviewer(), a.isSkipped(), a.getRootCauseTurn(), a.getRootCauseKind(),
                a.getNote() == null ? "" : a.getNote(), labels(a.getLabelsJson()), a.getAnsweredAt());
    }

    /** The filter as the Sessions page's parameters; one it cannot read is refused, naming it. */
    static SessionQuery parse(Map<String, String> filter) {
        Map<String, List<String>> p = new LinkedHashMap<>();
        filter.forEach((k, v) -> p.put(k, v == null ? List.of() : List.of(v)));
        SessionQuery.Parsed parsed = SessionQuery.parse(p);
        if (!parsed.problems().isEmpty()) throw ReviewProblem.invalid("the filter: " + parsed.message());
        return parsed.query();
    }

    /** {@code experiment=a&verdict=root_cause} (a leading {@code ?} or a whole Sessions-page URL is fine) as a map. */
    public static Map<String, String> parseQueryString(@Nullable String text) {
        Map<String, String> out = new LinkedHashMap<>();
        if (text == null) return out;
        String s = text.strip();
        int q = s.indexOf('?');
        if (q >= 0) s = s.substring(q + 1);
        for (String part : s.split("&")) {
            if (part.isBlank()) continue;
            int eq = part.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? part : part.substring(0, eq), StandardCharsets.UTF_8).strip();
            String v = eq < 0 ? "" : URLDecoder.decode(part.substring(eq + 1), StandardCharsets.UTF_8).strip();
            if (!k.isEmpty()) out.put(k, v);
        }
        return out;
    }

    public static String queryString(Map<String, String> parameters) {
        return parameters.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static String json(Object value) {
        return SharedJson.MAPPER.writeValueAsString(value);
    }

    private static List<String> strings(String json) {
        try {
            return SharedJson.MAPPER.readValue(json, new TypeReference<List<String>>() {});
        } catch (JacksonException e) {
            return List.of();
        }
    }

    private static Map<String, String> labels(@Nullable String json) {
        if (json == null) return Map.of();
        try {
            return SharedJson.MAPPER.readValue(json, new TypeReference<Map<String, String>>() {});
        } catch (JacksonException e) {
            return Map.of();
        }
    }

    private static ReviewItem.@Nullable Result result(@Nullable String json) {
        if (json == null) return null;
        try {
            return SharedJson.MAPPER.readValue(json, ReviewItem.Result.class);
        } catch (JacksonException e) {
            return null;
        }
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    private static String kinds() {
        return Arrays.stream(RootCauseKind.values()).map(RootCauseKind::wire).collect(Collectors.joining(", "));
    }
}
