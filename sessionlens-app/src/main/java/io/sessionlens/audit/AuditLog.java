package io.sessionlens.audit;

import io.sessionlens.audit.persistence.AuditEntryEntity;
import io.sessionlens.audit.persistence.AuditEntryRepository;
import io.sessionlens.base.security.CurrentUser;
import io.sessionlens.trace.json.SharedJson;
import java.time.Clock;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The audit log of every write: imports, experiment settings (turn mapping, judge polarity) with before → after, users
 * and roles, API tokens. Any feature records its writes with {@link #record}; the actor is the signed-in user
 * ({@link CurrentUser#actor()}), {@code system} for start-up work. Entries are never changed or removed.
 */
@Service
public class AuditLog {
    public static final String IMPORT = "import";
    public static final String EXPERIMENT_SETTINGS = "experiment-settings";
    public static final String VERDICT = "verdict";
    public static final String USER_CREATED = "user-created";
    public static final String USER_ROLE_CHANGED = "user-role-changed";
    public static final String USER_PASSWORD_CHANGED = "user-password-changed";
    public static final String USER_REMOVED = "user-removed";
    public static final String TOKEN_CREATED = "token-created";
    public static final String TOKEN_REVOKED = "token-revoked";
    public static final String SESSION_DELETED = "session-deleted";
    public static final String IMPORT_DELETED = "import-deleted";

    static final int SUBJECT_MAX = 1000;
    static final int SUMMARY_MAX = 4000;

    private final AuditEntryRepository repo;
    private final Clock clock;

    AuditLog(AuditEntryRepository repo, Clock clock) {
        this.repo = repo;
        this.clock = clock;
    }

    /**
     * Records a write by the current user. {@code before} and {@code after} (either may be null) are kept as JSON: pass
     * the records the feature already has (settings, a verdict); they are shown side by side on the audit page.
     */
    @Transactional
    public AuditEntry record(String kind, String subject, String summary, @Nullable Object before,
            @Nullable Object after) {
        var e = repo.save(new AuditEntryEntity(clock.instant(), CurrentUser.actor(), kind, cut(subject, SUBJECT_MAX),
                cut(summary, SUMMARY_MAX), json(before), json(after)));
        return row(e);
    }

    /** Newest first; a null user or kind matches every one. */
    @Transactional(readOnly = true)
    public Page<AuditEntry> search(@Nullable String actor, @Nullable String kind, int page, int size) {
        return repo.search(blankToNull(actor), blankToNull(kind), PageRequest.of(page, size)).map(AuditLog::row);
    }

    /** Who appears in the log, for the page's filter. */
    @Transactional(readOnly = true)
    public List<String> actors() {
        return repo.actors();
    }

    /** Which kinds appear in the log, for the page's filter. */
    @Transactional(readOnly = true)
    public List<String> kinds() {
        return repo.kinds();
    }

    private static AuditEntry row(AuditEntryEntity e) {
        return new AuditEntry(e.getId(), e.getOccurredAt(), e.getActor(), e.getKind(), e.getSubject(), e.getSummary(),
                e.getBeforeJson(), e.getAfterJson());
    }

    private static @Nullable String json(@Nullable Object value) {
        if (value == null) return null;
        return SharedJson.MAPPER.writeValueAsString(value);
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
