package io.sessionlens.trace.persistence;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface TraceRepository extends JpaRepository<TraceEntity, String> {

    List<TraceEntity> findByExperimentIdAndSessionKeyOrderByRequestTimeAscTraceIdAsc(String experimentId, String sessionKey);

    List<TraceEntity> findBySessionKeyOrderByRequestTimeAscTraceIdAsc(String sessionKey);

    @Query("select t.traceId as traceId, t.contentHash as contentHash, t.experimentId as experimentId, t.sessionKey as sessionKey"
            + " from TraceEntity t where t.traceId in :ids")
    List<KnownTrace> findKnown(Collection<String> ids);

    interface KnownTrace {
        String getTraceId();
        String getContentHash();
        String getExperimentId();
        String getSessionKey();
    }
}
