package org.hallsafe.hygiene;

import java.io.ByteArrayInputStream;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.hallsafe.HallSafeTest;
import org.hallsafe.MutableClock;
import org.hallsafe.TestAccounts;
import org.hallsafe.TestHall;
import org.hallsafe.hygiene.HygieneForms.DisinfectionForm;
import org.hallsafe.hygiene.HygieneForms.Method;
import org.hallsafe.hygiene.HygieneForms.ZoneForm;
import org.hallsafe.hygiene.HygieneForms.ZoneType;
import org.hallsafe.organization.RecordTimes;
import org.hallsafe.platform.InvalidInputException;
import org.hallsafe.platform.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Issue 16, item 6 (R-REQ-3): the issue found that any staff account could back-date a disinfection by days, looking
 * ordinary and clearing that day's blind spot. Now a moment beyond the hall's window is a back-fill: refused without
 * a reason or the permission, and when allowed stored as one and marked on the pages, in the export and on the
 * blind spot it would have cleared.
 */
@HallSafeTest
class Issue16BackfilledDisinfectionTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Autowired Hygiene hygiene;
    @Autowired Coverage coverage;
    @Autowired BlindSpots blindSpots;
    @Autowired RecordTimes recordTimes;
    @Autowired TestHall halls;
    @Autowired TestAccounts accounts;
    @Autowired MutableClock clock;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;

    private TestHall.Hall hall;
    private LocalDate monday;
    private long zone;

    @BeforeEach
    void setUp() {
        monday = LocalDate.now(clock).plusWeeks(5).with(DayOfWeek.MONDAY);
        clock.set(monday.atTime(9, 0).atZone(ZONE).toInstant());
        hall = halls.create();
        halls.signIn(hall.admin());
        zone = hygiene.saveZone(hall.siteId(), null, new ZoneForm("二楼等候区", ZoneType.WAITING, hall.sectionId(),
                List.of(Method.MOP_84), 500, 240, null));
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private DisinfectionForm at(LocalDateTime doneAt, String reason) {
        return new DisinfectionForm(UUID.randomUUID(), zone, Method.MOP_84, 500, "陈保洁", doneAt, reason);
    }

    private long stored() {
        return jdbc.sql("SELECT count(*) FROM disinfections WHERE site_id = :site").param("site", hall.siteId())
                .query(Long.class).single();
    }

    @Test
    void r16_6_rReq3_aStaffAccountCannotBackDateADisinfectionByDays() {
        clock.set(monday.plusDays(2).atTime(10, 0).atZone(ZONE).toInstant());
        halls.signIn(accounts.create(Role.STAFF, hall.siteId()));
        LocalDateTime mondayMorning = monday.atTime(10, 0);
        assertThatThrownBy(() -> hygiene.disinfect(hall.siteId(), at(mondayMorning, null), null, null))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).problems())
                        .containsEntry("backfillReason", "record.backfill.reason"));
        assertThatThrownBy(() -> hygiene.disinfect(hall.siteId(), at(mondayMorning, "忘记登记"), null, null))
                .satisfies(e -> assertThat(((InvalidInputException) e).problems())
                        .containsEntry("doneAt", "record.backfill.permission"));
        assertThat(stored()).as("nothing stored").isZero();

        halls.signIn(hall.officeDirector());
        assertThatThrownBy(() -> hygiene.disinfect(hall.siteId(), at(monday.plusDays(2).atTime(11, 0), "提前"), null, null))
                .as("a moment in the future").satisfies(e -> assertThat(((InvalidInputException) e).problems())
                        .containsEntry("doneAt", "record.time.future"));
        assertThat(stored()).isZero();
    }

    @Test
    void r16_6_rReq3_withinTheWindowTheMomentIsKeptAsAnOrdinaryRecord() {
        clock.set(monday.atTime(10, 0).atZone(ZONE).toInstant());
        halls.signIn(accounts.create(Role.STAFF, hall.siteId()));
        hygiene.disinfect(hall.siteId(), at(monday.atTime(9, 40), null), null, null);
        Hygiene.Done done = coverage.now(hall.siteId()).get(0).today().get(0);
        assertThat(done.at()).isEqualTo(monday.atTime(9, 40).atZone(ZONE).toInstant());
        assertThat(done.backfilled()).isFalse();

        halls.signIn(hall.admin());
        recordTimes.saveWindow(hall.siteId(), 120);
        halls.signIn(accounts.create(Role.STAFF, hall.siteId()));
        hygiene.disinfect(hall.siteId(), at(monday.atTime(8, 30), null), null, null);
        assertThat(coverage.now(hall.siteId()).get(0).today()).as("the hall set two hours")
                .extracting(Hygiene.Done::backfilled).containsExactly(false, false);
    }

    @Test
    void r16_6_rReq3_anAllowedBackfillIsMarkedInTheListTheExportAndOnTheBlindSpotItDoesNotSilentlyClear() throws Exception {
        clock.set(monday.plusDays(1).atTime(9, 0).atZone(ZONE).toInstant());
        halls.signIn(hall.officeDirector());
        hygiene.disinfect(hall.siteId(), at(monday.atTime(16, 0), "保洁员纸质记录，次日补录"), null, null);

        Hygiene.Done done = coverage.on(hall.siteId(), monday, clock.instant()).get(0).today().get(0);
        assertThat(done.backfilled()).isTrue();
        assertThat(done.backfillReason()).isEqualTo("保洁员纸质记录，次日补录");

        assertThat(blindSpots.flag(hall.siteId(), monday)).as("the back-fill does not clear Monday's blind spot").isEqualTo(1);
        assertThat(coverage.flags(hall.siteId(), 5)).singleElement().satisfies(f -> {
            assertThat(f.zone()).isEqualTo("二楼等候区");
            assertThat(f.backfilled()).as("marked: covered by a back-fill only").isTrue();
        });

        UserDetails leader = halls.signIn(hall.leader());
        String coveragePage = mvc.perform(get("/hygiene/coverage").with(user(leader))).andReturn().getResponse()
                .getContentAsString();
        assertThat(coveragePage).contains("当天只有补录的消毒记录");
        String report = mvc.perform(get("/hygiene/report").param("day", monday.toString()).with(user(leader)))
                .andReturn().getResponse().getContentAsString();
        assertThat(report).contains("backfilled").contains("补录：保洁员纸质记录，次日补录");
        byte[] xlsx = mvc.perform(get("/hygiene/report/export.xlsx").param("day", monday.toString()).with(user(leader)))
                .andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            String all = org.hallsafe.platform.PaperLedgers.shown(workbook.getSheetAt(0));
            assertThat(all).contains(" 16:00|84消毒液拖地|500 mg/L|陈保洁|补录：保洁员纸质记录，次日补录");
        }
    }

    @Test
    void r16_6_rReq3_thePageKeepsWhatWasTypedAndSaysWhyBesideTheReason() throws Exception {
        clock.set(monday.plusDays(1).atTime(9, 0).atZone(ZONE).toInstant());
        UserDetails cleaner = halls.signIn(accounts.create(Role.STAFF, hall.siteId()));
        String page = mvc.perform(post("/hygiene/disinfections").with(user(cleaner)).with(csrf())
                .param("submissionId", UUID.randomUUID().toString()).param("zoneId", String.valueOf(zone))
                .param("method", "MOP_84").param("concentration", "500").param("doneBy", "陈保洁")
                .param("doneAt", monday.atTime(16, 0).toString())).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("超过规定时限的补录，请写明原因").contains("陈保洁");
        assertThat(stored()).isZero();
    }
}
