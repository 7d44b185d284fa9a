package org.hallsafe.platform;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** What the backup reads of PostgreSQL's catalog: tables, sequences, columns, migrations; and quoting of names. */
final class DatabaseCatalog {

    /** Flyway's own table: the restoring HallSafe made it with the same migrations. */
    static final String MIGRATIONS = "flyway_schema_history";

    private DatabaseCatalog() {
    }

    /** One sealed value of the database (a {@code bytea} column named {@code …_cipher}), or null when it has none. */
    static byte[] sealedSample(Connection c) throws SQLException {
        List<String[]> columns = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet r = s.executeQuery("""
                        SELECT table_name, column_name FROM information_schema.columns
                        WHERE table_schema = 'public' AND data_type = 'bytea' AND column_name LIKE '%\\_cipher'
                        ORDER BY table_name, column_name""")) {
            while (r.next()) {
                columns.add(new String[] {r.getString(1), r.getString(2)});
            }
        }
        for (String[] column : columns) {
            try (Statement s = c.createStatement();
                    ResultSet r = s.executeQuery("SELECT " + quote(column[1]) + " FROM " + quote(column[0]) + " WHERE "
                            + quote(column[1]) + " IS NOT NULL LIMIT 1")) {
                if (r.next()) {
                    return r.getBytes(1);
                }
            }
        }
        return null;
    }

    static List<String> migrations(Connection c) throws SQLException {
        List<String> versions = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT version FROM " + MIGRATIONS
                        + " WHERE success AND version IS NOT NULL ORDER BY version")) {
            while (r.next()) {
                versions.add(r.getString(1));
            }
        }
        return versions;
    }

    static List<String> tables(Connection c) throws SQLException {
        return names(c, """
                SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition
                  AND c.relname <> '%s' ORDER BY c.relname""".formatted(MIGRATIONS));
    }

    static List<String> sequences(Connection c) throws SQLException {
        return names(c, """
                SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = 'public' AND c.relkind = 'S' ORDER BY c.relname""");
    }

    static List<String> columns(Connection c, String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement("""
                SELECT attname FROM pg_attribute
                WHERE attrelid = ?::regclass AND attnum > 0 AND NOT attisdropped AND attgenerated = ''
                ORDER BY attnum""")) {
            p.setString(1, quote(table));
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    columns.add(r.getString(1));
                }
            }
        }
        return columns;
    }

    static List<String> names(Connection c, String sql) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                names.add(r.getString(1));
            }
        }
        return names;
    }

    static String one(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getString(1);
        }
    }

    static String quote(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    static String list(List<String> names) {
        return String.join(", ", names.stream().map(DatabaseCatalog::quote).toList());
    }

    static List<String> split(String value) {
        return value == null || value.isEmpty() ? List.of() : Arrays.asList(value.split(","));
    }

    static String last(List<String> values) {
        return values.isEmpty() ? "-" : values.get(values.size() - 1);
    }
}
