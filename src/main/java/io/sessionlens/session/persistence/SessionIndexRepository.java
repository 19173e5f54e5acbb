package io.sessionlens.session.persistence;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

public interface SessionIndexRepository
        extends JpaRepository<SessionIndexEntity, SessionIndexEntity.Key>, JpaSpecificationExecutor<SessionIndexEntity> {

    java.util.List<SessionIndexEntity> findByExperimentId(String experimentId);

    @org.springframework.data.jpa.repository.Query("select distinct s.experimentId from SessionIndexEntity s order by s.experimentId")
    java.util.List<String> findExperimentIds();
}
