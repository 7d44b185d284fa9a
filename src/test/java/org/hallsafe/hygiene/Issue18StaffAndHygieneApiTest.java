package org.hallsafe.hygiene;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.hallsafe.HallSafeTest;
import org.hallsafe.MutableClock;
import org.hallsafe.TestAccounts;
import org.hallsafe.TestHall;
import org.hallsafe.hygiene.HygieneForms.Method;
import org.hallsafe.hygiene.HygieneForms.ZoneForm;
import org.hallsafe.hygiene.HygieneForms.ZoneType;
import org.hallsafe.platform.Role;
import org.hallsafe.staffhealth.StaffHealth;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 18, item 4: staff health checks and disinfections through the JSON API, as a tablet or a phone sends them: the
 * screens' validation (each field's reason in Chinese), the screens' permissions, stored once however often a request
 * is retried, ids of another hall refused without a write, and what was stored is what the screens show for the day.
 */
@HallSafeTest
class Issue18StaffAndHygieneApiTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Autowired MockMvc mvc;
    @Autowired TestHall halls;
    @Autowired TestAccounts accounts;
    @Autowired Hygiene hygiene;
    @Autowired Coverage coverage;
    @Autowired StaffHealth health;
    @Autowired MutableClock clock;
    @Autowired JdbcClient jdbc;

    private TestHall.Hall hall;
    private TestHall.Hall other;
    private LocalDate monday;
    private long waiting;
    private long otherZone;

    @BeforeEach
    void setUp() {
        monday = LocalDate.now(clock).plusWeeks(3).with(DayOfWeek.MONDAY);
        clock.set(monday.atTime(LocalTime.of(10, 0)).atZone(ZONE).toInstant());
        hall = halls.create();
        other = halls.create();
        halls.signIn(hall.admin());
        waiting = hygiene.saveZone(hall.siteId(), null, new ZoneForm("一楼等候区", ZoneType.WAITING, hall.sectionId(),
                List.of(Method.MOP_84, Method.SPRAY), 500, 240, null));
        halls.signIn(other.admin());
        otherZone = hygiene.saveZone(other.siteId(), null, new ZoneForm("二楼办事区", ZoneType.WINDOWS, other.sectionId(),
                List.of(Method.WIPE), null, 240, null));
        SecurityContextHolder.clearContext();
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String username, String body) {
        return request.with(httpBasic(username, TestAccounts.PASSWORD)).header("Accept-Language", "zh-CN")
                .contentType(MediaType.APPLICATION_JSON).content(body);
    }

    private int checksOf(long siteId) {
        return jdbc.sql("SELECT count(*) FROM staff_checks WHERE site_id = :site").param("site", siteId)
                .query(Integer.class).single();
    }

    private int disinfectionsOf(long siteId) {
        return jdbc.sql("SELECT count(*) FROM disinfections WHERE site_id = :site").param("site", siteId)
                .query(Integer.class).single();
    }

    private static String check(UUID submission, String temperature) {
        return """
                {"submissionId":"%s","temperature":%s,"symptoms":[],"noSymptoms":true}""".formatted(submission, temperature);
    }

    private static String disinfection(UUID submission, long zone, String method, Integer concentration) {
        return """
                {"submissionId":"%s","zoneId":%d,"method":"%s","concentration":%s,"doneBy":"保洁员刘芳"}"""
                .formatted(submission, zone, method, concentration);
    }

    // ---- staff health checks

    @Test
    void aCheckForAStaffMemberIsStoredOnceAndTheBoardShowsItsReading() throws Exception {
        String head = accounts.create(Role.SECTION_HEAD, hall.siteId());
        long zhou = hall.staffIds().get(4);
        String body = check(UUID.randomUUID(), "36.4");

        String first = mvc.perform(json(post("/api/v1/staff-health/checks").param("staffId", String.valueOf(zhou)), head, body))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.abnormal").value(false))
                .andReturn().getResponse().getContentAsString();
        String retried = mvc.perform(json(post("/api/v1/staff-health/checks").param("staffId", String.valueOf(zhou)), head, body))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();

        assertThat(retried).as("a retry answers the first result").isEqualTo(first);
        assertThat(checksOf(hall.siteId())).as("stored once").isEqualTo(1);
        // the board's readings of the day show it
        assertThat(health.readings(hall.siteId(), monday)).containsEntry(zhou, "36.4");
        mvc.perform(get("/api/v1/staff-health/checks").with(httpBasic(head, TestAccounts.PASSWORD)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].staffId").value(zhou)).andExpect(jsonPath("$[0].staffName").value("周明"))
                .andExpect(jsonPath("$[0].source").value("OTHER"));
    }

    @Test
    void aFeverReadingIsRecordedAsAbnormalAndReported() throws Exception {
        long zhou = hall.staffIds().get(4);
        mvc.perform(json(post("/api/v1/staff-health/checks").param("staffId", String.valueOf(zhou)), hall.screener(),
                        check(UUID.randomUUID(), "38.2")))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.abnormal").value(true));
        assertThat(jdbc.sql("SELECT count(*) FROM incidents WHERE site_id = :site").param("site", hall.siteId())
                .query(Integer.class).single()).as("reported to the leadership group").isEqualTo(1);
    }

    @Test
    void aStaffMemberRecordsTheirOwnCheck() throws Exception {
        // the screener's account belongs to 赵志强 (staff 3)
        mvc.perform(json(post("/api/v1/staff-health/me/checks"), hall.screener(), check(UUID.randomUUID(), "36.6")))
                .andExpect(status().isCreated());
        assertThat(health.readings(hall.siteId(), monday)).containsEntry(hall.staffIds().get(3), "36.6");
        assertThat(jdbc.sql("SELECT source FROM staff_checks WHERE site_id = :site").param("site", hall.siteId())
                .query(String.class).single()).isEqualTo("SELF");
    }

    @Test
    void aBadCheckIsRefusedFieldByFieldInChineseAndNothingIsStored() throws Exception {
        long zhou = hall.staffIds().get(4);
        mvc.perform(json(post("/api/v1/staff-health/checks").param("staffId", String.valueOf(zhou)), hall.screener(),
                        check(UUID.randomUUID(), "45.1")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.temperature").value("体温应在34.0到43.0 °C之间，保留一位小数"));
        mvc.perform(json(post("/api/v1/staff-health/checks").param("staffId", String.valueOf(zhou)), hall.screener(),
                        """
                        {"temperature":36.5,"noSymptoms":true}"""))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.submissionId").value("此项必填"));
        mvc.perform(json(post("/api/v1/staff-health/checks").param("staffId", String.valueOf(zhou)), hall.screener(),
                        """
                        {"submissionId":"%s","temperature":"热","noSymptoms":true}""".formatted(UUID.randomUUID())))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.temperature").exists());
        assertThat(checksOf(hall.siteId())).isZero();
    }

    @Test
    void anotherHallsStaffMemberIsNotFoundAndNothingIsWritten() throws Exception {
        long stranger = other.staffIds().get(4);
        mvc.perform(json(post("/api/v1/staff-health/checks").param("staffId", String.valueOf(stranger)), hall.screener(),
                        check(UUID.randomUUID(), "36.4")))
                .andExpect(status().isNotFound());
        assertThat(checksOf(hall.siteId())).isZero();
        assertThat(checksOf(other.siteId())).isZero();
    }

    @Test
    void aRoleThatMayNotRecordForOthersIsForbidden() throws Exception {
        String window = accounts.create(Role.WINDOW, hall.siteId());
        mvc.perform(json(post("/api/v1/staff-health/checks").param("staffId", String.valueOf(hall.staffIds().get(4))),
                        window, check(UUID.randomUUID(), "36.4")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/staff-health/checks").with(httpBasic(hall.screener(), TestAccounts.PASSWORD)))
                .andExpect(status().isForbidden());
        assertThat(checksOf(hall.siteId())).isZero();
    }

    // ---- disinfections

    @Test
    void aDisinfectionIsStoredOnceAndTheZoneShowsItToday() throws Exception {
        String cleaner = accounts.create(Role.CLEANER, hall.siteId());
        String body = disinfection(UUID.randomUUID(), waiting, "MOP_84", 500);

        String first = mvc.perform(json(post("/api/v1/hygiene/disinfections"), cleaner, body))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.zoneName").value("一楼等候区"))
                .andExpect(jsonPath("$.method").value("MOP_84")).andExpect(jsonPath("$.concentration").value(500))
                .andReturn().getResponse().getContentAsString();
        String retried = mvc.perform(json(post("/api/v1/hygiene/disinfections"), cleaner, body))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();

        assertThat(retried).isEqualTo(first);
        assertThat(disinfectionsOf(hall.siteId())).isEqualTo(1);
        // the due screen's zone: disinfected just now, no longer due, one entry in today's timeline by the cleaner
        Hygiene.ZoneNow zone = coverage.now(hall.siteId()).stream().filter(z -> z.zone().id() == waiting).findFirst()
                .orElseThrow();
        assertThat(zone.state()).isEqualTo(Hygiene.State.OK);
        assertThat(zone.today()).singleElement().satisfies(d -> {
            assertThat(d.method()).isEqualTo(Method.MOP_84);
            assertThat(d.concentration()).isEqualTo(500);
            assertThat(d.doneBy()).isEqualTo("保洁员刘芳");
        });
        mvc.perform(get("/api/v1/hygiene/disinfections").param("day", monday.toString())
                        .with(httpBasic(hall.officeDirector(), TestAccounts.PASSWORD)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].zoneId").value(waiting)).andExpect(jsonPath("$[0].doneBy").value("保洁员刘芳"));
    }

    @Test
    void aResentDisinfectionGetsTheStoredOneAfterItsTimeWouldBeRefused_andARetiredZoneStaysInTheDay() throws Exception {
        String cleaner = accounts.create(Role.CLEANER, hall.siteId());
        String body = """
                {"submissionId":"%s","zoneId":%d,"method":"SPRAY","doneAt":"%sT09:55:00","doneBy":"保洁员刘芳"}"""
                .formatted(UUID.randomUUID(), waiting, monday);
        String first = mvc.perform(json(post("/api/v1/hygiene/disinfections"), cleaner, body))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();

        // the phone was offline for a day: 09:55 yesterday would now be a back-fill needing a reason, yet it was stored
        clock.set(monday.plusDays(1).atTime(LocalTime.of(10, 0)).atZone(ZONE).toInstant());
        String resent = mvc.perform(json(post("/api/v1/hygiene/disinfections"), cleaner, body))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        assertThat(resent).isEqualTo(first);
        assertThat(disinfectionsOf(hall.siteId())).isEqualTo(1);

        halls.signIn(hall.admin());
        hygiene.retireZone(hall.siteId(), waiting);
        SecurityContextHolder.clearContext();
        mvc.perform(get("/api/v1/hygiene/disinfections").param("day", monday.toString())
                        .with(httpBasic(hall.officeDirector(), TestAccounts.PASSWORD)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].zoneName").value("一楼等候区"));
    }

    @Test
    void aBadDisinfectionIsRefusedFieldByFieldInChineseAndNothingIsStored() throws Exception {
        String cleaner = accounts.create(Role.CLEANER, hall.siteId());
        mvc.perform(json(post("/api/v1/hygiene/disinfections"), cleaner, """
                        {"submissionId":"%s","method":"MOP_84","concentration":10,"doneBy":""}""".formatted(UUID.randomUUID())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.zoneId").value("请选择区域"))
                .andExpect(jsonPath("$.errors.concentration").value("浓度应在50到5000 mg/L之间"))
                .andExpect(jsonPath("$.errors.doneBy").value("此项必填"));
        // the hall's rule the page states: 84 disinfectant needs its concentration
        mvc.perform(json(post("/api/v1/hygiene/disinfections"), cleaner, disinfection(UUID.randomUUID(), waiting, "MOP_84", null)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.concentration").value("用84消毒液时请填写浓度（如500 mg/L）"));
        mvc.perform(json(post("/api/v1/hygiene/disinfections"), cleaner, disinfection(UUID.randomUUID(), waiting, "BLEACH", 500)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.method").exists());
        assertThat(disinfectionsOf(hall.siteId())).isZero();
    }

    @Test
    void anotherHallsZoneIsNotFoundAndNothingIsWritten() throws Exception {
        String cleaner = accounts.create(Role.CLEANER, hall.siteId());
        mvc.perform(json(post("/api/v1/hygiene/disinfections"), cleaner, disinfection(UUID.randomUUID(), otherZone, "WIPE", null)))
                .andExpect(status().isNotFound());
        assertThat(disinfectionsOf(hall.siteId())).isZero();
        assertThat(disinfectionsOf(other.siteId())).isZero();
    }

    @Test
    void aRoleWithoutTheHygienePermissionIsForbidden() throws Exception {
        // the screener works the gate, not the zones
        mvc.perform(json(post("/api/v1/hygiene/disinfections"), hall.screener(), disinfection(UUID.randomUUID(), waiting, "SPRAY", null)))
                .andExpect(status().isForbidden());
        String cleaner = accounts.create(Role.CLEANER, hall.siteId());
        mvc.perform(get("/api/v1/hygiene/disinfections").with(httpBasic(cleaner, TestAccounts.PASSWORD)))
                .andExpect(status().isForbidden());
        assertThat(disinfectionsOf(hall.siteId())).isZero();
    }
}
