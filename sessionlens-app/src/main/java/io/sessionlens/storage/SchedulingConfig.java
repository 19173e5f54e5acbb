package io.sessionlens.storage;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Turns on {@code @Scheduled} (the storage upkeep's periodic check). */
@Configuration
@EnableScheduling
class SchedulingConfig {}
