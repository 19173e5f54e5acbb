package io.sessionlens.review.persistence;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface ReviewAnswerRepository extends JpaRepository<ReviewAnswerEntity, Long> {
    List<ReviewAnswerEntity> findByItemIdOrderByReviewer(long itemId);

    List<ReviewAnswerEntity> findByItemIdIn(Collection<Long> itemIds);

    boolean existsByItemIdAndReviewer(long itemId, String reviewer);

    @Query("select count(a) from ReviewAnswerEntity a, ReviewItemEntity i where a.itemId = i.id and i.queueId = :queue"
            + " and a.reviewer = :reviewer")
    long countDoneBy(@Param("queue") long queueId, @Param("reviewer") String reviewer);

    @Query("select count(a) from ReviewAnswerEntity a, ReviewItemEntity i where a.itemId = i.id and i.queueId = :queue"
            + " and a.skipped = false")
    long countAnswers(@Param("queue") long queueId);
}
