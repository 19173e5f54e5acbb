package io.sessionlens.trace.persistence;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface AssessmentRepository extends JpaRepository<AssessmentEntity, AssessmentEntity.Key> {

    @Query("select a from AssessmentEntity a where a.tracePk = :tracePk order by a.seq")
    List<AssessmentEntity> findTrace(long tracePk);

    @Query("select a from AssessmentEntity a where a.tracePk in :pks order by a.tracePk, a.seq")
    @org.springframework.data.jpa.repository.QueryHints(@jakarta.persistence.QueryHint(name = org.hibernate.jpa.HibernateHints.HINT_READ_ONLY, value = "true"))
    List<AssessmentEntity> findTraces(java.util.Collection<Long> pks);

    @Query("select a from AssessmentEntity a where a.tracePk = :tracePk and a.spanId = :spanId order by a.seq")
    List<AssessmentEntity> findSpan(long tracePk, String spanId);
}
