package org.hallsafe.screening;

import java.time.Duration;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.hallsafe.HallSafeTest;
import org.hallsafe.MutableClock;
import org.hallsafe.TestAccounts;
import org.hallsafe.TestHall;
import org.hallsafe.shared.IdNumber;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Issue 17 item 2: the exit scan at the gate stamps a visitor's leaving time once, in the visitor's own hall. */
@HallSafeTest
class Issue17ExitScanTest {

    private static int people = 300;

    @Autowired MockMvc mvc;
    @Autowired TestHall halls;
    @Autowired JdbcClient jdbc;
    @Autowired MutableClock clock;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    /** A citizen admitted at the gate through the API; the screening's id. */
    static long admit(MockMvc mvc, String screener, String name) throws Exception {
        String first17;
        synchronized (Issue17ExitScanTest.class) {
            int n = people++;
            first17 = "4309021988" + String.format("%02d%02d%03d", 1 + n % 12, 1 + (n / 12) % 28, n % 1000);
        }
        String body = """
                {"submissionId":"%s","personType":"CITIZEN","name":"%s","docType":"ID_CARD","docNo":"%s",
                 "phone":"13611112222","mask":"N95_KN95","temperature":36.4,"noSymptoms":true}"""
                .formatted(UUID.randomUUID(), name, first17 + IdNumber.checkCharacter(first17));
        String answer = mvc.perform(post("/api/v1/screening/screenings").with(httpBasic(screener, TestAccounts.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(answer, "$.id")).longValue();
    }

    private java.sql.Timestamp leftAt(long id) {
        return jdbc.sql("SELECT left_at FROM screenings WHERE id = :id").param("id", id).query(java.sql.Timestamp.class)
                .optional().orElse(null);
    }

    @Test
    void r17_2_theApiStampsTheLeavingTimeOnceAndASecondScanChangesNothingAndSaysSo() throws Exception {
        TestHall.Hall hall = halls.create();
        long id = admit(mvc, hall.screener(), "郑秀英");
        assertThat(leftAt(id)).isNull();

        clock.advance(Duration.ofMinutes(40));
        String first = mvc.perform(post("/api/v1/gate/exits").with(httpBasic(hall.screener(), TestAccounts.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"screeningId\":" + id + "}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.alreadyLeft").value(false))
                .andExpect(jsonPath("$.name").value("郑秀英")).andReturn().getResponse().getContentAsString();
        java.sql.Timestamp stamped = leftAt(id);
        assertThat(stamped).isNotNull();
        assertThat(stamped.toInstant()).isEqualTo(clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS));

        clock.advance(Duration.ofMinutes(5));
        mvc.perform(post("/api/v1/gate/exits").with(httpBasic(hall.screener(), TestAccounts.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"screeningId\":" + id + "}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.alreadyLeft").value(true))
                .andExpect(jsonPath("$.leftAt").value((String) JsonPath.read(first, "$.leftAt")));
        assertThat(leftAt(id)).as("a second scan changes nothing").isEqualTo(stamped);
        // the audit log is written from the activity event, after the commit
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                "SELECT count(*) FROM audit_log WHERE action = 'LEFT' AND target_type = 'screening' AND target_id = :id")
                .param("id", String.valueOf(id)).query(Integer.class).single() >= 1);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'LEFT' AND target_type = 'screening' AND target_id = :id")
                .param("id", String.valueOf(id)).query(Integer.class).single()).as("the exit is audited once").isEqualTo(1);

        mvc.perform(post("/api/v1/gate/exits").with(httpBasic(hall.screener(), TestAccounts.PASSWORD))
                        .header("Accept-Language", "zh-CN").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.bookingCode").value("请填写预约码或测温记录编号。"));
    }

    @Test
    void r17_2_anotherHallsScreeningIsNotFoundAndKeepsNoLeavingTime() throws Exception {
        TestHall.Hall hall = halls.create();
        TestHall.Hall other = halls.create();
        long id = admit(mvc, hall.screener(), "钱伟");

        mvc.perform(post("/api/v1/gate/exits").with(httpBasic(other.screener(), TestAccounts.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"screeningId\":" + id + "}"))
                .andExpect(status().isNotFound());
        mvc.perform(post("/gate/exit/" + id).with(user(halls.signIn(other.screener()))).with(csrf()))
                .andExpect(status().isNotFound());
        assertThat(leftAt(id)).isNull();
        mvc.perform(post("/api/v1/gate/exits").with(httpBasic(hall.leader(), TestAccounts.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"screeningId\":" + id + "}"))
                .andExpect(status().isForbidden());
    }

    @Test
    void r17_2_thePageListsWhoIsInAndOneTapRecordsTheirLeaving() throws Exception {
        TestHall.Hall hall = halls.create();
        long id = admit(mvc, hall.screener(), "冯海燕");
        var screener = halls.signIn(hall.screener());

        String page = mvc.perform(get("/gate/exit").with(user(screener))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("冯海燕").contains("id=\"leave-" + id + "\"");

        mvc.perform(post("/gate/exit/" + id).with(user(screener)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(leftAt(id)).isNotNull();
        String after = mvc.perform(get("/gate/exit").with(user(screener))).andReturn().getResponse().getContentAsString();
        assertThat(after).doesNotContain("id=\"leave-" + id + "\"");

        String unknown = mvc.perform(post("/gate/exit").with(user(screener)).with(csrf()).param("bookingCode", "ZZZZ99"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(unknown).contains("今天没有用这个预约码入场的记录").contains("value=\"ZZZZ99\"");

        String today = mvc.perform(get("/screening/today").with(user(screener))).andReturn().getResponse().getContentAsString();
        assertThat(today).contains("href=\"/gate/exit\"");
    }
}
