package org.hallsafe.platform;

import java.util.Arrays;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationState;
import org.hallsafe.organization.DepartmentKind;
import org.hallsafe.organization.Directory;
import org.hallsafe.organization.Forms;
import org.hallsafe.organization.StaffDirectory;
import org.hallsafe.organization.Views;
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
 * The same migrations and repositories on an external PostgreSQL 15+ (the Debian server that .ci/run starts). Runs
 * when {@code HALLSAFE_TEST_EXTERNAL_DB_URL} is set; {@code HALLSAFE_TEST_EXTERNAL_DB_USER} and
 * {@code _PASSWORD} go with it.
 */
@EnabledIfEnvironmentVariable(named = "HALLSAFE_TEST_EXTERNAL_DB_URL", matches = ".+")
@SpringBootTest(properties = {
        "spring.datasource.url=${HALLSAFE_TEST_EXTERNAL_DB_URL}",
        "spring.datasource.username=${HALLSAFE_TEST_EXTERNAL_DB_USER:hallsafe}",
        "spring.datasource.password=${HALLSAFE_TEST_EXTERNAL_DB_PASSWORD:hallsafe}"})
@ActiveProfiles("test")
class ExternalPostgresTest {

    @Autowired Flyway flyway;
    @Autowired JdbcClient jdbc;
    @Autowired Directory directory;
    @Autowired StaffDirectory staff;
    @Autowired Accounts accounts;

    @Test
    void runsEveryMigrationOnTheExternalServer() {
        assertThat(Arrays.stream(flyway.info().all())).isNotEmpty().allMatch(m -> m.getState() == MigrationState.SUCCESS);
        int major = jdbc.sql("SELECT current_setting('server_version_num')::int / 10000").query(Integer.class).single();
        assertThat(major).isGreaterThanOrEqualTo(15);
        assertThat(jdbc.sql("SELECT count(*) FROM pg_settings WHERE name = 'data_directory' AND setting LIKE '%zonky%'")
                .query(Integer.class).single()).as("not the embedded server").isZero();
    }

    @Test
    void storesAndFindsStaffAndAccounts() {
        long section = directory.saveDepartment(1L, null, new Forms.DepartmentForm(DepartmentKind.SECTION,
                "外部库测试科" + System.nanoTime(), "", ""));
        String phone = "139" + String.format("%08d", System.nanoTime() % 100_000_000);
        long id = staff.save(1L, null, new Forms.StaffForm("赵磊", "EXT" + System.nanoTime() % 1_000_000, section, null,
                "科员", phone, "", ""));
        assertThat(staff.search(1L, phone, null, false)).extracting(Views.StaffView::id).containsExactly(id);

        String username = "ext-" + System.nanoTime();
        accounts.create(1L, username, "外部", Role.STAFF, "External-Pass-2026");
        assertThat(accounts.findByUsername(username)).isPresent();
    }

    @Test
    void keepsTheAuditLogAppendOnly() {
        jdbc.sql("INSERT INTO audit_log (occurred_at, actor, action) VALUES (now(), 'ext-test', 'TEST')").update();
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_log WHERE actor = 'ext-test'").update())
                .isInstanceOf(DataAccessException.class);
    }

    @Test
    void r12_10_oneRoleForEverythingStillChainsTheAuditLog() {
        jdbc.sql("INSERT INTO audit_log (occurred_at, actor, action) VALUES (now(), 'ext-chain', 'TEST')").update();
        long id = jdbc.sql("INSERT INTO audit_log (occurred_at, actor, action) VALUES (now(), 'ext-chain', 'TEST') RETURNING id")
                .query(Long.class).single();
        assertThat(jdbc.sql("""
                SELECT b.prev_hash = (SELECT a.hash FROM audit_log a WHERE a.site_id IS NULL AND a.id < b.id ORDER BY a.id DESC LIMIT 1)
                FROM audit_log b WHERE b.id = :id""").param("id", id).query(Boolean.class).single()).isTrue();
    }
}
