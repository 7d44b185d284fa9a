package org.hallsafe.platform;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.hallsafe.HallSafeTest;
import org.hallsafe.TestAccounts;
import org.hallsafe.TestHall;
import org.hallsafe.audit.AuditChains;
import org.hallsafe.shared.IdNumber;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Issue 19, item 8: a backup of a hall restores into an empty database with the same rows, chain and sealed numbers. */
@HallSafeTest
class BackupRestoreIssue19Test {

    @Autowired MockMvc mvc;
    @Autowired TestHall halls;
    @Autowired JdbcClient jdbc;
    @Autowired ApplicationContext context;
    @Autowired PersonalData personalData;
    @Autowired HallSafeProperties properties;
    @Autowired ActivityLog activity;

    @TempDir Path dir;

    private final List<EmbeddedDatabase> started = new ArrayList<>();

    @AfterEach
    void stop() throws IOException {
        SecurityContextHolder.clearContext();
        for (EmbeddedDatabase db : started) {
            db.close();
        }
    }

    @Test
    void r19_8_aHallRestoredIntoAnEmptyDatabaseHasTheSameRowsAnIntactAuditChainAndReadableSealedNumbers() throws Exception {
        TestHall.Hall hall = halls.create();
        Set<String> idNumbers = new HashSet<>();
        for (int i = 0; i < 3; i++) {
            String first17 = "4309021985061210" + i;
            String idNumber = first17 + IdNumber.checkCharacter(first17);
            idNumbers.add(idNumber);
            mvc.perform(post("/api/v1/screening/screenings").with(httpBasic(hall.screener(), TestAccounts.PASSWORD))
                    .contentType(MediaType.APPLICATION_JSON).content("""
                            {"submissionId":"%s","personType":"CITIZEN","name":"备份%d","docType":"ID_CARD","docNo":"%s",
                             "phone":"1391234567%d","mask":"N95_KN95","temperature":36.4,"noSymptoms":true}"""
                            .formatted(UUID.randomUUID(), i, idNumber, i)))
                    .andExpect(status().isCreated());
        }
        halls.signIn(hall.screener());
        for (int i = 0; i < 3; i++) {
            activity.record("PERSONAL_DATA_READ", "screening", i, "before the backup " + i);
        }
        SecurityContextHolder.clearContext();
        auditSettled(hall.siteId());
        Path backup = dir.resolve("backups/hallsafe.zip");
        DatabaseBackup.Summary made;
        try (Connection c = TestDatabase.superuser(context)) {
            made = DatabaseBackup.backup(c, backup);
        }
        Map<String, String> before = hallRows(dataSource(context.getBean(EmbeddedDatabase.class)), hall.siteId());
        Map<Long, String> chainsBefore = AuditChains.intact(dataSource(context.getBean(EmbeddedDatabase.class)));

        EmbeddedDatabase empty = emptyHallSafeDatabase();
        DatabaseBackup.Summary restored;
        try (Connection c = superuser(empty)) {
            restored = DatabaseBackup.restore(c, backup, personalData::opens);
        }

        DataSource restoredDb = dataSource(empty);
        assertThat(restored.rows()).isEqualTo(made.rows()).isPositive();
        assertThat(restored.auditRows()).isEqualTo(made.auditRows()).isPositive();
        // every row of the hall in every table with a site_id, byte for byte
        Map<String, String> after = hallRows(restoredDb, hall.siteId());
        assertThat(after).isEqualTo(before);
        assertThat(after.get("screenings")).startsWith("3 ");
        assertThat(after.get("audit_log")).startsWith("3 ");
        // the chain checks out on the restored database and ends in the same hash
        assertThat(AuditChains.intact(restoredDb).get(hall.siteId())).isEqualTo(chainsBefore.get(hall.siteId()))
                .isNotNull();
        // the sealed ID numbers open with the key kept apart
        halls.signIn(hall.screener());
        Set<String> opened = new HashSet<>();
        for (byte[] cipher : JdbcClient.create(restoredDb)
                .sql("SELECT doc_cipher FROM citizens WHERE site_id = :site").param("site", hall.siteId())
                .query(byte[].class).list()) {
            opened.add(personalData.reveal(cipher, "citizen", null, "doc"));
        }
        assertThat(opened).isEqualTo(idNumbers);
        // the new database goes on numbering after the restored rows
        long maxScreening = JdbcClient.create(restoredDb).sql("SELECT max(id) FROM screenings").query(Long.class).single();
        long next = JdbcClient.create(restoredDb).sql("SELECT nextval(pg_get_serial_sequence('screenings', 'id'))")
                .query(Long.class).single();
        assertThat(next).isGreaterThan(maxScreening);
    }

    @Test
    void r19_8_theBackupHoldsNoKeyAndARestoreIsRefusedWithAnotherKeyOrIntoAHallSafeInUse() throws Exception {
        TestHall.Hall hall = halls.create();
        Path backup = dir.resolve("hallsafe.zip");
        try (Connection c = TestDatabase.superuser(context)) {
            DatabaseBackup.backup(c, backup);
        }
        String everything = contents(backup);
        assertThat(everything).contains("测试大厅").doesNotContain(properties.crypto().key())
                .doesNotContain(context.getBean(EmbeddedDatabase.class).passwords().app())
                .doesNotContain(context.getBean(EmbeddedDatabase.class).passwords().superuser());
        assertThat(Files.getPosixFilePermissions(backup)).hasSize(2);

        EmbeddedDatabase empty = emptyHallSafeDatabase();
        try (Connection c = superuser(empty)) {
            assertThatThrownBy(() -> DatabaseBackup.restore(c, backup, anyKey -> false))
                    .hasMessageContaining("key");
        }
        JdbcClient restored = JdbcClient.create(dataSource(empty));
        assertThat(restored.sql("SELECT count(*) FROM staff").query(Long.class).single()).isZero();

        try (Connection c = superuser(empty)) {
            DatabaseBackup.restore(c, backup, personalData::opens);
        }
        long halls = restored.sql("SELECT count(*) FROM sites").query(Long.class).single();
        assertThat(restored.sql("SELECT count(*) FROM sites WHERE id = :id").param("id", hall.siteId())
                .query(Long.class).single()).isOne();
        try (Connection c = superuser(empty)) {
            assertThatThrownBy(() -> DatabaseBackup.restore(c, backup, personalData::opens))
                    .hasMessageContaining("in use");
        }
        assertThat(restored.sql("SELECT count(*) FROM sites").query(Long.class).single()).isEqualTo(halls);
    }

    /** The audit log is written after the request, from an event: waits until the hall's entries stop coming. */
    private void auditSettled(long siteId) throws InterruptedException {
        long last = -1;
        for (int i = 0; i < 50; i++) {
            long now = jdbc.sql("SELECT count(*) FROM audit_log WHERE site_id = :site").param("site", siteId)
                    .query(Long.class).single();
            if (now == last) {
                return;
            }
            last = now;
            Thread.sleep(300);
        }
    }

    /** A fresh embedded PostgreSQL with HallSafe's tables made by its migrations, as a new installation has. */
    private EmbeddedDatabase emptyHallSafeDatabase() throws IOException {
        EmbeddedDatabase db = EmbeddedDatabase.start(dir.resolve("new"), false, 0);
        started.add(db);
        Flyway.configure().dataSource(db.jdbcUrl(), EmbeddedDatabase.OWNER, db.passwords().owner())
                .locations("classpath:db/migration").placeholders(Map.of("app_role", EmbeddedDatabase.APP))
                .load().migrate();
        return db;
    }

    private static Connection superuser(EmbeddedDatabase db) throws java.sql.SQLException {
        return DriverManager.getConnection(db.jdbcUrl(), EmbeddedDatabase.SUPERUSER, db.passwords().superuser());
    }

    private static DataSource dataSource(EmbeddedDatabase db) {
        return new DriverManagerDataSource(db.jdbcUrl(), EmbeddedDatabase.SUPERUSER, db.passwords().superuser());
    }

    /** Per table with a site_id: the hall's row count and an md5 of its rows as text, in a fixed order. */
    private static Map<String, String> hallRows(DataSource db, long siteId) {
        JdbcClient jdbc = JdbcClient.create(db);
        Map<String, String> rows = new TreeMap<>();
        for (String table : jdbc.sql("""
                SELECT c.table_name FROM information_schema.columns c
                JOIN information_schema.tables t USING (table_schema, table_name)
                WHERE c.table_schema = 'public' AND c.column_name = 'site_id' AND t.table_type = 'BASE TABLE'""")
                .query(String.class).list()) {
            rows.put(table, jdbc.sql("SELECT count(*) || ' ' || coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '-') "
                    + "FROM \"" + table + "\" t WHERE site_id = :site").param("site", siteId).query(String.class).single());
        }
        return rows;
    }

    private static String contents(Path zip) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        try (ZipFile file = new ZipFile(zip.toFile())) {
            for (ZipEntry entry : java.util.Collections.list(file.entries())) {
                try (InputStream in = file.getInputStream(entry)) {
                    in.transferTo(all);
                }
            }
        }
        return all.toString(StandardCharsets.UTF_8);
    }
}
