package io.sessionlens.review.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/**
 * Items, and the claim: one conditional UPDATE that takes an item's lock only if it is still free (no lock, an expired
 * one, or the caller's own), still needs answers and was not answered or skipped by the caller. The database decides
 * between two reviewers (or two app nodes) claiming at once: one update changes the row, the other changes nothing.
 */
public interface ReviewItemRepository extends JpaRepository<ReviewItemEntity, Long> {
    String CLAIMABLE = " i.queueId = :queue and i.answerCount < :needed"
            + " and (i.lockedBy is null or i.lockedUntil < :now or i.lockedBy = :me)"
            + " and not exists (select a.id from ReviewAnswerEntity a where a.itemId = i.id and a.reviewer = :me)";

    /** Items the reviewer could claim: their own locked one first, then by position. */
    @Query("select i.id from ReviewItemEntity i where" + CLAIMABLE
            + " order by case when i.lockedBy = :me then 0 else 1 end, i.position")
    List<Long> claimable(@Param("queue") long queueId, @Param("needed") int needed, @Param("me") String reviewer,
            @Param("now") Instant now, Pageable first);

    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("update ReviewItemEntity i set i.lockedBy = :me, i.lockedUntil = :until where i.id = :id and" + CLAIMABLE)
    int claim(@Param("id") long itemId, @Param("queue") long queueId, @Param("needed") int needed,
            @Param("me") String reviewer, @Param("now") Instant now, @Param("until") Instant until);

    /** Lets go of the reviewer's lock on other items of the queue (one item at a time per reviewer). */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("update ReviewItemEntity i set i.lockedBy = null, i.lockedUntil = null where i.queueId = :queue"
            + " and i.lockedBy = :me and i.id <> :keep")
    int releaseOthers(@Param("queue") long queueId, @Param("me") String reviewer, @Param("keep") long keepItemId);

    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("update ReviewItemEntity i set i.lockedBy = null, i.lockedUntil = null where i.id = :id and i.lockedBy = :me")
    int release(@Param("id") long itemId, @Param("me") String reviewer);

    /** Counts an answer, unless the item already has all it needs (then nothing changes). */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("update ReviewItemEntity i set i.answerCount = i.answerCount + 1 where i.id = :id"
            + " and i.answerCount < :needed")
    int countAnswer(@Param("id") long itemId, @Param("needed") int needed);

    /** What came of the item's answers (never a save of the entity: that would write its lock back). */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("update ReviewItemEntity i set i.outcome = :outcome, i.finalJson = :result where i.id = :id")
    int conclude(@Param("id") long itemId, @Param("outcome") String outcome,
            @Param("result") @org.jspecify.annotations.Nullable String resultJson);

    List<ReviewItemEntity> findByQueueIdOrderByPosition(long queueId);

    Optional<ReviewItemEntity> findByIdAndQueueId(long id, long queueId);

    long countByQueueId(long queueId);

    @Query("select count(i) from ReviewItemEntity i where i.queueId = :queue and i.answerCount >= :needed")
    long countComplete(@Param("queue") long queueId, @Param("needed") int needed);

    long countByQueueIdAndOutcome(long queueId, String outcome);

    @Query("select count(i) from ReviewItemEntity i where i.queueId = :queue and i.lockedBy is not null"
            + " and i.lockedUntil >= :now")
    long countLocked(@Param("queue") long queueId, @Param("now") Instant now);
}
