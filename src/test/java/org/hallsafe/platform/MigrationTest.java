package org.hallsafe.platform;

import java.util.Arrays;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationState;
import org.hallsafe.HallSafeTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Every module's migrations apply on the embedded PostgreSQL (the external one: ExternalPostgresTest). */
@HallSafeTest
class MigrationTest {

    @Autowired Flyway flyway;
    @Autowired JdbcClient jdbc;

    @Test
    void appliesEveryModulesMigrations() {
        var applied = Arrays.stream(flyway.info().all()).toList();
        assertThat(applied).isNotEmpty().allMatch(m -> m.getState() == MigrationState.SUCCESS);
        assertThat(applied).extracting(m -> m.getScript())
                .anyMatch(s -> s.contains("platform")).anyMatch(s -> s.contains("audit")).anyMatch(s -> s.contains("organization"));
        assertThat(jdbc.sql("SELECT version()").query(String.class).single()).startsWith("PostgreSQL");
        assertThat(jdbc.sql("SELECT name FROM sites WHERE id = 1").query(String.class).single()).isNotBlank();
    }
}
