package org.hallsafe.platform;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

import org.hallsafe.HallSafeTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Issue 12, item 6: the application's own PostgreSQL (the same start-up as in production) is closed to the machine. */
@HallSafeTest
class DatabaseRolesTest {

    @Autowired JdbcClient jdbc;
    @Autowired ApplicationContext context;

    @Test
    void r12_6_embeddedServerRefusesPasswordlessConnection() {
        String url = TestDatabase.jdbcUrl(context);
        for (String role : new String[] {"postgres", "hallsafe_owner", "hallsafe_app"}) {
            assertThatThrownBy(() -> DriverManager.getConnection(url, role, "")).as(role).isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> DriverManager.getConnection(url, role, "postgres")).as(role)
                    .isInstanceOf(SQLException.class).hasMessageContaining("password authentication failed");
            Properties noPassword = new Properties();
            noPassword.setProperty("user", role);
            assertThatThrownBy(() -> DriverManager.getConnection(url, noPassword)).as(role).isInstanceOf(SQLException.class);
        }
    }

    @Test
    void r12_6_applicationRunsAsANonSuperuserThatOwnsNothing() throws SQLException {
        assertThat(jdbc.sql("SELECT current_user").query(String.class).single()).isEqualTo("hallsafe_app");
        assertThat(jdbc.sql("SELECT rolsuper OR rolcreaterole OR rolcreatedb OR rolbypassrls FROM pg_roles WHERE rolname = current_user")
                .query(Boolean.class).single()).isFalse();
        assertThat(jdbc.sql("SELECT count(*) FROM pg_class WHERE relowner = 'hallsafe_app'::regrole").query(Integer.class).single())
                .isZero();
        assertThat(jdbc.sql("SELECT tableowner FROM pg_tables WHERE tablename = 'audit_log'").query(String.class).single())
                .isEqualTo("hallsafe_owner");
        assertThat(jdbc.sql("SELECT rolsuper FROM pg_roles WHERE rolname = 'hallsafe_owner'").query(Boolean.class).single())
                .isFalse();
        try (Connection c = TestDatabase.superuser(context); Statement s = c.createStatement();
                var rs = s.executeQuery("SELECT count(*) FROM pg_hba_file_rules WHERE auth_method <> 'scram-sha-256'")) {
            rs.next();
            assertThat(rs.getInt(1)).as("pg_hba rules other than scram-sha-256").isZero();
        }
        try (Connection c = TestDatabase.superuser(context); Statement s = c.createStatement();
                var rs = s.executeQuery("SELECT current_setting('listen_addresses'), current_setting('unix_socket_directories')")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("127.0.0.1");
            assertThat(rs.getString(2)).as("no Unix socket").isEmpty();
        }
    }

    @Test
    void r12_6_appRoleCannotRunProgramsOrReadServerFiles() {
        assertThatThrownBy(() -> jdbc.sql("CREATE TEMP TABLE r12_out (line text); COPY r12_out FROM PROGRAM 'id'").update())
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("permission denied");
        assertThatThrownBy(() -> jdbc.sql("SELECT pg_read_file('postgresql.conf')").query(String.class).single())
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("permission denied");
        assertThatThrownBy(() -> jdbc.sql("SELECT pg_ls_dir('.')").query(String.class).list())
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("permission denied");
        assertThatThrownBy(() -> jdbc.sql("CREATE TABLE r12_new (id int)").update())
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("permission denied");
    }
}
