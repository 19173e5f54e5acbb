package io.sessionlens.trace.persistence;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface SpanRepository extends JpaRepository<SpanEntity, SpanEntity.Key> {

    @Query("select s from SpanEntity s where s.traceId = :traceId order by s.seq")
    List<SpanEntity> findTrace(String traceId);

    @Modifying
    @Query("delete from SpanEntity s where s.traceId = :traceId")
    int deleteTrace(String traceId);
}
