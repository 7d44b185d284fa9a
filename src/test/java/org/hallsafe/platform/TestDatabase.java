package org.hallsafe.platform;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

import org.springframework.context.ApplicationContext;

/** Connections to the test's embedded PostgreSQL as its other roles, for tests that play an attacker or an owner. */
public final class TestDatabase {

    private TestDatabase() {
    }

    /** As the owner of the tables (the role the migrations run as). */
    public static Connection owner(ApplicationContext context) throws SQLException {
        EmbeddedDatabase db = context.getBean(EmbeddedDatabase.class);
        return DriverManager.getConnection(db.jdbcUrl(), EmbeddedDatabase.OWNER, db.passwords().owner());
    }

    /** As the superuser. */
    public static Connection superuser(ApplicationContext context) throws SQLException {
        EmbeddedDatabase db = context.getBean(EmbeddedDatabase.class);
        return DriverManager.getConnection(db.jdbcUrl(), EmbeddedDatabase.SUPERUSER, db.passwords().superuser());
    }

    public static String jdbcUrl(ApplicationContext context) {
        return context.getBean(EmbeddedDatabase.class).jdbcUrl();
    }
}
