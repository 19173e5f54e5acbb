package io.sessionlens.trace.persistence;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface TraceRepository extends JpaRepository<TraceEntity, String> {

    List<TraceEntity> findByExperimentIdAndSessionKeyOrderByRequestTimeAscTraceIdAsc(String experimentId,
            String sessionKey);

    List<TraceEntity> findBySessionKeyOrderByRequestTimeAscTraceIdAsc(String sessionKey);

    /** The traces of several sessions of one experiment (index trace_record_session), each session in request-time order. */
    @Query("select t from TraceEntity t where t.experimentId = :experimentId and t.sessionKey in :keys"
            + " order by t.sessionKey, t.requestTime, t.traceId")
    @org.springframework.data.jpa.repository.QueryHints(@jakarta.persistence.QueryHint(name = org.hibernate.jpa.HibernateHints.HINT_READ_ONLY, value = "true"))
    List<TraceEntity> findSessions(String experimentId, Collection<String> keys);

    @Query("select t.traceId as traceId, t.contentHash as contentHash, t.experimentId as experimentId, t.sessionKey as sessionKey"
            + " from TraceEntity t where t.traceId in :ids")
    List<KnownTrace> findKnown(Collection<String> ids);

    /** The numeric key spans and assessments are stored under (V37). */
    @Query("select t.tracePk from TraceEntity t where t.traceId = :traceId")
    java.util.Optional<Long> findPk(String traceId);

    /** How many traces each of these sessions of one experiment has, from the index trace_record_session alone. */
    @Query("select t.sessionKey, count(t) from TraceEntity t where t.experimentId = :experimentId"
            + " and t.sessionKey in :keys group by t.sessionKey")
    List<Object[]> countSessions(String experimentId, Collection<String> keys);

    @Query("select t.traceId from TraceEntity t where t.experimentId = :experimentId and t.sessionKey = :sessionKey")
    List<String> findTraceIds(String experimentId, String sessionKey);

    interface KnownTrace {
        String getTraceId();
        String getContentHash();
        String getExperimentId();
        String getSessionKey();
    }

    // ---- neighbours of a turn in its session (index trace_record_session) ----

    String SAME_SESSION = "from TraceEntity t where t.experimentId = :experimentId and t.sessionKey = :sessionKey";
    String EARLIER = " and (t.requestTime < :requestTime or (t.requestTime = :requestTime and t.traceId < :traceId))";
    String LATER = " and (t.requestTime > :requestTime or (t.requestTime = :requestTime and t.traceId > :traceId))";

    @Query("select t.traceId " + SAME_SESSION + EARLIER + " order by t.requestTime desc, t.traceId desc limit 1")
    List<String> findPreviousInSession(String experimentId, String sessionKey, Instant requestTime, String traceId);

    @Query("select t.traceId " + SAME_SESSION + LATER + " order by t.requestTime asc, t.traceId asc limit 1")
    List<String> findNextInSession(String experimentId, String sessionKey, Instant requestTime, String traceId);

    @Query("select count(t) " + SAME_SESSION + EARLIER)
    long countEarlierInSession(String experimentId, String sessionKey, Instant requestTime, String traceId);

    @Query("select count(t) " + SAME_SESSION)
    long countInSession(String experimentId, String sessionKey);
}
