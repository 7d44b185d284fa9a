package org.hallsafe.staffhealth;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import org.hallsafe.HallSafeTest;
import org.hallsafe.MutableClock;
import org.hallsafe.TestHall;
import org.hallsafe.organization.HallCalendar;
import org.hallsafe.staffhealth.StaffDay.Kind;
import org.hallsafe.staffhealth.StaffDay.Status;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 19, item 7: staff checks follow the hall calendar: none on a holiday, the full day on a 调休 weekend. */
@HallSafeTest
class Issue19HallCalendarTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Autowired StaffHealth health;
    @Autowired Reminders reminders;
    @Autowired Compliance compliance;
    @Autowired HallCalendar calendar;
    @Autowired TestHall halls;
    @Autowired MutableClock clock;
    @Autowired JdbcClient jdbc;

    private TestHall.Hall hall;
    private long person;
    private LocalDate holiday;

    @BeforeEach
    void setUp() {
        holiday = LocalDate.now(clock).plusWeeks(6).with(DayOfWeek.THURSDAY);
        at(holiday.minusDays(7), "07:50");
        hall = halls.create();
        halls.signIn(hall.admin());
        person = hall.staffIds().get(4);
        calendar.saveDay(hall.siteId(), holiday, false, null, null, "元旦");
        calendar.saveDay(hall.siteId(), holiday.plusDays(2), true, null, null, "元旦调休上班");
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private void at(LocalDate day, String time) {
        clock.set(day.atTime(LocalTime.parse(time)).atZone(ZONE).toInstant());
    }

    private List<String> reminderKeys() {
        return jdbc.sql("SELECT slot_key FROM staffhealth_reminders WHERE site_id = :site AND staff_id = :staff")
                .param("site", hall.siteId()).param("staff", person).query(String.class).list();
    }

    @Test
    void r19_7_noChecksAreDueLateOrMissedAndNoneRemindedOnAPublicHoliday() {
        at(holiday, "10:31");
        assertThat(health.day(hall.siteId(), person).slots()).as("the hall is closed").isEmpty();
        reminders.remind();
        assertThat(reminderKeys()).as("no reminder, so no SMS").isEmpty();
        at(holiday, "23:00");
        assertThat(compliance.sections(hall.siteId(), holiday)).allSatisfy(s -> {
            assertThat(s.missed()).isZero();
            assertThat(s.due()).isZero();
        });

        // the day before was an ordinary Wednesday: checks were expected and the missed ones count
        assertThat(health.board(hall.siteId(), null, holiday.minusDays(1))).filteredOn(d -> d.staff().id() == person)
                .singleElement().satisfies(d -> assertThat(d.count(Status.MISSED)).isPositive());
    }

    @Test
    void r19_7_checksAreExpectedAndRemindedOnATiaoxiuWorkingSaturday() {
        LocalDate saturday = holiday.plusDays(2);
        at(saturday, "10:31");
        var day = health.day(hall.siteId(), person);
        assertThat(day.slots()).extracting(StaffDay.Slot::kind).contains(Kind.BEFORE_WORK, Kind.PERIODIC, Kind.AFTER_WORK);
        assertThat(day.slots()).filteredOn(s -> s.kind() == Kind.PERIODIC).first()
                .extracting(StaffDay.Slot::status).isEqualTo(Status.DUE);
        reminders.remind();
        assertThat(reminderKeys()).anyMatch(k -> k.startsWith("PERIODIC"));

        at(saturday.plusDays(1), "10:31");
        assertThat(health.day(hall.siteId(), person).slots()).as("an ordinary Sunday").isEmpty();
    }
}
