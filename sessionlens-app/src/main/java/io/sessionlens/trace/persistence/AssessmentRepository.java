package io.sessionlens.trace.persistence;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface AssessmentRepository extends JpaRepository<AssessmentEntity, AssessmentEntity.Key> {

    @Query("select a from AssessmentEntity a where a.traceId = :traceId order by a.seq")
    List<AssessmentEntity> findTrace(String traceId);

    @Query("select a from AssessmentEntity a where a.traceId in :ids order by a.traceId, a.seq")
    @org.springframework.data.jpa.repository.QueryHints(@jakarta.persistence.QueryHint(name = org.hibernate.jpa.HibernateHints.HINT_READ_ONLY, value = "true"))
    List<AssessmentEntity> findTraces(java.util.Collection<String> ids);

    @Query("select a from AssessmentEntity a where a.traceId = :traceId and a.spanId = :spanId order by a.seq")
    List<AssessmentEntity> findSpan(String traceId, String spanId);
}
