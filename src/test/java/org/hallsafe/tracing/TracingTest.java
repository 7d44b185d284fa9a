package org.hallsafe.tracing;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.hallsafe.HallSafeTest;
import org.hallsafe.TestAccounts;
import org.hallsafe.platform.Role;
import org.hallsafe.platform.SignedIn;
import org.hallsafe.shared.DocumentType;
import org.hallsafe.tracing.Traces.By;
import org.hallsafe.tracing.Traces.Contact;
import org.hallsafe.tracing.Traces.LeftBasis;
import org.hallsafe.tracing.Traces.Trace;
import org.hallsafe.tracing.Traces.TraceRequest;
import org.hallsafe.tracing.Traces.Visit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 17, items 1, 2, 3 and 6: a trace over a day seeded through the real services ({@link TracedDay}) finds the
 * visit with its estimated leaving and exactly the expected contacts, ranked; only the leadership group and the
 * office may trace; the reason is required and every trace and read is audited; the API answers as documented.
 */
@HallSafeTest
class TracingTest {

    @Autowired TracedDay days;
    @Autowired Traces traces;
    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired org.hallsafe.TestHall halls;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private static SignedIn office(TracedDay.Day d) {
        return new SignedIn(1L, d.site(), d.hall().officeDirector(), "王海燕", Role.OFFICE, Role.OFFICE.permissions());
    }

    private static List<String> rows(Trace t) {
        return t.contacts().stream().map(c -> c.rank() + " " + c.kind() + " " + c.name() + " " + c.minutes()
                + (c.estimated() ? " 估算" : "")).toList();
    }

    @Test
    void r17_3_aCitizenTracedByDocumentHasExactlyTheExpectedContactsRanked() {
        TracedDay.Day d = days.seed();
        Trace t = traces.start(office(d), new TraceRequest(By.DOCUMENT, DocumentType.ID_CARD, d.subjectId(), null, null,
                null, null, "区疾控中心通报该市民核酸阳性"));

        assertThat(rows(t)).containsExactly(
                "1 SERVED_BY 刘洋 10",            // called 09:10, 办结 09:20, both recorded: exact
                "2 NEIGHBOUR_WINDOW 孙丽 10",     // window 4, same area as window 5; windows 3 and 6 are not neighbours
                "3 VISITOR 钱伟 15 估算",          // 09:00 to the exit scan 09:15, against 陈静's estimated stay
                "4 VISITOR 王芳 10 估算",          // 08:00 plus the default 60 minutes: 08:50 to 09:00
                "5 SCREENER 赵志强 1 估算");       // the screening at the gate, taken as a minute
        // 李强 left (estimated) at 08:50 as 陈静 came, 赵敏 came at 09:30 as 陈静 left: touching is not a contact;
        // 孙浩 was refused at the gate; the other hall's people are not there
        assertThat(t.from()).isEqualTo(d.day().minusDays(13));
        assertThat(t.to()).isEqualTo(d.day());
        assertThat(t.subjectLabel()).startsWith("陈静 · ").doesNotContain(d.subjectId());
        Contact served = t.contacts().get(0);
        assertThat(served.whyKey()).isEqualTo("tracing.why.servedBy");
        assertThat(served.whyArgs()).containsExactly("5", "社保");
        assertThat(served.from()).isEqualTo(TracedDay.time(d.day(), "09:10"));
        assertThat(served.phoneMasked()).contains("****");

        assertThat(t.visits()).hasSize(1);
        Visit v = t.visits().get(0);
        assertThat(v.enteredAt()).isEqualTo(TracedDay.time(d.day(), "08:50"));
        assertThat(v.leftAt()).as("the slot ends after the 办结").isEqualTo(TracedDay.time(d.day(), "09:30"));
        assertThat(v.leftBasis()).isEqualTo(LeftBasis.SLOT);
        assertThat(v.estimated()).isTrue();
        assertThat(v.windowNumber()).isEqualTo(5);
        assertThat(v.servedBy()).isEqualTo("刘洋");
        assertThat(v.doneAt()).isEqualTo(TracedDay.time(d.day(), "09:20"));
        assertThat(v.screener()).isEqualTo(d.hall().screener());
    }

    @Test
    void r17_1_aCitizenTracedByPhoneAndAStaffMemberWithTheCanteen() {
        TracedDay.Day d = days.seed();
        Trace byPhone = traces.start(office(d), new TraceRequest(By.PHONE, null, null, d.subjectPhone(), null, null, null,
                "电话流调"));
        assertThat(byPhone.visits()).hasSize(1);
        assertThat(byPhone.contacts()).hasSize(5);

        Trace staff = traces.start(office(d), new TraceRequest(By.STAFF, null, null, null, d.liu(), null, null,
                "窗口工作人员刘洋确诊"));
        assertThat(staff.visits()).singleElement().satisfies(v -> {
            assertThat(v.leftBasis()).isEqualTo(LeftBasis.DEFAULT_STAY);
            assertThat(Duration.between(v.enteredAt(), v.leftAt())).isEqualTo(Duration.ofHours(8));
        });
        assertThat(staff.contacts().stream().map(c -> c.kind() + " " + c.name()))
                .as("a staff member's citizens are those the window served, not the whole day's visitors")
                .containsExactlyInAnyOrder("SERVED_BY 陈静", "CANTEEN 孙丽", "NEIGHBOUR_WINDOW 孙丽", "SCREENER 赵志强");
        assertThat(staff.contacts().get(0).name()).as("the next window, all day long, ranks first").isEqualTo("孙丽");
        assertThat(staff.contacts().get(0).kind()).isEqualTo(Traces.ContactKind.NEIGHBOUR_WINDOW);
        assertThat(staff.contacts()).filteredOn(c -> c.kind() == Traces.ContactKind.CANTEEN).singleElement()
                .satisfies(c -> {
                    assertThat(c.whyKey()).isEqualTo("tracing.why.canteen.LUNCH");
                    assertThat(c.minutes()).isEqualTo(20);
                });
    }

    @Test
    void r17_1_theScreenerAndTheHallAdminMayNotTrace() throws Exception {
        TracedDay.Day d = days.seed();
        for (String who : List.of(d.hall().screener(), d.hall().admin())) {
            mvc.perform(get("/tracing").with(user(halls.signIn(who)))).andExpect(status().isForbidden());
            mvc.perform(post("/api/v1/traces").with(httpBasic(who, TestAccounts.PASSWORD))
                    .contentType(MediaType.APPLICATION_JSON).content("""
                            {"by":"DOCUMENT","docType":"ID_CARD","docNo":"%s","reason":"试一下"}""".formatted(d.subjectId())))
                    .andExpect(status().isForbidden());
            mvc.perform(get("/api/v1/traces").with(httpBasic(who, TestAccounts.PASSWORD))).andExpect(status().isForbidden());
        }
        mvc.perform(get("/tracing").with(user(halls.signIn(d.hall().leader())))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("trace-form")));
        assertThat(count(d)).isZero();
    }

    @Test
    void r17_1_theReasonIsRequiredBesideTheFieldAndEveryTraceAndReadIsAudited() throws Exception {
        TracedDay.Day d = days.seed();
        String office = d.hall().officeDirector();
        mvc.perform(post("/api/v1/traces").with(httpBasic(office, TestAccounts.PASSWORD)).header("Accept-Language", "zh-CN")
                        .contentType(MediaType.APPLICATION_JSON).content("""
                        {"by":"DOCUMENT","docType":"ID_CARD","docNo":"%s","reason":"   "}""".formatted(d.subjectId())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.reason").value("请写明追踪原因（会记入操作日志）"));
        mvc.perform(post("/tracing").with(user(halls.signIn(office))).with(csrf()).header("Accept-Language", "zh-CN")
                        .param("by", "DOCUMENT").param("docType", "ID_CARD").param("docNo", d.subjectId())
                        .param("from", d.day().minusDays(3).toString()).param("to", d.day().toString()).param("reason", ""))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("请写明追踪原因（会记入操作日志）")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("value=\"" + d.subjectId() + "\"")));
        assertThat(count(d)).as("nothing stored").isZero();

        String location = mvc.perform(post("/api/v1/traces").with(httpBasic(office, TestAccounts.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("""
                        {"by":"DOCUMENT","docType":"ID_CARD","docNo":"%s","reason":"区疾控通报阳性"}""".formatted(d.subjectId())))
                .andExpect(status().isCreated()).andExpect(header().exists("Location"))
                .andExpect(jsonPath("$.contacts.length()").value(5))
                .andExpect(jsonPath("$.contacts[0].whyKey").value("tracing.why.servedBy"))
                .andReturn().getResponse().getHeader("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);
        mvc.perform(get(location).with(httpBasic(d.hall().leader(), TestAccounts.PASSWORD))).andExpect(status().isOk())
                .andExpect(jsonPath("$.visits[0].leftBasis").value("SLOT"));
        mvc.perform(get("/api/v1/traces").with(httpBasic(office, TestAccounts.PASSWORD)))
                .andExpect(jsonPath("$[0].id").value(Long.parseLong(id))).andExpect(jsonPath("$[0].contacts").value(5));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(audited(d, id, "TRACED", office)).isEqualTo(1);
            assertThat(audited(d, id, "OPENED", d.hall().leader())).isEqualTo(1);
        });

        // another hall's office does not find it
        TracedDay.Day other = days.seed();
        mvc.perform(get(location).with(httpBasic(other.hall().officeDirector(), TestAccounts.PASSWORD)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/tracing/" + id).with(user(halls.signIn(other.hall().officeDirector()))))
                .andExpect(status().isNotFound());
        mvc.perform(get("/tracing/" + id).with(user(halls.signIn(office)))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("刘洋")));
    }

    @Test
    void r17_1_thePeriodIsCheckedByField() {
        TracedDay.Day d = days.seed();
        LocalDate today = d.day();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> traces.start(office(d), new TraceRequest(By.DOCUMENT,
                        DocumentType.ID_CARD, d.subjectId(), null, null, today, today.plusDays(1), "原因")))
                .isInstanceOfSatisfying(org.hallsafe.platform.InvalidInputException.class,
                        e -> assertThat(e.problems()).containsEntry("to", "tracing.period.future"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> traces.start(office(d), new TraceRequest(By.STAFF,
                        null, null, null, Long.MAX_VALUE, null, null, "原因")))
                .isInstanceOfSatisfying(org.hallsafe.platform.InvalidInputException.class,
                        e -> assertThat(e.problems()).containsEntry("staffId", "tracing.staff.unknown"));
    }

    private long count(TracedDay.Day d) {
        return jdbc.sql("SELECT count(*) FROM traces WHERE site_id = :site").param("site", d.site()).query(Long.class)
                .single();
    }

    private long audited(TracedDay.Day d, String id, String action, String actor) {
        return jdbc.sql("""
                SELECT count(*) FROM audit_log WHERE site_id = :site AND target_type = 'trace' AND target_id = :id
                  AND action = :action AND actor = :actor AND summary LIKE '%reason: 区疾控通报阳性%'""")
                .param("site", d.site()).param("id", id).param("action", action).param("actor", actor)
                .query(Long.class).single();
    }
}
