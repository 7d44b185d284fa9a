package org.hallsafe.platform;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 12, items 6 and 10, on an external PostgreSQL set up as the README's "Database roles" shows: the migrations
 * run as the owner role, the application as the app role. Runs when {@code HALLSAFE_TEST_EXTERNAL_DB_OWNER_URL} is
 * set, with {@code _OWNER_USER}, {@code _OWNER_PASSWORD}, {@code _APP_USER} and {@code _APP_PASSWORD}.
 */
@EnabledIfEnvironmentVariable(named = "HALLSAFE_TEST_EXTERNAL_DB_OWNER_URL", matches = ".+")
@SpringBootTest(properties = {
        "spring.datasource.url=${HALLSAFE_TEST_EXTERNAL_DB_OWNER_URL}",
        "spring.datasource.username=${HALLSAFE_TEST_EXTERNAL_DB_APP_USER}",
        "spring.datasource.password=${HALLSAFE_TEST_EXTERNAL_DB_APP_PASSWORD}",
        "hallsafe.db.owner-user=${HALLSAFE_TEST_EXTERNAL_DB_OWNER_USER}",
        "hallsafe.db.owner-password=${HALLSAFE_TEST_EXTERNAL_DB_OWNER_PASSWORD}"})
@ActiveProfiles("test")
class ExternalPostgresRolesTest {

    @Autowired JdbcClient jdbc;

    @Test
    void r12_10_externalAppRoleMayOnlyAddToTheAuditLog() {
        assertThat(jdbc.sql("SELECT tableowner <> current_user FROM pg_tables WHERE tablename = 'audit_log'")
                .query(Boolean.class).single()).as("the app role does not own the audit log").isTrue();
        long id = jdbc.sql("INSERT INTO audit_log (occurred_at, actor, action) VALUES (now(), 'ext-roles', 'TEST') RETURNING id")
                .query(Long.class).single();
        for (String sql : List.of("SET session_replication_role = replica",
                "ALTER TABLE audit_log DISABLE TRIGGER ALL",
                "UPDATE audit_log SET summary = 'x' WHERE id = " + id,
                "DELETE FROM audit_log WHERE id = " + id,
                "COPY audit_log (actor) FROM PROGRAM 'id'",
                "CREATE TABLE r12_new (id int)")) {
            assertThatThrownBy(() -> jdbc.sql(sql).update()).as(sql).isInstanceOf(DataAccessException.class)
                    .rootCause().message().containsAnyOf("permission denied", "must be owner", "must be superuser");
        }
        assertThat(jdbc.sql("SELECT hash FROM audit_log WHERE id = :id").param("id", id).query(String.class).single())
                .hasSize(64);
    }
}
