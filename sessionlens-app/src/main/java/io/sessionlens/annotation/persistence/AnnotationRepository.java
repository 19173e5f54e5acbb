package io.sessionlens.annotation.persistence;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

/** Annotations by session, oldest first. */
public interface AnnotationRepository extends JpaRepository<AnnotationEntity, Long> {
    List<AnnotationEntity> findByExperimentIdAndSessionKeyOrderById(String experimentId, String sessionKey);

    List<AnnotationEntity> findByExperimentIdOrderBySessionKeyAscIdAsc(String experimentId);

    @Query("select distinct a.sessionKey from AnnotationEntity a where a.experimentId = :experimentId"
            + " and a.labelName is not null order by a.sessionKey")
    List<String> findLabelledSessionKeys(String experimentId);

    int countByExperimentIdAndSessionKey(String experimentId, String sessionKey);

    /** A renamed label schema: its annotations carry the new name. */
    @Modifying
    @Query("update AnnotationEntity a set a.labelName = :newName"
            + " where a.experimentId = :experimentId and a.labelName = :oldName")
    int renameLabel(String experimentId, String oldName, String newName);
}
