package io.sessionlens.investigation.persistence;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface PinRepository extends JpaRepository<PinEntity, Long> {
    List<PinEntity> findByInvestigationIdOrderByPinnedAtAscIdAsc(long investigationId);

    List<PinEntity> findByInvestigationIdIn(Collection<Long> investigationIds);

    @Query("select distinct p.investigationId from PinEntity p where p.experimentId = :experimentId"
            + " and p.sessionKey = :sessionKey")
    List<Long> investigationsOf(String experimentId, String sessionKey);

    @Query("select distinct p.experimentId from PinEntity p order by p.experimentId")
    List<String> experiments();
}
