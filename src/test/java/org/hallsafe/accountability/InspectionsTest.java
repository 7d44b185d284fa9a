package org.hallsafe.accountability;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.hallsafe.HallSafeTest;
import org.hallsafe.MutableClock;
import org.hallsafe.TestAccounts;
import org.hallsafe.TestHall;
import org.hallsafe.accountability.InspectionFlow.Rectification;
import org.hallsafe.accountability.InspectionForms.CheckForm;
import org.hallsafe.accountability.InspectionForms.FixForm;
import org.hallsafe.accountability.InspectionForms.ItemForm;
import org.hallsafe.accountability.InspectionForms.PlanForm;
import org.hallsafe.accountability.InspectionForms.Result;
import org.hallsafe.incident.Incidents;
import org.hallsafe.organization.DepartmentKind;
import org.hallsafe.organization.Directory;
import org.hallsafe.organization.Forms;
import org.hallsafe.organization.HallFigures;
import org.hallsafe.organization.MeasureStatusProvider.MeasureStatus;
import org.hallsafe.organization.StaffDirectory;
import org.hallsafe.platform.InvalidInputException;
import org.hallsafe.platform.NotFoundException;
import org.hallsafe.platform.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Issue 16 item 5 (R-REQ-3): unannounced inspections, their findings and the rectifications followed to closing. */
@HallSafeTest
class InspectionsTest {

    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0};

    @Autowired MockMvc mvc;
    @Autowired TestHall halls;
    @Autowired TestAccounts accounts;
    @Autowired Directory directory;
    @Autowired StaffDirectory staff;
    @Autowired Inspections inspections;
    @Autowired Rectifications rectifications;
    @Autowired RectificationDeadlines deadlines;
    @Autowired RectificationFigures figures;
    @Autowired RectificationMeasure measure;
    @Autowired Incidents incidents;
    @Autowired MutableClock clock;
    @Autowired JdbcClient jdbc;

    TestHall.Hall hall;
    long windows;
    String head;
    String otherHead;

    @BeforeEach
    void setUp() {
        hall = halls.create();
        windows = directory.saveDepartment(hall.siteId(), null, new Forms.DepartmentForm(DepartmentKind.SECTION, "窗口管理科", "", ""));
        head = sectionHead(windows, "孙窗口");
        otherHead = sectionHead(hall.sectionId(), "钱办公");
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private String sectionHead(long section, String name) {
        String username = accounts.create(Role.SECTION_HEAD, hall.siteId());
        staff.save(hall.siteId(), null, new Forms.StaffForm(name, "H" + System.nanoTime() % 100000000, section, null, "科长",
                "139" + String.format("%08d", System.nanoTime() % 100000000), "", username));
        return username;
    }

    private long plan(String... measures) {
        halls.signIn(hall.leader());
        return inspections.plan(hall.siteId(), new PlanForm("节前督查", LocalDate.now(clock), List.of(measures)));
    }

    private Inspections.Item first(long inspection, String measure) {
        return inspections.get(hall.siteId(), inspection, true).items().stream().filter(i -> i.measureCode().equals(measure))
                .findFirst().orElseThrow();
    }

    private Viewer headOf(long section) {
        return new Viewer(false, true, section);
    }

    @Test
    void r16_5_fromThePlanThroughTheFindingAndItsFixAndReCheckToTheClosedRectification() throws Exception {
        long id = plan("R-SCR", "R-DIS");
        Inspections.Detail planned = inspections.get(hall.siteId(), id, true);
        assertThat(planned.items()).extracting(Inspections.Item::item)
                .contains("大厅一楼进门处有专人值守，测温、查口罩", "84消毒液浓度配比正确");
        Inspections.Item gate = first(id, "R-SCR");
        Inspections.Item mop = first(id, "R-DIS");

        // the inspector on the spot: the gate passes; the mop water is a finding, with a photo, for the windows section
        UserDetails leader = halls.signIn(hall.leader());
        mvc.perform(post("/inspections/{id}/items/{item}", id, gate.id()).with(user(leader)).with(csrf())
                .param("result", "PASS")).andExpect(status().is3xxRedirection());
        mvc.perform(multipart("/inspections/{id}/items/{item}", id, mop.id())
                        .file(new MockMultipartFile("photo", "mop.png", "image/png", PNG)).with(user(leader)).with(csrf())
                        .param("result", "FINDING").param("note", "二楼窗口区拖地水没有按比例配84消毒液").param("place", "二楼窗口区")
                        .param("departmentId", String.valueOf(windows)).param("dueOn", LocalDate.now(clock).plusDays(2).toString()))
                .andExpect(status().is3xxRedirection());
        assertThat(rectifications.list(hall.siteId(), headOf(windows), false)).as("nothing handed over before it is carried out").isEmpty();

        mvc.perform(post("/inspections/{id}/carry-out", id).with(user(leader)).with(csrf())).andExpect(status().is3xxRedirection());
        mvc.perform(post("/inspections/{id}/carry-out", id).with(user(leader)).with(csrf())).andExpect(status().is3xxRedirection());
        List<Rectifications.Rect> handed = rectifications.list(hall.siteId(), headOf(windows), false);
        assertThat(handed).as("one rectification however often it is carried out").hasSize(1);
        Rectifications.Rect r = handed.get(0);
        assertThat(r.state()).isEqualTo(Rectification.OPEN);
        assertThat(r.finding()).contains("没有按比例");
        assertThat(r.findingPhotoId()).isNotNull();
        assertThat(inspections.get(hall.siteId(), id, false).inspection().state()).isEqualTo(InspectionFlow.Inspection.CARRIED_OUT);
        assertThatThrownBy(() -> inspections.record(hall.siteId(), id, gate.id(),
                new ItemForm(Result.FINDING, "改一下", "", windows, LocalDate.now(clock)), null, null))
                .as("results stand once carried out").isInstanceOf(InvalidInputException.class);

        // the owner section's head sees it on their page and records the fix with a photo
        UserDetails sectionHead = halls.signIn(head);
        String list = mvc.perform(get("/rectifications").with(user(sectionHead))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(list).contains("二楼窗口区拖地水没有按比例配84消毒液").contains("待整改");
        mvc.perform(multipart("/rectifications/{id}/fix", r.id()).file(new MockMultipartFile("photo", "after.png", "image/png", PNG))
                .with(user(sectionHead)).with(csrf()).param("note", "已按1:100重新配比，专人复核")).andExpect(status().is3xxRedirection());
        assertThat(rectifications.get(hall.siteId(), r.id(), headOf(windows)).state()).isEqualTo(Rectification.FIXED);
        assertThat(rectifications.get(hall.siteId(), r.id(), headOf(windows)).fixPhotoId()).isNotNull();

        // the inspector re-checks: not good enough, back to the owner; fixed again; passed and closed
        mvc.perform(post("/rectifications/{id}/check", r.id()).with(user(leader)).with(csrf()).param("passed", "false")
                .param("note", "浓度试纸显示不够")).andExpect(status().is3xxRedirection());
        Rectifications.Rect back = rectifications.get(hall.siteId(), r.id(), headOf(windows));
        assertThat(back.state()).isEqualTo(Rectification.OPEN);
        assertThat(back.sentBack()).isEqualTo(1);
        halls.signIn(head);
        rectifications.fix(hall.siteId(), r.id(), headOf(windows), new FixForm("重新配比，试纸达到500mg/L"), null, null);
        halls.signIn(hall.leader());
        rectifications.check(hall.siteId(), r.id(), new CheckForm(true, "复查合格", null));
        Rectifications.Rect closed = rectifications.get(hall.siteId(), r.id(), headOf(windows));
        assertThat(closed.state()).isEqualTo(Rectification.CLOSED);
        assertThat(closed.closedAt()).isNotNull();
        String page = mvc.perform(get("/rectifications/{id}", r.id()).with(user(sectionHead))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("已销号").contains("复查合格").doesNotContain("id=\"fix\"");
        assertThatThrownBy(() -> rectifications.check(hall.siteId(), r.id(), new CheckForm(false, "", null)))
                .as("nothing follows the closing").isInstanceOf(InvalidInputException.class);
    }

    @Test
    void r16_5_aSectionHeadCannotSeeAPlannedInspectionUntilItIsCarriedOut() throws Exception {
        long id = plan("R-MON");
        UserDetails sectionHead = halls.signIn(head);
        mvc.perform(get("/inspections/{id}", id).with(user(sectionHead))).andExpect(status().isNotFound());
        assertThat(mvc.perform(get("/inspections").with(user(sectionHead))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString()).doesNotContain("节前督查");
        assertThat(mvc.perform(get("/inspections/ledger").param("noprint", "1").with(user(sectionHead))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString()).doesNotContain("节前督查");
        mvc.perform(get("/inspections/{id}/items/{item}", id, first(id, "R-MON").id()).with(user(sectionHead)))
                .andExpect(status().isForbidden());
        UserDetails staffMember = accounts.signedIn(Role.STAFF);
        mvc.perform(get("/inspections").with(user(staffMember))).andExpect(status().isForbidden());

        UserDetails office = halls.signIn(hall.officeDirector());
        assertThat(mvc.perform(get("/inspections").with(user(office))).andReturn().getResponse().getContentAsString())
                .contains("节前督查").contains("已安排，未实施");

        halls.signIn(hall.leader());
        inspections.carryOut(hall.siteId(), id);
        mvc.perform(get("/inspections/{id}", id).with(user(sectionHead))).andExpect(status().isOk());
    }

    @Test
    void r16_5_aSectionHeadSeesAndFixesOnlyTheirOwnSectionsRectifications() throws Exception {
        long id = plan("R-PPE");
        halls.signIn(hall.leader());
        inspections.record(hall.siteId(), id, first(id, "R-PPE").id(),
                new ItemForm(Result.FINDING, "3号窗口人员未戴口罩", "3号窗口", windows, LocalDate.now(clock)), null, null);
        inspections.carryOut(hall.siteId(), id);
        long r = rectifications.list(hall.siteId(), new Viewer(true, false, null), false).get(0).id();

        UserDetails other = halls.signIn(otherHead);
        assertThat(mvc.perform(get("/rectifications").with(user(other))).andReturn().getResponse().getContentAsString())
                .doesNotContain("3号窗口人员未戴口罩");
        mvc.perform(get("/rectifications/{id}", r).with(user(other))).andExpect(status().isNotFound());
        mvc.perform(post("/rectifications/{id}/fix", r).with(user(other)).with(csrf()).param("note", "代为整改"))
                .andExpect(status().isNotFound());
        mvc.perform(post("/rectifications/{id}/check", r).with(user(other)).with(csrf()).param("passed", "true"))
                .andExpect(status().isForbidden());
        assertThat(rectifications.get(hall.siteId(), r, headOf(windows)).state()).isEqualTo(Rectification.OPEN);

        UserDetails owner = halls.signIn(head);
        assertThat(mvc.perform(get("/rectifications/{id}", r).with(user(owner))).andReturn().getResponse().getContentAsString())
                .contains("id=\"fix\"").doesNotContain("id=\"check\"");
        // another hall's id answers 404
        TestHall.Hall elsewhere = halls.create();
        assertThatThrownBy(() -> rectifications.get(elsewhere.siteId(), r, new Viewer(true, true, null)))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void r16_5_anOverdueRectificationRaisesOneIncidentOnceHoweverOftenTheJobRuns() {
        long id = plan("R-CAN");
        halls.signIn(hall.leader());
        inspections.record(hall.siteId(), id, first(id, "R-CAN").id(),
                new ItemForm(Result.FINDING, "进货查验台账缺三天", "食堂", windows, LocalDate.now(clock).plusDays(1)), null, null);
        inspections.carryOut(hall.siteId(), id);
        SecurityContextHolder.clearContext();

        deadlines.raiseOverdue();
        assertThat(incidents.list(hall.siteId(), null, 50)).as("not before the deadline's day is over")
                .noneMatch(i -> i.source().equals(RectificationDeadlines.SOURCE));

        clock.advance(Duration.ofDays(2).plusHours(1));
        deadlines.raiseOverdue();
        deadlines.raiseOverdue();
        List<Incidents.Incident> raised = incidents.list(hall.siteId(), null, 50).stream()
                .filter(i -> i.source().equals(RectificationDeadlines.SOURCE)).toList();
        assertThat(raised).hasSize(1);
        assertThat(raised.get(0).title()).contains("整改超期").contains("窗口管理科").contains("进货查验");
        Rectifications.Rect r = rectifications.list(hall.siteId(), headOf(windows), true).get(0);
        assertThat(r.overdue()).isTrue();
        assertThat(r.incidentId()).isEqualTo(raised.get(0).id());
    }

    @Test
    void rReq3_theOverviewTilesAndTheMatrixCountOpenAndOverdueRectificationsPerOwnerSection() {
        LocalDate today = LocalDate.now(clock);
        long id = plan("R-DIS");
        halls.signIn(hall.leader());
        List<Inspections.Item> items = inspections.get(hall.siteId(), id, true).items();
        inspections.record(hall.siteId(), id, items.get(0).id(), new ItemForm(Result.FINDING, "一楼卫生间未消毒", "", windows, today), null, null);
        inspections.record(hall.siteId(), id, items.get(1).id(), new ItemForm(Result.FINDING, "配比不对", "", windows, today.plusDays(5)), null, null);
        inspections.record(hall.siteId(), id, items.get(2).id(), new ItemForm(Result.FINDING, "垃圾未清", "", hall.sectionId(), today.plusDays(5)), null, null);
        inspections.record(hall.siteId(), id, items.get(3).id(), new ItemForm(Result.PASS, "", "", null, null), null, null);
        inspections.carryOut(hall.siteId(), id);
        long mop = rectifications.list(hall.siteId(), headOf(windows), false).stream().filter(r -> r.finding().equals("配比不对"))
                .findFirst().orElseThrow().id();
        halls.signIn(head);
        rectifications.fix(hall.siteId(), mop, headOf(windows), new FixForm("已重新配比"), null, null);

        assertThat(figures.figures(hall.siteId(), today)).extracting(HallFigures.Figure::key, HallFigures.Figure::value)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(RectificationFigures.OPEN, 3L),
                        org.assertj.core.groups.Tuple.tuple(RectificationFigures.OVERDUE, 0L));
        assertThat(measure.statuses(hall.siteId(), today)).containsEntry(windows, new MeasureStatus(1, 1, 0))
                .containsEntry(hall.sectionId(), new MeasureStatus(0, 1, 0));

        LocalDate tomorrow = today.plusDays(1);
        clock.advance(Duration.ofDays(1));
        List<HallFigures.Figure> next = figures.figures(hall.siteId(), tomorrow);
        assertThat(next.get(1).value()).as("the toilet's deadline was yesterday").isEqualTo(1);
        assertThat(next.get(1).level()).isEqualTo(HallFigures.Level.ALERT);
        assertThat(measure.statuses(hall.siteId(), tomorrow)).containsEntry(windows, new MeasureStatus(1, 0, 1));
        assertThat(figures.trend(hall.siteId(), today.minusDays(1), tomorrow))
                .containsEntry(RectificationFigures.OPEN, List.of(0L, 3L, 3L))
                .containsEntry(RectificationFigures.OVERDUE, List.of(0L, 0L, 1L));
    }

    @Test
    void r16_5_aFindingNeedsItsWordsSectionAndDeadlineAndAPhotoMustBeAPicture() throws Exception {
        long id = plan("R-SVC");
        long item = first(id, "R-SVC").id();
        UserDetails leader = halls.signIn(hall.leader());
        String html = mvc.perform(post("/inspections/{id}/items/{item}", id, item).with(user(leader)).with(csrf())
                        .param("result", "FINDING").param("place", "咨询台").param("dueOn", "")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(html).contains("有问题时请写清楚是什么问题").contains("有问题时请选责任科室").contains("请选整改期限")
                .contains("value=\"咨询台\"");
        String svg = mvc.perform(multipart("/inspections/{id}/items/{item}", id, item)
                        .file(new MockMultipartFile("photo", "x.svg", "image/svg+xml", "<svg xmlns='http://www.w3.org/2000/svg'/>".getBytes()))
                        .with(user(leader)).with(csrf()).param("result", "PASS")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(svg).contains("只能上传照片");
        assertThat(jdbc.sql("SELECT count(result) FROM inspection_items WHERE site_id = :site").param("site", hall.siteId())
                .query(Integer.class).single()).isZero();
    }

    @Test
    void r16_5_r20_4_theLedgerPrintsAndExportsEveryItemWithItsFindingAndRectificationLikePaper() throws Exception {
        long id = plan("R-SCR");
        halls.signIn(hall.leader());
        inspections.record(hall.siteId(), id, first(id, "R-SCR").id(),
                new ItemForm(Result.FINDING, "入口无人值守十分钟", "一楼入口", windows, LocalDate.now(clock).plusDays(1)), null, null);
        inspections.carryOut(hall.siteId(), id);
        UserDetails office = halls.signIn(hall.officeDirector());
        String print = mvc.perform(get("/inspections/ledger").param("noprint", "1").with(user(office))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(print).contains("督查台账").contains("入口无人值守十分钟").contains("窗口管理科").contains("待整改").contains("未检查")
                .contains("导出人：测试OFFICE").contains("测试LEADER ").contains("负责人签字").contains("/css/ledger-print.css");

        byte[] xlsx = mvc.perform(get("/inspections/ledger/export.xlsx").with(user(office))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            StringBuilder all = new StringBuilder();
            book.forEach(sheet -> sheet.forEach(row -> row.forEach(cell -> all.append(cell).append('|'))));
            assertThat(all).contains("节前督查|已实施|把好第一道关口（入口检测）|大厅一楼进门处有专人值守，测温、查口罩|有问题|入口无人值守十分钟|一楼入口|窗口管理科")
                    .contains("待整改").contains("负责人签字");
            // r20_4: like paper; the planned day a date cell; who recorded the finding by name
            var sheet = book.getSheetAt(0);
            org.hallsafe.platform.PaperLedgers.assertLikePaper(sheet, "测试大厅", sheet.getSheetName(), "测试OFFICE");
            org.hallsafe.platform.PaperLedgers.assertDates(sheet, 0);
            assertThat(org.hallsafe.platform.PaperLedgers.texts(sheet, 11)).anyMatch(t -> t.startsWith("测试LEADER "))
                    .noneMatch(t -> t.startsWith(hall.leader()));
        }
    }
}
