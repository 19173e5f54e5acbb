package io.sessionlens.investigation.persistence;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface InvestigationRepository extends JpaRepository<InvestigationEntity, Long> {
    /** Newest change first; null parameters match every row; {@code experiment}: has a pin from it. */
    @Query("""
            select i from InvestigationEntity i
            where (:status is null or i.status = :status)
              and (:owner is null or i.ownerName = :owner)
              and (:kind is null or i.rootCauseKind = :kind)
              and (:experiment is null or exists (select 1 from PinEntity p
                    where p.investigationId = i.id and p.experimentId = :experiment))
            order by i.updatedAt desc, i.id desc""")
    List<InvestigationEntity> search(@Nullable String status, @Nullable String owner, @Nullable String experiment,
            @Nullable String kind);

    @Query("select distinct i.ownerName from InvestigationEntity i order by i.ownerName")
    List<String> owners();

    @Query("select i from InvestigationEntity i where i.status = 'open' order by i.updatedAt desc")
    List<InvestigationEntity> open();
}
