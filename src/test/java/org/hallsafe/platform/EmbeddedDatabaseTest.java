package org.hallsafe.platform;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Issue 12, item 6: a persistent data directory keeps its passwords private and an earlier open one is closed. */
class EmbeddedDatabaseTest {

    @TempDir Path dataDir;

    @Test
    void r12_6_dataDirectoryAndPasswordFileAreOnlyTheOwners() throws Exception {
        String url;
        try (EmbeddedDatabase db = EmbeddedDatabase.start(dataDir, true, 0)) {
            url = db.jdbcUrl();
            assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", "")).isInstanceOf(SQLException.class);
        }
        assertThat(mode(dataDir)).isEqualTo("rwx------");
        assertThat(mode(dataDir.resolve("database.secret"))).isEqualTo("rw-------");
        assertThat(mode(dataDir.resolve("postgres"))).isEqualTo("rwx------");
        assertThat(Files.readString(dataDir.resolve("postgres/pg_hba.conf"))).doesNotContain("trust");

        // a second start finds its passwords again
        try (EmbeddedDatabase db = EmbeddedDatabase.start(dataDir, true, 0);
                Connection c = DriverManager.getConnection(db.jdbcUrl(), "hallsafe_app", db.passwords().app())) {
            assertThat(c.isValid(2)).isTrue();
        }
    }

    @Test
    void r12_6_earlierDataDirectoryWithoutPasswordsIsClosedOnStart() throws Exception {
        Path pg = dataDir.resolve("postgres");
        Files.createDirectories(pg);
        // as HallSafe before issue 12 made it: trust, the superuser owns the tables
        try (EmbeddedPostgres old = EmbeddedPostgres.builder().setDataDirectory(pg).setCleanDataDirectory(false).start();
                Connection c = old.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE earlier (id bigserial PRIMARY KEY, what text)");
            s.execute("INSERT INTO earlier (what) VALUES ('kept')");
        }
        assertThat(Files.readString(pg.resolve("pg_hba.conf"))).contains("trust");

        try (EmbeddedDatabase db = EmbeddedDatabase.start(dataDir, true, 0)) {
            assertThatThrownBy(() -> DriverManager.getConnection(db.jdbcUrl(), "postgres", ""))
                    .isInstanceOf(SQLException.class);
            try (Connection c = DriverManager.getConnection(db.jdbcUrl(), "hallsafe_owner", db.passwords().owner());
                    Statement s = c.createStatement();
                    var rs = s.executeQuery("SELECT what, pg_get_userbyid(relowner) FROM earlier, pg_class WHERE relname = 'earlier'")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("kept");
                assertThat(rs.getString(2)).isEqualTo("hallsafe_owner");
            }
        }
        assertThat(Files.readString(pg.resolve("pg_hba.conf"))).doesNotContain("trust");
        assertThat(mode(dataDir.resolve("database.secret"))).isEqualTo("rw-------");
    }

    private static String mode(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
