package org.hallsafe.audit;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.hallsafe.HallSafeTest;
import org.hallsafe.TestAccounts;
import org.hallsafe.TestHall;
import org.hallsafe.platform.Role;
import org.hallsafe.platform.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Issue 12, item 10: the application cannot switch the audit log off, and every change to it shows. */
@HallSafeTest
class AuditChainTest {

    @Autowired JdbcClient jdbc;
    @Autowired AuditChain chain;
    @Autowired AuditChainCommand command;
    @Autowired TestHall halls;
    @Autowired TestAccounts accounts;
    @Autowired MockMvc mvc;
    @Autowired ApplicationContext context;

    @Test
    void r12_10_appRoleCannotSwitchTheAuditLogOff() {
        long id = insert(null, "r12-10-off");
        for (String sql : List.of("SET session_replication_role = replica",
                "ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update_or_delete",
                "ALTER TABLE audit_log DISABLE TRIGGER ALL",
                "UPDATE audit_log SET summary = 'x' WHERE id = " + id,
                "DELETE FROM audit_log WHERE id = " + id,
                "TRUNCATE audit_log",
                "DROP TRIGGER audit_log_zz_chain ON audit_log",
                "SELECT setval('audit_log_id_seq', 1)",
                "CREATE OR REPLACE FUNCTION audit_log_chain() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$")) {
            assertThatThrownBy(() -> jdbc.sql(sql).update()).as(sql).isInstanceOf(DataAccessException.class)
                    .rootCause().message().containsAnyOf("permission denied", "must be owner");
        }
        assertThat(jdbc.sql("SELECT summary FROM audit_log WHERE id = :id").param("id", id).query(String.class).single())
                .isEqualTo("r12-10-off");
    }

    @Test
    void r12_10_verifyPassesOnAnUntouchedLog() {
        long site = halls.create().siteId();
        insert(site, "first");
        insert(site, "second");
        insert(null, "no hall");

        AuditChain.Result result = chain.verify();
        assertThat(result.breaks()).isEmpty();
        assertThat(result.chains()).anyMatch(c -> c.siteId() != null && c.siteId() == site && c.rows() >= 2);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(command.verify(new PrintStream(out, true, StandardCharsets.UTF_8))).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("audit log intact");
    }

    @Test
    void r12_10_verifyNamesFirstTamperedRow() throws Exception {
        long site = halls.create().siteId();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(insert(site, "row " + i));
        }
        long changed = ids.get(2);
        try (Connection owner = TestDatabase.owner(context); Statement s = owner.createStatement()) {
            // the owner can get past the append-only trigger; the chain still shows what it did
            withoutTrigger(owner, "audit_log_no_update_or_delete",
                    "UPDATE audit_log SET summary = 'rewritten' WHERE id = " + changed,
                    "UPDATE audit_log SET summary = 'rewritten too' WHERE id = " + ids.get(3));
            try {
                assertThat(breakOf(site)).isEqualTo(changed);

                ByteArrayOutputStream out = new ByteArrayOutputStream();
                assertThat(command.verify(new PrintStream(out, true, StandardCharsets.UTF_8))).isEqualTo(1);
                assertThat(out.toString(StandardCharsets.UTF_8)).contains("row " + changed + " of").contains("CHANGED");

                String page = mvc.perform(get("/audit/verify").with(user(accounts.signedIn(Role.BUREAU_ADMIN))))
                        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
                assertThat(page).contains("第 " + changed + " 条记录被改动");
            } finally {
                withoutTrigger(owner, "audit_log_no_update_or_delete",
                        "UPDATE audit_log SET summary = 'row 2' WHERE id = " + changed,
                        "UPDATE audit_log SET summary = 'row 3' WHERE id = " + ids.get(3));
            }
            assertThat(breakOf(site)).isNull();

            // a removed row: the one after it is named
            var removed = jdbc.sql("SELECT * FROM audit_log WHERE id = :id").param("id", ids.get(1)).query().singleRow();
            withoutTrigger(owner, "audit_log_no_update_or_delete", "DELETE FROM audit_log WHERE id = " + ids.get(1));
            try {
                assertThat(breakOf(site)).isEqualTo(ids.get(2));
            } finally {
                List<String> columns = List.of("id", "site_id", "occurred_at", "actor", "action", "target_type",
                        "target_id", "summary", "address", "recorded_at", "prev_hash", "hash");
                owner.setAutoCommit(false);
                try (var insert = owner.prepareStatement("INSERT INTO audit_log (" + String.join(", ", columns)
                        + ") VALUES (" + String.join(", ", java.util.Collections.nCopies(columns.size(), "?")) + ")")) {
                    s.execute("ALTER TABLE audit_log DISABLE TRIGGER audit_log_zz_chain");
                    for (int i = 0; i < columns.size(); i++) {
                        insert.setObject(i + 1, removed.get(columns.get(i)));
                    }
                    insert.executeUpdate();
                    s.execute("ALTER TABLE audit_log ENABLE TRIGGER audit_log_zz_chain");
                    owner.commit();
                } finally {
                    owner.setAutoCommit(true);
                }
            }
            assertThat(breakOf(site)).isNull();
        }
    }

    @Test
    void r12_10_verifyPageIsTheBureauAdministratorsOnly() throws Exception {
        mvc.perform(get("/audit/verify").with(user(accounts.signedIn(Role.ADMIN)))).andExpect(status().isForbidden());
        String page = mvc.perform(get("/audit/verify").with(user(accounts.signedIn(Role.BUREAU_ADMIN))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("审计日志完整");
    }

    @Test
    void r12_10_chainsStayCorrectUnderConcurrentInserts() throws Exception {
        long site = halls.create().siteId();
        ExecutorService pool = Executors.newFixedThreadPool(12);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 12; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 20; i++) {
                        insert(i % 4 == 0 ? null : site, "thread " + thread + " row " + i);
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE site_id = :site").param("site", site)
                .query(Integer.class).single()).isEqualTo(12 * 15);
        assertThat(chain.verify().breaks()).isEmpty();
        // one line: every row but the first names a different predecessor
        assertThat(jdbc.sql("SELECT count(DISTINCT prev_hash) FROM audit_log WHERE site_id = :site").param("site", site)
                .query(Integer.class).single()).isEqualTo(12 * 15 - 1);
    }

    private long insert(Long site, String summary) {
        return jdbc.sql("""
                INSERT INTO audit_log (site_id, occurred_at, actor, action, summary) VALUES (:site, now(), 'r12-10', 'TEST', :summary)
                RETURNING id""").param("site", site, java.sql.Types.BIGINT).param("summary", summary)
                .query(Long.class).single();
    }

    private Long breakOf(long site) {
        return chain.verify().breaks().stream().filter(b -> b.siteId() != null && b.siteId() == site)
                .map(AuditChain.Break::id).findFirst().orElse(null);
    }

    /** Runs the statements as the owner with one trigger off, in one transaction: no one else sees it off. */
    private static void withoutTrigger(Connection owner, String trigger, String... statements) throws SQLException {
        owner.setAutoCommit(false);
        try (Statement s = owner.createStatement()) {
            s.execute("ALTER TABLE audit_log DISABLE TRIGGER " + trigger);
            for (String sql : statements) {
                s.execute(sql);
            }
            s.execute("ALTER TABLE audit_log ENABLE TRIGGER " + trigger);
            owner.commit();
        } finally {
            owner.setAutoCommit(true);
        }
    }
}
