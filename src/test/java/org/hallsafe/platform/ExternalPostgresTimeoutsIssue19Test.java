package org.hallsafe.platform;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 19, item 1, on an external PostgreSQL (the same context as {@link ExternalPostgresTest}): the pool Spring
 * Boot makes from {@code spring.datasource.*} carries the same time-outs as the embedded database's.
 */
@EnabledIfEnvironmentVariable(named = "HALLSAFE_TEST_EXTERNAL_DB_URL", matches = ".+")
@SpringBootTest(properties = {
        "spring.datasource.url=${HALLSAFE_TEST_EXTERNAL_DB_URL}",
        "spring.datasource.username=${HALLSAFE_TEST_EXTERNAL_DB_USER:hallsafe}",
        "spring.datasource.password=${HALLSAFE_TEST_EXTERNAL_DB_PASSWORD:hallsafe}"})
@ActiveProfiles("test")
class ExternalPostgresTimeoutsIssue19Test {

    @Autowired DataSource dataSource;
    @Autowired JdbcClient jdbc;

    @Test
    void r19_1_theExternalDatabasesPoolCarriesTheTimeOuts() throws Exception {
        HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
        assertThat(pool.getConnectionTimeout()).isEqualTo(1200);
        assertThat(pool.getValidationTimeout()).isEqualTo(1000);
        assertThat(jdbc.sql("SHOW statement_timeout").query(String.class).single()).isEqualTo("30s");
    }
}
