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
import org.hallsafe.hygiene.HygieneForms.DisinfectionForm;
import org.hallsafe.hygiene.HygieneForms.Method;
import org.hallsafe.hygiene.HygieneForms.ZoneForm;
import org.hallsafe.hygiene.HygieneForms.ZoneType;
import org.hallsafe.organization.Forms;
import org.hallsafe.organization.HallCalendar;
import org.hallsafe.organization.StaffDirectory;
import org.hallsafe.platform.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 19, item 7: blind spots follow the hall calendar, not the weekday. */
@HallSafeTest
class Issue19HallCalendarTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Autowired Hygiene hygiene;
    @Autowired Coverage coverage;
    @Autowired BlindSpots blindSpots;
    @Autowired HallCalendar calendar;
    @Autowired TestHall halls;
    @Autowired TestAccounts accounts;
    @Autowired StaffDirectory staff;
    @Autowired MutableClock clock;
    @Autowired JdbcClient jdbc;

    private TestHall.Hall hall;
    private LocalDate monday;
    private long entrance;
    private String zoneName;

    @BeforeEach
    void setUp() {
        monday = LocalDate.now(clock).plusWeeks(5).with(DayOfWeek.MONDAY);
        at(monday.minusDays(7), "07:30");
        hall = halls.create();
        halls.signIn(hall.admin());
        // the section's head, who is told of a blind spot by SMS
        String head = accounts.create(Role.SECTION_HEAD, hall.siteId());
        staff.save(hall.siteId(), null, new Forms.StaffForm("吴敏", "H" + hall.siteId(), hall.sectionId(), null, "科长",
                "13900001234", "", head));
        zoneName = "入口测温点" + hall.siteId();
        entrance = hygiene.saveZone(hall.siteId(), null, new ZoneForm(zoneName, ZoneType.ENTRANCE, hall.sectionId(),
                List.of(Method.WIPE), null, 240, null));
        calendar.saveDay(hall.siteId(), monday, false, null, null, "国庆节");
        calendar.saveDay(hall.siteId(), monday.plusDays(5), true, null, null, "国庆节调休上班");
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private void at(LocalDate day, String time) {
        clock.set(day.atTime(LocalTime.parse(time)).atZone(ZONE).toInstant());
    }

    private int flags() {
        return jdbc.sql("SELECT count(*) FROM hygiene_flags WHERE site_id = :site").param("site", hall.siteId())
                .query(Integer.class).single();
    }

    /** The SMS written to the outbox for the zone's blind spot on that day (issue 19, item 3: sent by its worker). */
    private int smsFor(LocalDate day) {
        return jdbc.sql("SELECT count(*) FROM deliveries WHERE site_id = :site AND source = 'hygiene' AND source_id = :id")
                .param("site", hall.siteId()).param("id", entrance + "/" + day).query(Integer.class).single();
    }

    @Test
    void r19_7_noBlindSpotIsFlaggedAndNothingIsSentOnAPublicHoliday() {
        at(monday.plusDays(1), "00:10");
        assertThat(coverage.uncovered(hall.siteId(), monday)).as("the hall was closed").isEmpty();
        assertThat(blindSpots.flag(hall.siteId(), monday)).isZero();
        assertThat(flags()).isZero();
        assertThat(smsFor(monday)).isZero();
        assertThat(blindSpots.statuses(hall.siteId(), monday)).as("nothing overdue in the matrix").isEmpty();

        // the next day is an ordinary working day: the same zone left alone is a blind spot, and its head is told
        at(monday.plusDays(2), "00:10");
        assertThat(blindSpots.flag(hall.siteId(), monday.plusDays(1))).isEqualTo(1);
        assertThat(smsFor(monday.plusDays(1))).isEqualTo(1);
    }

    @Test
    void r19_7_aTiaoxiuWorkingSaturdayKeepsTheNormalScheduleAndAnOrdinarySundayHasNoBlindSpot() {
        LocalDate saturday = monday.plusDays(5);
        at(saturday, "09:00");
        assertThat(coverage.uncovered(hall.siteId(), saturday)).extracting(Hygiene.Zone::id).containsExactly(entrance);
        at(saturday.plusDays(2), "00:10");
        assertThat(blindSpots.flag(hall.siteId(), saturday)).as("调休 Saturday is a working day").isEqualTo(1);
        assertThat(smsFor(saturday)).isEqualTo(1);
        assertThat(blindSpots.flag(hall.siteId(), saturday.plusDays(1))).as("an ordinary Sunday").isZero();

        // a zone disinfected on the 调休 Saturday is covered as on any working day
        LocalDate nextSaturday = saturday.plusWeeks(1);
        calendar.saveDay(hall.siteId(), nextSaturday, true, LocalTime.of(9, 0), LocalTime.of(12, 0), "调休上班");
        at(nextSaturday, "09:30");
        hygiene.disinfect(hall.siteId(), new DisinfectionForm(UUID.randomUUID(), entrance, Method.WIPE, null, "陈保洁", null),
                null, null);
        assertThat(coverage.uncovered(hall.siteId(), nextSaturday)).isEmpty();
    }
}
