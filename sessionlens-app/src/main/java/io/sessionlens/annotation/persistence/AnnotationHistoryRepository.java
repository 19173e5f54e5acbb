package io.sessionlens.annotation.persistence;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

/** Earlier versions of annotations, newest first. */
public interface AnnotationHistoryRepository extends JpaRepository<AnnotationHistoryEntity, Long> {
    List<AnnotationHistoryEntity> findByAnnotationIdOrderByVersionDesc(long annotationId);

    void deleteByAnnotationId(long annotationId);
}
