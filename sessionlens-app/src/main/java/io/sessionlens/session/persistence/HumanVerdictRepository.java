package io.sessionlens.session.persistence;

import io.sessionlens.trace.SessionRef;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

/** Human verdicts, named by {@link SessionRef} outside this package. */
public interface HumanVerdictRepository extends JpaRepository<HumanVerdictEntity, SessionIndexEntity.Key> {
    default Optional<HumanVerdictEntity> findByRef(SessionRef ref) {
        return findById(SessionIndexEntity.Key.of(ref));
    }

    default void deleteByRef(SessionRef ref) {
        deleteById(SessionIndexEntity.Key.of(ref));
    }
}
