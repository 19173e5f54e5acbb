package io.sessionlens.session.persistence;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ExperimentSettingsRepository extends JpaRepository<ExperimentSettingsEntity, String> {}
