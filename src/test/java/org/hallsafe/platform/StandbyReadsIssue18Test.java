package org.hallsafe.platform;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.hallsafe.TestHall;
import org.hallsafe.accountability.Overview;
import org.hallsafe.organization.Measures;
import org.hallsafe.screening.Gate.Mask;
import org.hallsafe.screening.Gate.PersonType;
import org.hallsafe.screening.GateDesk;
import org.hallsafe.screening.GateForm;
import org.hallsafe.screening.Ledger;
import org.hallsafe.shared.DocumentType;
import org.hallsafe.shared.IdNumber;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 18, item 3: reads marked {@link StandbyRead} go to a streaming standby of the primary, fall back to the
 * primary while it lags or is stopped, and health and metrics say which is used and why. Runs on the two Debian
 * clusters of .ci/run (the primary, and a standby made by {@code pg_basebackup -R}); skipped without them.
 * {@code HALLSAFE_TEST_EXTERNAL_DB_READ_CLUSTER} ("15 standby") names the standby's cluster for {@code pg_ctlcluster}.
 */
@EnabledIfEnvironmentVariable(named = "HALLSAFE_TEST_EXTERNAL_DB_READ_URL", matches = ".+")
@SpringBootTest(properties = {
        "spring.datasource.url=${HALLSAFE_TEST_EXTERNAL_DB_URL}",
        "spring.datasource.username=${HALLSAFE_TEST_EXTERNAL_DB_USER:hallsafe}",
        "spring.datasource.password=${HALLSAFE_TEST_EXTERNAL_DB_PASSWORD:hallsafe}",
        "hallsafe.db.read-url=${HALLSAFE_TEST_EXTERNAL_DB_READ_URL}",
        "hallsafe.db.read-user=${HALLSAFE_TEST_EXTERNAL_DB_READ_USER:}",
        "hallsafe.db.read-password=${HALLSAFE_TEST_EXTERNAL_DB_READ_PASSWORD:}",
        "hallsafe.db.standby-max-lag=2s",
        "hallsafe.db.standby-check-interval=200ms"})
@Import(StandbyReadsIssue18Test.Probe.class)
@org.springframework.test.context.ActiveProfiles("test")
@TestMethodOrder(MethodOrderer.MethodName.class)
class StandbyReadsIssue18Test {

    /** Marked reads that tell which server answered them. */
    static class Probe {
        private final JdbcClient jdbc;
        private final ActivityLog activity;

        Probe(JdbcClient jdbc, ActivityLog activity) {
            this.jdbc = jdbc;
            this.activity = activity;
        }

        @StandbyRead
        boolean inRecovery() {
            return jdbc.sql("SELECT pg_is_in_recovery()").query(Boolean.class).single();
        }

        @StandbyRead
        long count(long n) {
            return jdbc.sql("SELECT count(*) FROM r18_standby_probe WHERE n = :n").param("n", n).query(Long.class)
                    .single();
        }

        /** A read that opens personal data: the activity log's record goes to the primary. */
        @StandbyRead
        boolean readAndRecord(String marker) {
            activity.record(null, "r18-test", "R18_STANDBY_READ", "test", marker, "read on the standby");
            return inRecovery();
        }
    }

    @Autowired Probe probe;
    @Autowired Standby standby;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate transactions;
    @Autowired MeterRegistry meters;
    @Autowired TestHall halls;
    @Autowired GateDesk desk;
    @Autowired Ledger ledger;
    @Autowired Measures measures;
    @Autowired Overview overview;
    @Autowired java.time.Clock clock;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void r18_3_aMarkedReadsGoToTheStandby_everythingElseToThePrimary() throws Exception {
        awaitStandbyInUse();
        assertThat(probe.inRecovery()).as("a marked read").isTrue();
        assertThat(jdbc.sql("SELECT pg_is_in_recovery()").query(Boolean.class).single()).as("an unmarked read").isFalse();
        assertThat((Boolean) transactions.execute(s -> probe.inRecovery())).as("a marked read inside a transaction").isFalse();

        // the activity log's record of a read on the standby is written to the primary
        String marker = "r18-" + UUID.randomUUID();
        assertThat(probe.readAndRecord(marker)).isTrue();
        await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.sql(
                "SELECT count(*) FROM audit_log WHERE action = 'R18_STANDBY_READ' AND target_id = :m")
                .param("m", marker).query(Long.class).single() == 1);

        // the screening ledger's page and export, the responsibility matrix and the leadership's overview, read on the
        // standby
        TestHall.Hall hall = halls.create();
        halls.signIn(hall.admin());
        for (int i = 0; i < 3; i++) {
            String first17 = "43090219800101" + String.format("%03d", i);
            desk.record(hall.siteId(), new GateForm(UUID.randomUUID(), PersonType.CITIZEN, null, "市民" + i,
                    DocumentType.ID_CARD, first17 + IdNumber.checkCharacter(first17), "1500000000" + i,
                    Mask.DISPOSABLE_MEDICAL, new BigDecimal("36.5"), List.of(), true, "", null,
                    LocalDateTime.now(clock).minusMinutes(10 + i), "纸质台账补录", null));
        }
        LocalDate today = LocalDate.now(clock);
        Ledger.Filter filter = new Ledger.Filter(today.minusDays(1), today, null, null, null, null, null);
        double before = reads("standby");
        // the three readings reach the standby a moment after they are written
        await().atMost(Duration.ofSeconds(15)).until(() -> ledger.page(hall.siteId(), filter).size() == 3);
        ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
        assertThat(ledger.export(hall.siteId(), filter, "测试大厅", Locale.SIMPLIFIED_CHINESE, xlsx)).isEqualTo(3);
        assertThat(measures.matrix(hall.siteId(), List.of()).rows()).isNotEmpty();
        assertThat(overview.tiles(hall.siteId(), today)).isNotEmpty();
        assertThat(reads("standby") - before).isGreaterThanOrEqualTo(4);
        assertThat(health().get("reads")).isEqualTo("standby");
    }

    @Test
    void r18_3_bAWriteReachesTheStandbyAfterItsLag_andALaggingStandbyIsLeftAside() throws Exception {
        jdbc.sql("CREATE TABLE IF NOT EXISTS r18_standby_probe (n bigint)").update();
        awaitStandbyInUse();
        await().atMost(Duration.ofSeconds(15)).ignoreExceptions().until(() -> probe.count(0) == 0);
        try {
            onStandby("SELECT pg_wal_replay_pause()");
            await().atMost(Duration.ofSeconds(10)).until(() -> "paused".equals(onStandby("SELECT pg_get_wal_replay_pause_state()")));
            long n = System.nanoTime();
            jdbc.sql("INSERT INTO r18_standby_probe (n) VALUES (:n)").param("n", n).update();
            assertThat(jdbc.sql("SELECT count(*) FROM r18_standby_probe WHERE n = :n").param("n", n).query(Long.class)
                    .single()).as("on the primary").isEqualTo(1);
            assertThat(probe.count(n)).as("a marked read on the paused standby does not see it yet").isZero();

            // more than 2 s behind: marked reads go to the primary, and see the write
            await().atMost(Duration.ofSeconds(15)).until(() -> "lag".equals(health().get("reason")));
            assertThat(health().get("reads")).isEqualTo("primary");
            assertThat(probe.count(n)).isEqualTo(1);
            assertThat(probe.inRecovery()).isFalse();

            // replaying again, the standby has it and takes the reads back
            onStandby("SELECT pg_wal_replay_resume()");
            awaitStandbyInUse();
            assertThat(probe.inRecovery()).isTrue();
            assertThat(probe.count(n)).as("the write, on the standby").isEqualTo(1);
            assertThat(reads("primary", "lag")).isPositive();
        } finally {
            onStandby("SELECT pg_wal_replay_resume()");
        }
    }

    @Test
    void r18_3_cAStoppedStandbyFallsBackWithoutErrors_andHealthSaysSo() throws Exception {
        awaitStandbyInUse();
        TestHall.Hall hall = halls.create();
        LocalDate today = LocalDate.now(clock);
        Ledger.Filter filter = new Ledger.Filter(today.minusDays(1), today, null, null, null, null, null);
        try {
            cluster("stop");
            // the first read after the stop may wait for the standby's connection (1.2 s), then runs on the primary
            assertThat(probe.inRecovery()).isFalse();
            assertThat(ledger.page(hall.siteId(), filter)).isEmpty();
            assertThat(measures.matrix(hall.siteId(), List.of()).rows()).isNotEmpty();
            Map<String, Object> health = health();
            assertThat(health.get("reads")).isEqualTo("primary");
            assertThat(health.get("reason")).isEqualTo("unreachable");
            assertThat(reads("primary", "unreachable")).isPositive();
        } finally {
            cluster("start");
        }
        awaitStandbyInUse();
        assertThat(probe.inRecovery()).isTrue();
    }

    private void awaitStandbyInUse() {
        await().atMost(Duration.ofSeconds(60)).until(() -> standby.state().used());
    }

    private Map<String, Object> health() {
        return standby.health().getDetails();
    }

    private double reads(String target) {
        return meters.find("hallsafe.db.standby.reads").tag("target", target).counters().stream()
                .mapToDouble(Counter::count).sum();
    }

    private double reads(String target, String reason) {
        return meters.find("hallsafe.db.standby.reads").tag("target", target).tag("reason", reason).counters()
                .stream().mapToDouble(Counter::count).sum();
    }

    private static String onStandby(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(System.getenv("HALLSAFE_TEST_EXTERNAL_DB_READ_URL"),
                System.getenv("HALLSAFE_TEST_EXTERNAL_DB_READ_USER"),
                System.getenv("HALLSAFE_TEST_EXTERNAL_DB_READ_PASSWORD"));
                Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** {@code pg_ctlcluster <version> <name> stop|start}; the server started keeps none of this JVM's files open. */
    private static void cluster(String action) throws Exception {
        List<String> command = new ArrayList<>(List.of("pg_ctlcluster"));
        command.addAll(List.of(System.getenv().getOrDefault("HALLSAFE_TEST_EXTERNAL_DB_READ_CLUSTER", "15 standby")
                .trim().split("\\s+")));
        command.add(action);
        if (action.equals("stop")) {
            command.addAll(List.of("-m", "fast"));
        }
        Process p = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(p.waitFor()).as(String.join(" ", command)).isZero();
    }
}
