package io.sessionlens.audit.persistence;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface AuditEntryRepository extends JpaRepository<AuditEntryEntity, Long> {
    /** Newest first; a null actor or kind matches every one. */
    @Query("select a from AuditEntryEntity a where (:actor is null or a.actor = :actor)"
            + " and (:kind is null or a.kind = :kind) order by a.occurredAt desc, a.id desc")
    Page<AuditEntryEntity> search(@Nullable String actor, @Nullable String kind, Pageable page);

    @Query("select distinct a.actor from AuditEntryEntity a order by a.actor")
    List<String> actors();

    @Query("select distinct a.kind from AuditEntryEntity a order by a.kind")
    List<String> kinds();
}
