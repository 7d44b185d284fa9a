package org.hallsafe.organization;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.hallsafe.HallSafeTest;
import org.hallsafe.MutableClock;
import org.hallsafe.TestHall;
import org.hallsafe.organization.MeasureStatusProvider.MeasureStatus;
import org.hallsafe.platform.ActivityLog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/** Issue 16 item 2 (R-ORG-2): every measure has figures, per section and window, each cell opening its records. */
@HallSafeTest
class MatrixTest {

    @Autowired Measures measures;
    @Autowired Directory directory;
    @Autowired StaffDirectory staff;
    @Autowired TestHall halls;
    @Autowired MockMvc mvc;
    @Autowired MutableClock clock;
    @Autowired JdbcClient jdbc;
    @Autowired ActivityLog activity;
    @Autowired ObjectProvider<MeasureStatusProvider> providers;

    private TestHall.Hall hall;
    private long personnel;
    private long staffed;
    private long empty;

    @BeforeEach
    void setUp() {
        hall = halls.create();
        halls.signIn(hall.admin());
        // named by the plan: owns R-SCR and R-CAN as soon as it is added
        personnel = directory.saveDepartment(hall.siteId(), null,
                new Forms.DepartmentForm(DepartmentKind.SECTION, "人事（财务）科", "", ""));
        staffed = directory.saveWindow(hall.siteId(), null, new Forms.WindowForm(1, "社保", "一楼", personnel));
        empty = directory.saveWindow(hall.siteId(), null, new Forms.WindowForm(2, "医保", "一楼", personnel));
        staff.save(hall.siteId(), null, new Forms.StaffForm("孙窗口", "W" + System.nanoTime() % 100000, personnel, staffed,
                "窗口人员", "139" + String.format("%08d", System.nanoTime() % 100000000), "", ""));
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private Measures.Matrix matrix(LocalDate day) {
        return measures.matrix(hall.siteId(), directory.departments(hall.siteId(), DepartmentKind.SECTION, "", false),
                directory.windows(hall.siteId(), "", false), day);
    }

    private static Measures.MeasureLine row(Measures.Matrix matrix, PlanMeasure measure) {
        return matrix.rows().stream().filter(r -> r.measure() == measure).findFirst().orElseThrow();
    }

    private static Measures.Cell cell(Measures.Matrix matrix, PlanMeasure measure, long section) {
        return row(matrix, measure).cells().get(matrix.sections().stream().map(Views.DepartmentView::id).toList().indexOf(section));
    }

    private static Measures.Cell windowCell(Measures.Matrix matrix, PlanMeasure measure, long window) {
        return row(matrix, measure).windowCells().get(matrix.windows().stream().map(Views.WindowView::id).toList().indexOf(window));
    }

    private String page(String path) throws Exception {
        return mvc.perform(get(path).with(user(halls.signIn(hall.admin())))).andReturn().getResponse().getContentAsString();
    }

    @Test
    void r16_2_everyMeasureOfThePlanHasAModuleReportingItsFigures() {
        var reported = providers.orderedStream().map(MeasureStatusProvider::measureCode).distinct().toList();
        // R-REQ comes from the section reports (A3) and the rectifications (A4), merged by the integrator
        assertThat(reported).contains("R-ORG", "R-SCR", "R-MON", "R-PPE", "R-DIS", "R-CAN", "R-SVC");

        Measures.Matrix today = matrix(LocalDate.now(clock));
        assertThat(cell(today, PlanMeasure.R_ORG, hall.sectionId()).status()).as("the office owns R-ORG by the plan")
                .contains(new MeasureStatus(4, 0, 1)); // one window staffed, one not; the leadership group complete (3)
        assertThat(cell(today, PlanMeasure.R_SCR, personnel).status()).as("the gate's figures for its owner").isPresent();
        assertThat(cell(today, PlanMeasure.R_MON, hall.sectionId()).status()).isPresent();
        assertThat(cell(today, PlanMeasure.R_PPE, hall.sectionId()).status()).isPresent();
        assertThat(cell(today, PlanMeasure.R_CAN, personnel).status()).isPresent();
        assertThat(cell(today, PlanMeasure.R_SCR, personnel).links()).extracting(Measures.Link::href)
                .containsExactly("/screening/ledger?from=" + today.day() + "&to=" + today.day());
    }

    @Test
    void rOrg2_eachWindowIsAColumnAndAWindowWithoutStaffIsOverdue() throws Exception {
        Measures.Matrix today = matrix(LocalDate.now(clock));

        assertThat(windowCell(today, PlanMeasure.R_ORG, staffed).status()).contains(new MeasureStatus(1, 0, 0));
        assertThat(windowCell(today, PlanMeasure.R_ORG, empty).status()).contains(new MeasureStatus(0, 0, 1));
        assertThat(windowCell(today, PlanMeasure.R_MON, staffed).status()).as("the window's staff's checks").isPresent();
        assertThat(windowCell(today, PlanMeasure.R_MON, empty).status()).isEmpty();

        String link = windowCell(today, PlanMeasure.R_ORG, staffed).links().get(0).href();
        String html = page(link);
        assertThat(html).contains("孙窗口").doesNotContain("张建国").as("only the window's staff");
        assertThat(page(windowCell(today, PlanMeasure.R_ORG, empty).links().get(0).href())).doesNotContain("孙窗口");
    }

    @Test
    void r16_2_aCellAddsUpEveryModuleReportingTheMeasureAndLinksEachOnesRecords() {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("reports", provider("R-REQ", hall.sectionId(), new MeasureStatus(2, 1, 0), "/feedback?section="));
        beans.addBean("fixes", provider("R-REQ", hall.sectionId(), new MeasureStatus(0, 0, 3), "/rectifications?section="));
        Measures two = new Measures(jdbc, clock, activity, beans.getBeanProvider(MeasureStatusProvider.class),
                beans.getBeanProvider(SectionFlags.class));
        LocalDate day = LocalDate.now(clock).minusDays(3);

        Measures.Matrix matrix = two.matrix(hall.siteId(), directory.departments(hall.siteId(), DepartmentKind.SECTION, "", false),
                List.of(), day);

        Measures.Cell cell = cell(matrix, PlanMeasure.R_REQ, hall.sectionId());
        assertThat(cell.status()).contains(new MeasureStatus(2, 1, 3));
        assertThat(cell.links()).extracting(Measures.Link::href).containsExactlyInAnyOrder(
                "/feedback?section=" + hall.sectionId() + "&day=" + day, "/rectifications?section=" + hall.sectionId() + "&day=" + day);
        assertThat(cell(matrix, PlanMeasure.R_DIS, hall.sectionId()).status()).as("no module reports it here").isEmpty();
    }

    private static MeasureStatusProvider provider(String code, long section, MeasureStatus status, String link) {
        return new MeasureStatusProvider() {
            @Override
            public String measureCode() {
                return code;
            }

            @Override
            public Map<Long, MeasureStatus> statuses(long siteId, LocalDate day) {
                return Map.of(section, status);
            }

            @Override
            public String sectionLink(long siteId, long sectionId, LocalDate day) {
                return link + sectionId + "&day=" + day;
            }
        };
    }

    @Test
    void r16_2_theDayPickerShowsAPastDayAndADayToComeShowsToday() throws Exception {
        LocalDate today = LocalDate.now(clock);
        LocalDate past = today.minusDays(5);

        String html = page("/org/measures?day=" + past);
        assertThat(html).contains("value=\"" + past + "\"").contains("往日")
                .contains("/screening/ledger?from=" + past + "&amp;to=" + past);
        assertThat(page("/org/measures?day=" + today.plusDays(2))).contains("value=\"" + today + "\"")
                .doesNotContain("往日");
        assertThat(mvc.perform(get("/org/measures?day=yesterday").with(user(halls.signIn(hall.admin()))))
                .andReturn().getResponse().getStatus()).isBetween(400, 499);
    }

    @Test
    void r16_2_theFormalismFlagsOfEachSectionShowOnTheMatrixWithTheirRecords() throws Exception {
        LocalDate day = LocalDate.now(clock).minusDays(1);
        TestSectionFlags.put(hall.siteId(), day, List.of(
                new SectionFlags.Flag("measure.flags", personnel, "8", "/staffhealth?dept=" + personnel + "&day=" + day),
                new SectionFlags.Flag("measure.flags", null, "3", "/screening/ledger?from=" + day + "&to=" + day)));

        Measures.Matrix matrix = matrix(day);
        assertThat(matrix.flags().get(personnel)).extracting(SectionFlags.Flag::detail).containsExactly("8");
        assertThat(matrix.flags().get(hall.sectionId())).isNull();

        String html = page("/org/measures?day=" + day);
        String flagsRow = html.substring(html.indexOf("id=\"flags-row\""));
        assertThat(flagsRow).contains("href=\"/staffhealth?dept=" + personnel + "&amp;day=" + day + "\"");
        assertThat(html.substring(html.indexOf("id=\"hall-flags\""))).as("a flag of no section: above the matrix")
                .contains("href=\"/screening/ledger?from=" + day + "&amp;to=" + day + "\"");
        assertThat(page("/org/measures")).doesNotContain("id=\"hall-flags\"");
    }

    @Autowired Leadership leadership;

    @Test
    void r16_2_theOrganisationRowAlsoCountsTheLeadershipGroupBeingCompleteAndOpensIt() throws Exception {
        LocalDate day = LocalDate.now(clock);
        Measures.Cell office = cell(matrix(day), PlanMeasure.R_ORG, hall.sectionId());
        assertThat(office.status()).as("windows 1 staffed 1 not, leader, deputy and office director in place")
                .contains(new MeasureStatus(4, 0, 1));
        assertThat(office.links()).extracting(Measures.Link::key, Measures.Link::href)
                .contains(org.assertj.core.groups.Tuple.tuple("measure.records.leadership", "/org/leadership"));

        long deputy = leadership.members(hall.siteId(), false).stream().filter(m -> m.role() == LeadershipRole.DEPUTY)
                .findFirst().orElseThrow().id();
        leadership.retire(hall.siteId(), deputy);
        assertThat(cell(matrix(day), PlanMeasure.R_ORG, hall.sectionId()).status()).as("no deputy: one place empty")
                .contains(new MeasureStatus(3, 0, 2));
    }

    @Test
    void r16_2_aWindowsServiceCellAddsTheDaysBookingsAndDutyAndOpensBoth() {
        Measures.Cell cell = windowCell(matrix(LocalDate.now(clock)), PlanMeasure.R_SVC, staffed);
        assertThat(cell.status()).as("no booking that day, nobody on the duty roster").contains(new MeasureStatus(0, 0, 1));
        assertThat(cell.links()).extracting(Measures.Link::key).contains("measure.records.duty");
        assertThat(cell.links()).extracting(Measures.Link::href)
                .contains("/duty/roster?from=" + LocalDate.now(clock) + "&day=" + LocalDate.now(clock) + "&window=" + staffed);
    }
}
