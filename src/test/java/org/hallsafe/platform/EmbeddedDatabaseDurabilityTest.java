package org.hallsafe.platform;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 19, item 2: the embedded PostgreSQL that keeps data does not lose acknowledged commits in a crash. */
class EmbeddedDatabaseDurabilityTest {

    @TempDir Path dataDir;

    @Test
    void r19_2_theEmbeddedServerIsDurableWhenItKeepsData() throws Exception {
        try (EmbeddedDatabase db = EmbeddedDatabase.start(dataDir, true, 0);
                Connection c = DriverManager.getConnection(db.jdbcUrl(), EmbeddedDatabase.APP, db.passwords().app())) {
            assertThat(show(c, "fsync")).isEqualTo("on");
            assertThat(show(c, "synchronous_commit")).isEqualTo("on");
            assertThat(show(c, "full_page_writes")).isEqualTo("on");
        }
    }

    private static String show(Connection c, String setting) throws Exception {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SHOW " + setting)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
