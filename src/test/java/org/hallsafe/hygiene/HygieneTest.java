package org.hallsafe.hygiene;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.hallsafe.HallSafeTest;
import org.hallsafe.MutableClock;
import org.hallsafe.TestHall;
import org.hallsafe.hygiene.HygieneForms.DisinfectionForm;
import org.hallsafe.hygiene.HygieneForms.HandoverForm;
import org.hallsafe.hygiene.HygieneForms.Method;
import org.hallsafe.hygiene.HygieneForms.ZoneForm;
import org.hallsafe.hygiene.HygieneForms.ZoneType;
import org.hallsafe.organization.MeasureStatusProvider;
import org.hallsafe.platform.InvalidInputException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
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

/** R-DIS-1..3: due and overdue by zone, blind spots, the medical-waste handover ledger, the day's report. */
@HallSafeTest
class HygieneTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Autowired Hygiene hygiene;
    @Autowired Coverage coverage;
    @Autowired AiringAndWaste airingAndWaste;
    @Autowired BlindSpots blindSpots;
    @Autowired TestHall halls;
    @Autowired MutableClock clock;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;

    private TestHall.Hall hall;
    private LocalDate monday;
    private long waiting;
    private long office;

    @BeforeEach
    void setUp() {
        monday = LocalDate.now(clock).plusWeeks(3).with(DayOfWeek.MONDAY);
        at(monday, "07:30");
        hall = halls.create();
        halls.signIn(hall.screener());
        waiting = hygiene.saveZone(hall.siteId(), null, new ZoneForm("一楼等候区", ZoneType.WAITING, hall.sectionId(),
                List.of(Method.MOP_84, Method.SPRAY), 500, 240, 120));
        office = hygiene.saveZone(hall.siteId(), null, new ZoneForm("局办公室", ZoneType.OFFICE, hall.sectionId(),
                List.of(Method.MOP_84, Method.MOXA), 500, 360, null));
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private void at(LocalDate day, String time) {
        clock.set(day.atTime(LocalTime.parse(time)).atZone(ZONE).toInstant());
    }

    private long disinfect(long zone) {
        return hygiene.disinfect(hall.siteId(), new DisinfectionForm(UUID.randomUUID(), zone, Method.MOP_84, 500, "陈保洁", null),
                null, null);
    }

    private Hygiene.State state(long zone) {
        return coverage.now(hall.siteId()).stream().filter(z -> z.zone().id() == zone).findFirst().orElseThrow().state();
    }

    @Test
    void rDis1_aZoneIsDueWhenItsIntervalPassesAndOverdueHalfAnHourLater() {
        assertThat(state(waiting)).as("never disinfected").isEqualTo(Hygiene.State.OVERDUE);
        at(monday, "08:00");
        disinfect(waiting);
        at(monday, "11:59");
        assertThat(state(waiting)).isEqualTo(Hygiene.State.OK);
        at(monday, "12:01");
        assertThat(state(waiting)).isEqualTo(Hygiene.State.DUE);
        at(monday, "12:31");
        assertThat(state(waiting)).isEqualTo(Hygiene.State.OVERDUE);
        assertThat(coverage.now(hall.siteId()).get(0).zone().id()).as("the most urgent first").isIn(waiting, office);
    }

    @Test
    void rDis3_aZoneThatShouldBeAiredTurnsDueWhenItsWindowsStayedShutAndOkAfterAnAiring() {
        at(monday, "08:00");
        assertThat(airing(waiting)).as("never aired").isEqualTo(Hygiene.State.OVERDUE);
        assertThat(airing(office)).as("a zone without an airing plan is never due").isEqualTo(Hygiene.State.OK);
        airingAndWaste.ventilate(hall.siteId(), new HygieneForms.VentilationForm(waiting, 30, "陈保洁"));
        at(monday, "09:59");
        assertThat(airing(waiting)).isEqualTo(Hygiene.State.OK);
        at(monday, "10:01");
        assertThat(airing(waiting)).as("120 minutes after the windows were opened").isEqualTo(Hygiene.State.DUE);
        ZonedDateTime aired = coverage.now(hall.siteId()).stream().filter(z -> z.zone().id() == waiting).findFirst()
                .orElseThrow().lastAired().atZone(ZONE);
        assertThat(aired.toLocalTime()).isEqualTo(LocalTime.of(8, 0));
    }

    private Hygiene.State airing(long zone) {
        return coverage.now(hall.siteId()).stream().filter(z -> z.zone().id() == zone).findFirst().orElseThrow().airing();
    }

    @Test
    void rDis1_flagsAZoneMissedForAWholeWorkingDayOnceAndTellsItsSection() {
        at(monday, "09:00");
        disinfect(waiting);
        at(monday.plusDays(1), "00:10");
        assertThat(blindSpots.flag(hall.siteId(), monday)).isEqualTo(1);
        assertThat(blindSpots.flag(hall.siteId(), monday)).as("each blind spot is flagged once").isZero();
        assertThat(coverage.flags(hall.siteId(), 10)).extracting(Hygiene.Flag::zone).containsExactly("局办公室");
        assertThat(coverage.flags(hall.siteId(), 10).get(0).department()).isEqualTo("局办公室");
        assertThat(blindSpots.flag(hall.siteId(), monday.with(DayOfWeek.SATURDAY))).as("no working day").isZero();
    }

    @Test
    void rDis2_refusesAMedicalWasteHandoverWithoutItsReceiver() throws Exception {
        assertThatThrownBy(() -> airingAndWaste.handOver(hall.siteId(), new HandoverForm(2, new BigDecimal("1.5"), "陈保洁", "", "")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("hygiene.receiver.required");
        assertThatThrownBy(() -> jdbc.sql("""
                INSERT INTO medical_waste_handovers (site_id, containers, handed_by, receiver_name, receiver_unit, handed_at, recorded_by)
                VALUES (:site, 1, 'x', ' ', 'y', now(), 'x')""").param("site", hall.siteId()).update())
                .as("the table refuses it too").isInstanceOf(DataIntegrityViolationException.class);

        UserDetails me = halls.signIn(hall.leader());
        String html = mvc.perform(post("/hygiene/handovers").with(user(me)).with(csrf()).param("containers", "3")
                        .param("weightKg", "2.4").param("handedBy", "陈保洁").param("receiverName", "").param("receiverUnit", "益阳市医疗废物处置中心"))
                .andReturn().getResponse().getContentAsString();
        assertThat(html).contains("请填写接收人和接收单位").contains("value=\"益阳市医疗废物处置中心\"").contains("value=\"2.4\"");
        assertThat(jdbc.sql("SELECT count(*) FROM medical_waste_handovers WHERE site_id = :site").param("site", hall.siteId())
                .query(Integer.class).single()).isZero();

        airingAndWaste.handOver(hall.siteId(), new HandoverForm(3, new BigDecimal("2.4"), "陈保洁", "刘师傅", "益阳市医疗废物处置中心"));
        assertThat(airingAndWaste.handovers(hall.siteId(), monday)).extracting(Hygiene.Handover::receiverName).containsExactly("刘师傅");
    }

    @Test
    void keepsWhatWasTypedWhenADisinfectionIsIncompleteAndStoresItOnce() throws Exception {
        UserDetails me = halls.signIn(hall.leader());
        String html = mvc.perform(post("/hygiene/disinfections").with(user(me)).with(csrf())
                        .param("submissionId", UUID.randomUUID().toString()).param("zoneId", String.valueOf(waiting))
                        .param("method", "MOP_84").param("doneBy", "陈保洁"))
                .andReturn().getResponse().getContentAsString();
        assertThat(html).contains("用84消毒液时请填写浓度").contains("value=\"陈保洁\"");
        String noZone = mvc.perform(post("/hygiene/disinfections").with(user(me)).with(csrf())
                        .param("submissionId", UUID.randomUUID().toString()).param("method", "SPRAY").param("doneBy", "陈保洁"))
                .andReturn().getResponse().getContentAsString();
        assertThat(noZone).contains("请选择区域");
        assertThat(jdbc.sql("SELECT count(*) FROM disinfections WHERE site_id = :site").param("site", hall.siteId())
                .query(Integer.class).single()).isZero();

        DisinfectionForm form = new DisinfectionForm(UUID.randomUUID(), waiting, Method.SPRAY, null, "陈保洁", null);
        assertThat(hygiene.disinfect(hall.siteId(), form, null, null)).isEqualTo(hygiene.disinfect(hall.siteId(), form, null, null));
    }

    @Test
    void rDis1_rDis2_r20_4_reportsTheDayPerZoneAndExportsItLikeAPaperLedgerWithTheHandovers() throws Exception {
        at(monday, "09:00");
        disinfect(waiting);
        airingAndWaste.handOver(hall.siteId(), new HandoverForm(2, null, "陈保洁", "刘师傅", "益阳市医疗废物处置中心"));
        UserDetails leader = halls.signIn(hall.leader());
        String html = mvc.perform(get("/hygiene/report").param("day", monday.toString()).with(user(leader)))
                .andReturn().getResponse().getContentAsString();
        assertThat(html).contains("未消毒的区域").contains("局办公室").contains("09:00 84消毒液拖地 500 mg/L · 陈保洁").contains("刘师傅");

        byte[] xlsx = mvc.perform(get("/hygiene/report/export.xlsx").param("day", monday.toString()).with(user(leader)))
                .andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            StringBuilder all = new StringBuilder();
            workbook.forEach(sheet -> all.append(org.hallsafe.platform.PaperLedgers.shown(sheet)));
            assertThat(workbook.getNumberOfSheets()).as("r13_6: disinfection, airing, medical waste").isEqualTo(3);
            assertThat(all).contains("一楼等候区|局办公室|" + monday + " 09:00|84消毒液拖地|500 mg/L|陈保洁").contains("负责人签字")
                    .contains("局办公室|局办公室|未消毒").contains("刘师傅|益阳市医疗废物处置中心");
            // r20_4: each of the three ledgers like paper; times are date cells, counts numbers
            org.hallsafe.platform.PaperLedgers.assertEverySheetLikePaper(workbook, "测试大厅", "测试LEADER");
            org.hallsafe.platform.PaperLedgers.assertDates(workbook.getSheetAt(0), 2);
            org.hallsafe.platform.PaperLedgers.assertDates(workbook.getSheetAt(2), 0);
            org.hallsafe.platform.PaperLedgers.assertNumbers(workbook.getSheetAt(2), 1);
        }
    }

    @Test
    void showsEachSectionsZonesInTheResponsibilityMatrix() {
        at(monday, "09:00");
        disinfect(waiting);
        var figures = ((MeasureStatusProvider) blindSpots).statuses(hall.siteId(), monday);
        assertThat(figures.get(hall.sectionId())).isEqualTo(new MeasureStatusProvider.MeasureStatus(1, 0, 1));
    }

    @Test
    void refusesAPhotoThatIsNoJpegPngOrWebp() throws Exception {
        UserDetails me = halls.signIn(hall.leader());
        byte[] svg = "<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>".getBytes();
        String html = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/hygiene/disinfections")
                        .file(new org.springframework.mock.web.MockMultipartFile("photo", "x.svg", "image/svg+xml", svg))
                        .with(user(me)).with(csrf()).param("submissionId", UUID.randomUUID().toString())
                        .param("zoneId", String.valueOf(waiting)).param("method", "SPRAY").param("doneBy", "陈保洁"))
                .andReturn().getResponse().getContentAsString();
        assertThat(html).contains("照片需是JPEG、PNG或WebP图片");
        assertThat(jdbc.sql("SELECT count(*) FROM disinfections WHERE site_id = :site").param("site", hall.siteId())
                .query(Integer.class).single()).isZero();

        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0};
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/hygiene/disinfections")
                .file(new org.springframework.mock.web.MockMultipartFile("photo", "x.png", "image/png", png))
                .with(user(me)).with(csrf()).param("submissionId", UUID.randomUUID().toString())
                .param("zoneId", String.valueOf(waiting)).param("method", "SPRAY").param("doneBy", "陈保洁"));
        long id = jdbc.sql("SELECT id FROM disinfections WHERE site_id = :site").param("site", hall.siteId()).query(Long.class).single();
        var photo = mvc.perform(get("/hygiene/photos/{id}", id).with(user(me))).andReturn().getResponse();
        assertThat(photo.getContentType()).isEqualTo("image/png");
        assertThat(photo.getHeader("Content-Security-Policy")).contains("sandbox");
    }
}
