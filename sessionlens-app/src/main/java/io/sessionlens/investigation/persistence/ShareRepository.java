package io.sessionlens.investigation.persistence;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ShareRepository extends JpaRepository<ShareEntity, Long> {
    Optional<ShareEntity> findByTokenHash(String tokenHash);
}
