package io.sessionlens.session.persistence;

import io.sessionlens.trace.SessionRef;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

/** Human verdicts, named by {@link SessionRef} outside this package. */
public interface HumanVerdictRepository extends JpaRepository<HumanVerdictEntity, SessionIndexEntity.Key> {
    default Optional<HumanVerdictEntity> findByRef(SessionRef ref) {
        return findById(SessionIndexEntity.Key.of(ref));
    }

    @org.springframework.data.jpa.repository.Query("select new io.sessionlens.trace.SessionRef(v.experimentId, v.sessionKey)"
            + " from HumanVerdictEntity v where v.experimentId = :experimentId order by v.sessionKey")
    java.util.List<SessionRef> findRefsByExperimentId(String experimentId);

    default void deleteByRef(SessionRef ref) {
        deleteById(SessionIndexEntity.Key.of(ref));
    }
}
