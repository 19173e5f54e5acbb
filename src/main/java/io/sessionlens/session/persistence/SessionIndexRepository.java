package io.sessionlens.session.persistence;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

public interface SessionIndexRepository
        extends JpaRepository<SessionIndexEntity, SessionIndexEntity.Key>, JpaSpecificationExecutor<SessionIndexEntity> {}
