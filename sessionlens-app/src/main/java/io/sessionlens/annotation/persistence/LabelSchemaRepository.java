package io.sessionlens.annotation.persistence;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

/** Label schemas by experiment, in the order they were made. */
public interface LabelSchemaRepository extends JpaRepository<LabelSchemaEntity, Long> {
    List<LabelSchemaEntity> findByExperimentIdOrderById(String experimentId);

    Optional<LabelSchemaEntity> findByExperimentIdAndName(String experimentId, String name);
}
