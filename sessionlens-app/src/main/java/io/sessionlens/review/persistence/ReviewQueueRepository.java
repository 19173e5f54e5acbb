package io.sessionlens.review.persistence;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ReviewQueueRepository extends JpaRepository<ReviewQueueEntity, Long> {
    List<ReviewQueueEntity> findAllByOrderByCreatedAtDesc();
}
