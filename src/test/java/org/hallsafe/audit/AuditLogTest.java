package org.hallsafe.audit;

import java.time.Duration;
import java.time.Instant;

import org.hallsafe.HallSafeTest;
import org.hallsafe.MutableClock;
import org.hallsafe.TestAccounts;
import org.hallsafe.platform.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** The audit log: every change is written with who, what, when and from where, and no row can be changed. */
@HallSafeTest
class AuditLogTest {

    @Autowired MockMvc mvc;
    @Autowired TestAccounts accounts;
    @Autowired JdbcClient jdbc;
    @Autowired MutableClock clock;

    record Row(String actor, String action, String targetType, String summary, String address, Instant occurredAt) {
    }

    @Test
    void writesWhoWhatWhenAndFromWhereForAnEdit() throws Exception {
        UserDetails admin = accounts.signedIn(Role.ADMIN);
        String name = "审计测试科" + System.nanoTime();
        Instant now = clock.instant();
        mvc.perform(post("/org/departments").with(user(admin)).with(csrf()).param("kind", "SECTION").param("name", name)
                .with(request -> {
                    request.setRemoteAddr("10.20.30.40");
                    return request;
                }));

        Row row = await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql("""
                        SELECT actor, action, target_type, summary, address, occurred_at FROM audit_log
                        WHERE summary = :name""").param("name", name).query(Row.class).optional(),
                java.util.Optional::isPresent).orElseThrow();
        assertThat(row.actor()).isEqualTo(admin.getUsername());
        assertThat(row.action()).isEqualTo("CREATED");
        assertThat(row.targetType()).isEqualTo("department");
        assertThat(row.address()).isEqualTo("10.20.30.40");
        assertThat(row.occurredAt()).isEqualTo(now);

        String page = mvc.perform(get("/audit").with(user(admin)).param("actor", admin.getUsername()))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains(name).contains("10.20.30.40");
    }

    @Test
    void refusesToChangeOrDeleteAuditRows() {
        jdbc.sql("INSERT INTO audit_log (occurred_at, actor, action) VALUES (now(), 'test', 'TEST')").update();

        // the application's role may not (issue 12, item 10); the owner is stopped by the triggers (AuditChainTest)
        assertThatThrownBy(() -> jdbc.sql("UPDATE audit_log SET actor = 'someone else' WHERE actor = 'test'").update())
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("permission denied");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_log WHERE actor = 'test'").update())
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("permission denied");
        assertThatThrownBy(() -> jdbc.sql("TRUNCATE audit_log").update())
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("permission denied");
    }
}
