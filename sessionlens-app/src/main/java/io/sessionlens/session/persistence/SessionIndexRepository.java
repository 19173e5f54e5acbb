package io.sessionlens.session.persistence;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

public interface SessionIndexRepository
        extends JpaRepository<SessionIndexEntity, SessionIndexEntity.Key>, JpaSpecificationExecutor<SessionIndexEntity> {

    /** Sessions waiting for analysis (index session_index_analysis); the oldest activity first. */
    @org.springframework.data.jpa.repository.Query("select new io.sessionlens.session.persistence.SessionIndexEntity$Key(s.experimentId, s.sessionKey)"
            + " from SessionIndexEntity s where s.analysisVersion < :version order by s.analysisVersion, s.updatedAt")
    java.util.List<SessionIndexEntity.Key> findWaiting(int version, org.springframework.data.domain.Limit limit);

    long countByAnalysisVersionLessThan(int version);

    /** Marks an experiment's sessions as waiting; the generation bump voids any analysis already under way. */
    @org.springframework.data.jpa.repository.Modifying
    @org.springframework.data.jpa.repository.Query("update SessionIndexEntity s set s.analysisVersion = 0, s.generation = s.generation + 1"
            + " where s.experimentId = :experimentId")
    int queueExperiment(String experimentId);

    java.util.List<SessionIndexEntity> findByExperimentId(String experimentId);

    @org.springframework.data.jpa.repository.Query("select distinct s.experimentId from SessionIndexEntity s order by s.experimentId")
    java.util.List<String> findExperimentIds();
}
