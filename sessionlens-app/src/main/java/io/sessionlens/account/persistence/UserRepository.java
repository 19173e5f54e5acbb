package io.sessionlens.account.persistence;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface UserRepository extends JpaRepository<UserEntity, String> {
    List<UserEntity> findAllByOrderByUsername();

    long countByRoleAndEnabledTrue(String role);

    List<UserEntity> findByDemoTrueAndEnabledTrueOrderByUsername();

    List<UserEntity> findByDemoTrue();
}
