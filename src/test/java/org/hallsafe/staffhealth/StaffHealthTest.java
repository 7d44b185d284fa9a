package org.hallsafe.staffhealth;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.hallsafe.HallSafeTest;
import org.hallsafe.MutableClock;
import org.hallsafe.TestHall;
import org.hallsafe.organization.Directory;
import org.hallsafe.organization.Forms;
import org.hallsafe.organization.StaffDirectory;
import org.hallsafe.screening.Gate;
import org.hallsafe.screening.GateDesk;
import org.hallsafe.screening.GateForm;
import org.hallsafe.staffhealth.StaffDay.Kind;
import org.hallsafe.staffhealth.StaffDay.Slot;
import org.hallsafe.staffhealth.StaffDay.Status;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** R-MON-1..3, R-PPE-1..2 with the clock: a whole working day, abnormal readings, reminders, hand hygiene. */
@HallSafeTest
class StaffHealthTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Autowired StaffHealth health;
    @Autowired DayRecords records;
    @Autowired Reminders reminders;
    @Autowired Compliance compliance;
    @Autowired GateDesk gate;
    @Autowired TestHall halls;
    @Autowired MutableClock clock;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;
    @Autowired StaffDirectory staff;
    @Autowired Directory directory;

    private TestHall.Hall hall;
    private long person;
    private LocalDate monday;

    @BeforeEach
    void setUp() {
        monday = LocalDate.now(clock).plusWeeks(1).with(java.time.DayOfWeek.MONDAY);
        at("07:50");
        hall = halls.create();
        halls.signIn(hall.screener());
        person = hall.staffIds().get(4);
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private void at(String time) {
        clock.set(monday.atTime(LocalTime.parse(time)).atZone(ZONE).toInstant());
    }

    private Slot slot(Kind kind, String due) {
        return health.day(hall.siteId(), person).slots().stream()
                .filter(s -> s.kind() == kind && s.dueAt().atZone(ZONE).toLocalTime().equals(LocalTime.parse(due)))
                .findFirst().orElseThrow();
    }

    private void screenAtTheGate() {
        gate.record(hall.siteId(), new GateForm(UUID.randomUUID(), Gate.PersonType.STAFF, person, "", null, "", "",
                Gate.Mask.DISPOSABLE_MEDICAL, new BigDecimal("36.4"), List.of(), true, "", null, null, "", null));
    }

    private StaffHealth.Recorded check(String temperature, Gate.Symptom... symptoms) {
        return health.recordCheck(hall.siteId(), person, new CheckForm(UUID.randomUUID(), new BigDecimal(temperature),
                List.of(symptoms), symptoms.length == 0, ""), true);
    }

    @Test
    void rMon1_rMon2_followsAWholeWorkingDayWithLunchALeaveAndReturnAndTheGate() {
        at("08:20");
        screenAtTheGate();
        await().atMost(Duration.ofSeconds(10)).until(() -> slot(Kind.BEFORE_WORK, "08:30").status() == Status.DONE_ON_TIME);

        at("10:35");
        check("36.5");
        assertThat(slot(Kind.PERIODIC, "10:30").status()).isEqualTo(Status.DONE_ON_TIME);

        at("11:50");
        records.left(hall.siteId(), person);
        assertThat(health.day(hall.siteId(), person).out()).isTrue();
        at("13:00");
        assertThat(health.day(hall.siteId(), person).slots()).as("no check is due over lunch")
                .noneMatch(s -> s.needsAttention() && s.dueAt().atZone(ZONE).toLocalTime().isAfter(LocalTime.of(12, 0)));

        at("14:40");
        screenAtTheGate();
        await().atMost(Duration.ofSeconds(10)).until(() -> health.day(hall.siteId(), person).slots().stream()
                .anyMatch(s -> s.kind() == Kind.RETURN && s.status() == Status.DONE_ON_TIME));
        assertThat(health.day(hall.siteId(), person).out()).isFalse();

        at("15:10");
        assertThat(slot(Kind.PERIODIC, "15:00").status()).isEqualTo(Status.DUE);
        at("15:20");
        assertThat(slot(Kind.PERIODIC, "15:00").status()).isEqualTo(Status.LATE);
        at("16:01");
        assertThat(slot(Kind.PERIODIC, "15:00").status()).isEqualTo(Status.MISSED);

        at("17:05");
        check("36.6");
        at("17:35");
        check("36.4");
        StaffHealth.Day day = health.day(hall.siteId(), person);
        assertThat(slot(Kind.AFTER_WORK, "17:30").status()).isEqualTo(Status.DONE_ON_TIME);
        assertThat(day.count(Status.DONE_ON_TIME)).isEqualTo(5);
        assertThat(day.count(Status.MISSED)).isEqualTo(1);

        var section = compliance.sections(hall.siteId(), monday).stream().filter(s -> s.name().equals("局办公室")).findFirst().orElseThrow();
        assertThat(section.onTime()).isEqualTo(5);
        assertThat(section.missed()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void rMon3_anAbnormalReadingTellsThePersonToLeaveAndReportsToTheLeadershipGroup() {
        at("09:10");
        StaffHealth.Recorded r = check("37.8");
        assertThat(r.abnormal()).isTrue();
        assertThat(health.day(hall.siteId(), person).abnormalToday()).isTrue();
        long incident = jdbc.sql("SELECT id FROM incidents WHERE site_id = :site AND source = 'staffhealth' AND source_id = :id")
                .param("site", hall.siteId()).param("id", String.valueOf(r.id())).query(Long.class).single();
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql("SELECT count(*) FROM notifications WHERE incident_id = :i")
                .param("i", incident).query(Integer.class).single() == 3);
        assertThat(check("36.5", Gate.Symptom.COUGH).abnormal()).as("a symptom alone is abnormal").isTrue();
    }

    @Test
    void rPpe1_remindsWhenACheckFallsDueAndWhenADisposableMaskIsThreeHoursOld() {
        at("09:00");
        records.mask(hall.siteId(), person, "PUT_ON", Gate.Mask.DISPOSABLE_MEDICAL);
        at("10:31");
        reminders.remind();
        reminders.remind();
        assertThat(reminderKeys()).filteredOn(k -> k.startsWith("PERIODIC")).hasSize(1);
        assertThat(reminderKeys()).noneMatch(k -> k.startsWith("MASK"));

        at("11:59");
        reminders.remind();
        assertThat(reminderKeys()).noneMatch(k -> k.startsWith("MASK"));
        at("12:01");
        reminders.remind();
        assertThat(reminderKeys()).filteredOn(k -> k.startsWith("MASK")).hasSize(1);
        assertThat(health.day(hall.siteId(), person).mask()).isEqualTo(StaffHealth.MaskState.CHANGE_DUE);
        at("12:20");
        assertThat(health.day(hall.siteId(), person).mask()).isEqualTo(StaffHealth.MaskState.OVERDUE);
        records.mask(hall.siteId(), person, "PUT_ON", Gate.Mask.DISPOSABLE_MEDICAL);
        assertThat(health.day(hall.siteId(), person).mask()).isEqualTo(StaffHealth.MaskState.WORN);
    }

    private List<String> reminderKeys() {
        return jdbc.sql("SELECT slot_key FROM staffhealth_reminders WHERE site_id = :site AND staff_id = :staff")
                .param("site", hall.siteId()).param("staff", person).query(String.class).list();
    }

    @Test
    void rPpe2_r20_4_showsTheDaysSanitisationRatioPerWindowAndExportsItLikePaper() throws Exception {
        long window = directory.saveWindow(hall.siteId(), null, new Forms.WindowForm(5, "社保", "一楼", hall.sectionId()));
        long clerk = staff.save(hall.siteId(), null, new Forms.StaffForm("吴丽华", "W" + System.nanoTime() % 100000, null,
                window, "窗口工作人员", "13911112222", "", ""));
        at("09:30");
        for (int i = 0; i < 4; i++) {
            records.hand(hall.siteId(), clerk, "SERVICE");
        }
        for (int i = 0; i < 3; i++) {
            records.hand(hall.siteId(), clerk, "SANITISE");
        }
        Compliance.WindowDay day = compliance.windows(hall.siteId(), monday).get(0);
        assertThat(day.window()).isEqualTo("5 社保");
        assertThat(day.services()).isEqualTo(4);
        assertThat(day.ratio()).isEqualTo(0.75);
        assertThat(health.day(hall.siteId(), clerk).group()).isEqualTo(StaffDay.Group.WINDOW);
        UserDetails head = halls.signIn(hall.leader());
        byte[] xlsx = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .get("/staffhealth/compliance/export.xlsx").param("day", monday.toString()).with(user(head)))
                .andReturn().getResponse().getContentAsByteArray();
        try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            assertThat(workbook.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).startsWith("测试大厅")
                    .endsWith(" 健康防护落实情况");
            // r20_4: both ledgers like paper, the counts as numbers
            org.hallsafe.platform.PaperLedgers.assertEverySheetLikePaper(workbook, "测试大厅", "测试LEADER");
            org.hallsafe.platform.PaperLedgers.assertNumbers(workbook.getSheetAt(1), 1);
            StringBuilder under = new StringBuilder();
            workbook.getSheetAt(0).getRow(1).forEach(cell -> under.append(cell).append('|'));
            assertThat(under).as("r13_6: the hall and the day under the title").contains(monday.toString());
            var sheet = workbook.getSheetAt(1);
            boolean found = false;
            for (var row : sheet) {
                if (row.getCell(0) != null && "5 社保".equals(row.getCell(0).toString())) {
                    assertThat(row.getCell(1).getNumericCellValue()).isEqualTo(4.0);
                    assertThat(row.getCell(3).getNumericCellValue()).isEqualTo(0.75);
                    found = true;
                }
            }
            assertThat(found).as("the window's row in the export").isTrue();
        }
        at("08:00");
        clock.advance(java.time.Duration.ofDays(1));
        assertThat(compliance.windows(hall.siteId(), monday)).as("yesterday, asked for by its date").hasSize(1);
        assertThat(compliance.windows(hall.siteId(), monday.plusDays(1))).isEmpty();
    }

    @Test
    void refusesABadReadingBesideTheFieldAndStoresNothing() throws Exception {
        UserDetails me = halls.signIn(hall.screener());
        at("10:00");
        String html = mvc.perform(post("/staffhealth/me/check").with(user(me)).with(csrf())
                        .param("submissionId", UUID.randomUUID().toString()).param("temperature", "45.1")
                        .param("noSymptoms", "true"))
                .andReturn().getResponse().getContentAsString();
        assertThat(html).contains("体温应在34.0到43.0 °C之间").contains("value=\"45.1\"");
        String missing = mvc.perform(post("/staffhealth/me/check").with(user(me)).with(csrf())
                        .param("submissionId", UUID.randomUUID().toString()).param("temperature", "36.5"))
                .andReturn().getResponse().getContentAsString();
        assertThat(missing).contains("请选择“无症状”或勾选症状").contains("value=\"36.5\"");
        assertThat(jdbc.sql("SELECT count(*) FROM staff_checks WHERE site_id = :site").param("site", hall.siteId())
                .query(Integer.class).single()).isZero();
    }

    @Test
    void r13_4_aCheckIsValidatedOnceYetEveryProblemIsNamedEvenWhenTheTemperatureCannotBeRead() throws Exception {
        UserDetails me = halls.signIn(hall.screener());
        at("10:00");
        String html = mvc.perform(post("/staffhealth/me/check").with(user(me)).with(csrf())
                        .param("submissionId", UUID.randomUUID().toString()).param("temperature", "三十六"))
                .andReturn().getResponse().getContentAsString();
        assertThat(html).contains("请选择“无症状”或勾选症状").contains("value=\"三十六\"");
        assertThat(jdbc.sql("SELECT count(*) FROM staff_checks WHERE site_id = :site").param("site", hall.siteId())
                .query(Integer.class).single()).isZero();
    }
}
