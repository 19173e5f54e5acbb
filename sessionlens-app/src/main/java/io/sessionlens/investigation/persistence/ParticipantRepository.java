package io.sessionlens.investigation.persistence;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ParticipantRepository extends JpaRepository<ParticipantEntity, ParticipantEntity.Key> {
    List<ParticipantEntity> findByInvestigationId(long investigationId);
}
