package io.sessionlens.account.persistence;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface TokenRepository extends JpaRepository<TokenEntity, Long> {
    Optional<TokenEntity> findByTokenHash(String tokenHash);

    List<TokenEntity> findByUsernameOrderByCreatedAtDesc(String username);

    @Modifying
    @Query("delete from TokenEntity t where t.username = ?1")
    int deleteByOwner(String username);
}
