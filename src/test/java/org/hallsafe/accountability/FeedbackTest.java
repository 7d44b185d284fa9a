package org.hallsafe.accountability;

import java.util.List;
import java.util.Map;

import org.hallsafe.HallSafeTest;
import org.hallsafe.TestHall;
import org.hallsafe.organization.Directory;
import org.hallsafe.organization.HallFigures;
import org.hallsafe.organization.MeasureStatusProvider.MeasureStatus;
import org.hallsafe.organization.Measures;
import org.hallsafe.platform.Deliveries;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Section feedback (信息反馈制度, issue 16 item 3): prefill, overdue, thread, read receipts, the reminder once. */
@HallSafeTest
class FeedbackTest {

    @Autowired FeedbackHall fixture;
    @Autowired TestHall halls;
    @Autowired MockMvc mvc;
    @Autowired FeedbackMeasure measure;
    @Autowired FeedbackFigures figures;
    @Autowired FeedbackReminders reminders;
    @Autowired Measures measures;
    @Autowired Directory directory;
    @Autowired Deliveries deliveries;
    @Autowired JdbcClient jdbc;

    private FeedbackHall.Ready r;

    @BeforeEach
    void setUp() {
        r = fixture.create();
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private UserDetails as(String username) {
        UserDetails user = halls.signIn(username);
        SecurityContextHolder.clearContext();
        return user;
    }

    private long submit(String head, String problems, String request, Long to) throws Exception {
        var post = post("/feedback/report").with(user(as(head))).with(csrf()).param("problems", problems)
                .param("request", request);
        if (to != null) {
            post = post.param("requestTo", String.valueOf(to));
        }
        String location = mvc.perform(post).andExpect(status().is3xxRedirection()).andReturn().getResponse()
                .getRedirectedUrl();
        assertThat(location).startsWith("/feedback/reports/");
        return Long.parseLong(location.substring("/feedback/reports/".length()));
    }

    private MeasureStatus reqCell(long section) {
        return measures.matrix(r.site(), directory.departments(r.site(), null, "", false)).rows().stream()
                .filter(row -> row.measure().code().equals("R-REQ")).findFirst().orElseThrow()
                .cells().get(section == r.office() ? 0 : 1).status().orElseThrow();
    }

    @Test
    void r16_3_theFormIsPrefilledFromTheSectionsColumnOfTheMatrix() throws Exception {
        fixture.at(15, 0);
        String page = mvc.perform(get("/feedback/report").with(user(as(r.windowsHead()))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("窗口管理科").contains("请在今天 17:00 前提交").contains("本科室今天的记录（自动带出）")
                .contains("今天上报事件 0 起");
        long id = submit(r.windowsHead(), "二号窗口排队较长", "", null);
        // the column as it stood is kept with the report: R-REQ (its own report) was due when it was written
        List<SectionReports.Figure> kept = jdbc.sql("""
                SELECT measure_code, done, due, overdue FROM section_report_figures WHERE report_id = :id ORDER BY measure_code""")
                .param("id", id).query(SectionReports.Figure.class).list();
        assertThat(kept).contains(new SectionReports.Figure("R-REQ", 0, 1, 0));
        assertThat(kept).extracting(SectionReports.Figure::measureCode).contains("R-MON", "R-DIS", "R-REQ");
    }

    @Test
    void rReq1_r16_3_aReportNotSubmittedByTheHallsTimeIsOverdueOnTheMatrixAndTheOverview() throws Exception {
        fixture.at(16, 0);
        submit(r.officeHead(), "", "", null);
        assertThat(reqCell(r.office())).isEqualTo(new MeasureStatus(1, 0, 0));
        assertThat(reqCell(r.windows())).isEqualTo(new MeasureStatus(0, 1, 0));
        assertThat(figures.figures(r.site(), FeedbackHall.DAY)).extracting(HallFigures.Figure::value, HallFigures.Figure::level)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(0L, HallFigures.Level.WATCH));

        fixture.at(17, 5);
        assertThat(reqCell(r.windows())).isEqualTo(new MeasureStatus(0, 0, 1));
        HallFigures.Figure tile = figures.figures(r.site(), FeedbackHall.DAY).get(0);
        assertThat(tile.value()).isEqualTo(1);
        assertThat(tile.level()).isEqualTo(HallFigures.Level.ALERT);
        assertThat(figures.trend(r.site(), FeedbackHall.DAY, FeedbackHall.DAY).get(FeedbackFigures.OVERDUE)).containsExactly(1L);
        String day = mvc.perform(get("/feedback").with(user(as(r.hall().leader())))).andReturn().getResponse()
                .getContentAsString();
        assertThat(day).contains("逾期未报").contains("已提交");

        // written after the due time it is taken, and marked late everywhere
        long late = submit(r.windowsHead(), "", "", null);
        assertThat(reqCell(r.windows())).isEqualTo(new MeasureStatus(1, 0, 0));
        assertThat(mvc.perform(get("/feedback/reports/" + late).with(user(as(r.hall().leader())))).andReturn()
                .getResponse().getContentAsString()).contains("逾期提交");
        assertThat(figures.figures(r.site(), FeedbackHall.DAY).get(0).value()).isZero();
    }

    @Test
    void rReq1_r16_3_repliesFormAThreadAndReadReceiptsNameWhoReadWhen() throws Exception {
        fixture.at(15, 30);
        long id = submit(r.windowsHead(), "测温枪电池不足", "请局办公室补充测温枪电池", r.office());
        UserDetails leader = as(r.hall().leader());
        String first = mvc.perform(get("/feedback/reports/" + id).with(user(as(r.windowsHead())))).andReturn()
                .getResponse().getContentAsString();
        assertThat(first).contains("还没有人阅读").contains("提给：局办公室");

        fixture.at(15, 40);
        mvc.perform(get("/feedback/reports/" + id).with(user(leader))).andExpect(status().isOk());
        fixture.at(15, 45);
        mvc.perform(get("/feedback/reports/" + id).with(user(leader))).andExpect(status().isOk());
        mvc.perform(post("/feedback/reports/" + id + "/replies").with(user(leader)).with(csrf()).param("body", "已安排，明早送到"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/feedback/reports/" + id).with(user(as(r.officeHead())))).andExpect(status().isOk());
        mvc.perform(post("/feedback/reports/" + id + "/replies").with(user(as(r.officeHead()))).with(csrf())
                .param("body", "电池已放在一号门")).andExpect(status().is3xxRedirection());
        String empty = mvc.perform(post("/feedback/reports/" + id + "/replies").with(user(leader)).with(csrf()).param("body", " "))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(empty).contains("is-invalid");

        String seen = mvc.perform(get("/feedback/reports/" + id).with(user(as(r.windowsHead())))).andReturn()
                .getResponse().getContentAsString();
        assertThat(seen).containsSubsequence("已安排，明早送到", "电池已放在一号门");
        // one receipt per reader, at the first reading; the writer's own readings are none
        assertThat(seen).contains("测试LEADER 于 2026-12-02 15:40 已读").contains("测试SECTION_HEAD 于 2026-12-02 15:45 已读")
                .doesNotContain("测试LEADER 于 2026-12-02 15:45 已读");
        assertThat(jdbc.sql("SELECT count(*) FROM section_report_reads WHERE report_id = :id").param("id", id)
                .query(Integer.class).single()).isEqualTo(2);
        // the request shows on the addressed section's page
        assertThat(mvc.perform(get("/feedback").with(user(as(r.officeHead())))).andReturn().getResponse()
                .getContentAsString()).contains("请局办公室补充测温枪电池");
    }

    @Test
    void r16_3_aSectionReportsOnceADayForItsOwnSectionOnly() throws Exception {
        fixture.at(15, 0);
        submit(r.windowsHead(), "", "", null);
        String again = mvc.perform(post("/feedback/report").with(user(as(r.windowsHead()))).with(csrf()).param("problems", "再报"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(again).contains("本科室今天的报告已经提交过了");
        // a request to another hall's section is refused beside the field, nothing stored
        FeedbackHall.Ready other = fixture.create();
        fixture.at(15, 5);
        String refused = mvc.perform(post("/feedback/report").with(user(as(r.officeHead()))).with(csrf())
                .param("problems", "问题").param("request", "请求").param("requestTo", String.valueOf(other.windows())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("请选择本大厅的其他科室或领导小组").contains("问题");
        assertThat(jdbc.sql("SELECT count(*) FROM section_reports WHERE site_id = :s").param("s", r.site())
                .query(Integer.class).single()).isEqualTo(1);
        // a leader, who writes no section report, is refused the form
        mvc.perform(get("/feedback/report").with(user(as(r.hall().leader())))).andExpect(status().isForbidden());
    }

    @Test
    void r16_3_theReminderGoesToTheHeadsOfSectionsNotYetReportedOnce() throws Exception {
        fixture.at(16, 0);
        submit(r.officeHead(), "", "", null);
        assertThat(reminders.remind()).as("before 16:30 nobody").isZero();
        fixture.at(16, 35);
        int first = reminders.remind();
        assertThat(first).isGreaterThanOrEqualTo(1);
        assertThat(reminders.remind()).as("a second run tells nobody again").isZero();
        fixture.at(16, 50);
        assertThat(reminders.remind()).isZero();
        List<Deliveries.Status> sms = deliveries.of(r.site(), "feedback", r.windows() + "/" + FeedbackHall.DAY);
        assertThat(sms).hasSize(1);
        assertThat(sms.get(0).recipientName()).isEqualTo("刘科长");
        assertThat(deliveries.of(r.site(), "feedback", r.office() + "/" + FeedbackHall.DAY)).as("reported").isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM section_report_reminders WHERE site_id = :s AND kind = 'REMIND'")
                .param("s", r.site()).query(Integer.class).single()).isEqualTo(1);
        Map<Long, MeasureStatus> cells = measure.statuses(r.site(), FeedbackHall.DAY);
        assertThat(cells.get(r.windows())).isEqualTo(new MeasureStatus(0, 1, 0));
    }
}
