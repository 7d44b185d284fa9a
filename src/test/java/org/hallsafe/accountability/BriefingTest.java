package org.hallsafe.accountability;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.hallsafe.HallSafeTest;
import org.hallsafe.TestHall;
import org.hallsafe.incident.Incidents;
import org.hallsafe.organization.HallFigures;
import org.hallsafe.organization.SectionFlags;
import org.hallsafe.organization.TestSectionFlags;
import org.hallsafe.platform.Deliveries;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The daily briefing (每日防控工作日报, issue 16 item 4): figures, sections, flags, print, DOCX, remarks, sending. */
@HallSafeTest
class BriefingTest {

    @Autowired FeedbackHall fixture;
    @Autowired TestHall halls;
    @Autowired MockMvc mvc;
    @Autowired Briefings briefings;
    @Autowired ObjectProvider<HallFigures> modules;
    @Autowired Incidents incidents;
    @Autowired SectionReports reports;
    @Autowired Deliveries deliveries;

    private FeedbackHall.Ready r;

    @BeforeEach
    void setUp() {
        r = fixture.create();
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
        TestSectionFlags.put(r.site(), FeedbackHall.DAY, List.of());
    }

    private UserDetails as(String username) {
        UserDetails user = halls.signIn(username);
        SecurityContextHolder.clearContext();
        return user;
    }

    /** One section reported with a request to the group, the other did not by 17:00; two incidents, one acknowledged. */
    private void aDay() throws Exception {
        fixture.at(15, 0);
        mvc.perform(post("/feedback/report").with(user(as(r.officeHead()))).with(csrf()).param("problems", "消毒液库存偏少")
                .param("request", "请领导小组协调采购")).andExpect(status().is3xxRedirection());
        halls.signIn(r.hall().screener());
        incidents.report(r.site(), "test", "b1-" + r.site(), "体温异常", "37.9");
        long second = incidents.report(r.site(), "test", "b2-" + r.site(), "体温异常", "38.1");
        halls.signIn(r.hall().leader());
        incidents.acknowledge(r.site(), second);
        SecurityContextHolder.clearContext();
        fixture.at(17, 10);
    }

    @Test
    void r16_4_theBriefingsFiguresEqualTheModulesOwnCounts() throws Exception {
        aDay();
        Briefings.Briefing b = briefings.of(r.site(), FeedbackHall.DAY);
        Map<String, Long> shown = b.tiles().stream().collect(Collectors.toMap(Briefings.Tile::key, Briefings.Tile::value));
        // every module's own figure is in the briefing with its own number
        modules.orderedStream().flatMap(m -> m.figures(r.site(), FeedbackHall.DAY).stream())
                .forEach(f -> assertThat(shown).as(f.key()).containsEntry(f.key(), f.value()));
        // and the numbers are the records': one section of two did not report; one incident is not acknowledged
        assertThat(shown).containsEntry(FeedbackFigures.OVERDUE, 1L);
        long open = incidents.list(r.site(), Incidents.Status.OPEN, 100).size();
        assertThat(open).isEqualTo(1);
        if (shown.containsKey("figure.incident.unacknowledged")) {
            assertThat(shown).containsEntry("figure.incident.unacknowledged", open);
        }
        assertThat(b.sections()).extracting(Briefings.SectionLine::section, Briefings.SectionLine::state)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("局办公室", "SUBMITTED"),
                        org.assertj.core.groups.Tuple.tuple("窗口管理科", "OVERDUE"));
        String page = mvc.perform(get("/briefing").param("day", FeedbackHall.DAY.toString()).with(user(as(r.hall().leader()))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("科室日报逾期").contains("消毒液库存偏少").contains("[领导小组]").contains("请领导小组协调采购")
                .contains("逾期未报");
    }

    @Test
    void r16_4_theDocxOpensWithPoiAndHoldsTheFiguresAndThePrintViewIsA4() throws Exception {
        aDay();
        TestSectionFlags.put(r.site(), FeedbackHall.DAY, List.of(new SectionFlags.Flag("feedback.none", r.windows(), "3", "/feedback")));
        byte[] docx = mvc.perform(get("/briefing/docx").param("day", FeedbackHall.DAY.toString()).with(user(as(r.hall().leader()))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx));
                XWPFWordExtractor text = new XWPFWordExtractor(doc)) {
            String all = text.getText();
            assertThat(all).contains("每日防控工作日报").contains("科室日报逾期").contains("消毒液库存偏少").contains("窗口管理科：");
            Briefings.Briefing b = briefings.of(r.site(), FeedbackHall.DAY);
            assertThat(doc.getTables().get(0).getNumberOfRows()).isEqualTo(b.tiles().size() + 1);
            for (int i = 0; i < b.tiles().size(); i++) {
                assertThat(doc.getTables().get(0).getRow(i + 1).getCell(2).getText())
                        .isEqualTo(String.valueOf(b.tiles().get(i).value()));
            }
        }
        String print = mvc.perform(get("/briefing/print").param("day", FeedbackHall.DAY.toString()).with(user(as(r.hall().leader()))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(print).contains("/css/briefing-print.css").contains("负责人签字").contains("消毒液库存偏少");
        // a section head reads no briefing; a day to come has none
        mvc.perform(get("/briefing").with(user(as(r.windowsHead())))).andExpect(status().isForbidden());
        mvc.perform(get("/briefing").param("day", FeedbackHall.DAY.plusDays(1).toString()).with(user(as(r.hall().leader()))))
                .andExpect(status().isNotFound());
    }

    @Test
    void r16_4_theOfficeAddsRemarksAndSendsOnceAndTheHistoryDoesNotMove() throws Exception {
        aDay();
        String day = FeedbackHall.DAY.toString();
        UserDetails office = as(r.hall().officeDirector());
        mvc.perform(post("/briefing/remarks").param("day", day).param("remarks", "明天加强二号门测温").with(user(office)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        // a leader may read, not write
        mvc.perform(post("/briefing/send").param("day", day).with(user(as(r.hall().leader()))).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/briefing/send").param("day", day).with(user(office)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        Briefings.Briefing sent = briefings.of(r.site(), FeedbackHall.DAY);
        assertThat(sent.sent()).isTrue();
        assertThat(sent.remarks()).isEqualTo("明天加强二号门测温");
        assertThat(sent.tiles()).extracting(Briefings.Tile::key).contains(FeedbackFigures.OVERDUE);

        // later the late section reports: today's figures move, the sent briefing does not
        fixture.at(17, 30);
        mvc.perform(post("/feedback/report").with(user(as(r.windowsHead()))).with(csrf()).param("problems", "晚报"))
                .andExpect(status().is3xxRedirection());
        assertThat(reports.day(r.site(), FeedbackHall.DAY)).extracting(SectionReports.Line::state)
                .doesNotContain(ReportTimes.State.OVERDUE);
        Briefings.Briefing again = briefings.of(r.site(), FeedbackHall.DAY);
        assertThat(again.tiles()).isEqualTo(sent.tiles());
        assertThat(again.sections()).isEqualTo(sent.sections());

        // sent once: remarks and a second sending are refused
        String refused = mvc.perform(post("/briefing/remarks").param("day", day).param("remarks", "改").with(user(office)).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("这天的日报已经发送，不能再修改");
        mvc.perform(post("/briefing/send").param("day", day).with(user(office)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        // every member of the group with a phone was told, once
        List<Deliveries.Status> told = deliveries.of(r.site(), "briefing", day);
        assertThat(told).extracting(Deliveries.Status::recipientName).containsExactlyInAnyOrder("张建国", "李丽华", "王海燕");
        String history = mvc.perform(get("/briefing/history").with(user(as(r.hall().leader())))).andReturn().getResponse()
                .getContentAsString();
        assertThat(history).contains("由 " + r.hall().officeDirector() + " 发送");
    }
}
