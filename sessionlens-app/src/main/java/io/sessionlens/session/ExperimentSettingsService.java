package io.sessionlens.session;

import io.sessionlens.analysis.TurnMapping;
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

    ExperimentSettingsService(ExperimentSettingsRepository repo, SessionIndexRepository index,
            ApplicationEventPublisher events, Clock clock) {
        this.repo = repo;
        this.index = index;
        this.events = events;
        this.clock = clock;
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
     * redoes them; a session opened meanwhile is redone at once). Returns how many were queued.
     */
    @Transactional
    public int save(ExperimentSettings s) {
        ExperimentSettingsEntity e = repo.findById(s.experimentId())
                .orElseGet(() -> new ExperimentSettingsEntity(s.experimentId()));
        e.setMappingsJson(JSON.writeValueAsString(s.mappings()));
        e.setPolarityJson(JSON.writeValueAsString(s.failingValues()));
        e.setUpdatedAt(clock.instant());
        repo.save(e);
        int queued = index.queueExperiment(s.experimentId());
        // Only once committed: the worker must find the queued rows when it wakes.
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                events.publishEvent(new SessionsQueued(queued));
            }
        });
        return queued;
    }
}
