package io.sessionlens.session;

import io.sessionlens.analysis.TurnMapping;
import io.sessionlens.audit.AuditLog;
import io.sessionlens.session.persistence.ExperimentSettingsEntity;
import io.sessionlens.session.persistence.ExperimentSettingsRepository;
import io.sessionlens.session.persistence.SessionIndexRepository;
import io.sessionlens.trace.json.SharedJson;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Per-experiment analyst overrides (turn mapping, judge polarity); saving one re-analyses the experiment's sessions. */
@Service
public class ExperimentSettingsService {
    private static final JsonMapper JSON = SharedJson.MAPPER;
    private final ExperimentSettingsRepository repo;
    private final SessionIndexRepository index;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final AuditLog audit;

    ExperimentSettingsService(ExperimentSettingsRepository repo, SessionIndexRepository index,
            ApplicationEventPublisher events, Clock clock, AuditLog audit) {
        this.repo = repo;
        this.index = index;
        this.events = events;
        this.clock = clock;
        this.audit = audit;
    }

    /** How many sessions a change of this experiment's settings re-analyses (the confirmation names it). */
    @Transactional(readOnly = true)
    public long sessionCount(String experimentId) {
        return index.countByExperimentId(experimentId);
    }

    @Transactional(readOnly = true)
    public ExperimentSettings get(String experimentId) {
        return repo.findById(experimentId).map(e -> new ExperimentSettings(experimentId,
                JSON.readValue(e.getMappingsJson(), new TypeReference<List<TurnMapping>>() {}),
                JSON.readValue(e.getPolarityJson(), new TypeReference<Map<String, Set<String>>>() {})))
                .orElseGet(() -> ExperimentSettings.none(experimentId));
    }

    /** Adds the analyst's reading of a turn to the experiment's settings and saves them; see {@link #save}. */
    @Transactional
    public int useMapping(String experimentId, TurnMapping mapping) {
        return save(get(experimentId).withMapping(mapping));
    }

    /** Sets which values of these judges are failures and saves the settings; see {@link #save}. */
    @Transactional
    public int useFailingValues(String experimentId, Map<String, Set<String>> byJudge) {
        return save(get(experimentId).withFailingValues(byJudge));
    }

    /**
     * Saves the overrides and queues every session of the experiment for re-analysis with them (the background worker
     * redoes them; a session opened meanwhile is redone at once), and records the change with before → after in the
     * audit log. Returns how many were queued.
     */
    @Transactional
    public int save(ExperimentSettings s) {
        ExperimentSettings before = get(s.experimentId());
        ExperimentSettingsEntity e = repo.findById(s.experimentId())
                .orElseGet(() -> new ExperimentSettingsEntity(s.experimentId()));
        e.setMappingsJson(JSON.writeValueAsString(s.mappings()));
        e.setPolarityJson(JSON.writeValueAsString(s.failingValues()));
        e.setUpdatedAt(clock.instant());
        repo.save(e);
        int queued = index.queueExperiment(s.experimentId());
        audit.record(AuditLog.EXPERIMENT_SETTINGS, s.experimentId(), "settings of experiment " + s.experimentId()
                + " changed (" + changed(before, s) + "); " + queued + (queued == 1 ? " session" : " sessions")
                + " re-analysed", before, s);
        // Only once committed: the worker must find the queued rows when it wakes.
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                events.publishEvent(new SessionsQueued(queued));
                events.publishEvent(new SessionRowsChanged.Experiment(s.experimentId()));
            }
        });
        return queued;
    }

    private static String changed(ExperimentSettings before, ExperimentSettings after) {
        boolean mapping = !before.mappings().equals(after.mappings());
        boolean polarity = !before.failingValues().equals(after.failingValues());
        return mapping && polarity
                ? "turn mapping and judge polarity"
                : mapping ? "turn mapping" : polarity ? "judge polarity" : "saved unchanged";
    }
}
