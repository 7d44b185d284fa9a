package org.hallsafe.tracing;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.hallsafe.MutableClock;
import org.hallsafe.TestHall;
import org.hallsafe.appointments.TracingBookings;
import org.hallsafe.canteen.Canteen;
import org.hallsafe.organization.Directory;
import org.hallsafe.organization.Forms;
import org.hallsafe.organization.StaffDirectory;
import org.hallsafe.screening.Gate.Mask;
import org.hallsafe.screening.Gate.PersonType;
import org.hallsafe.screening.GateDesk;
import org.hallsafe.screening.GateForm;
import org.hallsafe.shared.DocumentType;
import org.hallsafe.shared.IdNumber;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * One day at a hall, seeded through the real services (gate, bookings, the window's call and 办结, the canteen door)
 * with the movable clock, for the tracing tests (issue 17). Windows 3, 4 and 5 are in area 一楼A, window 6 in 一楼B.
 *
 * <pre>
 *   陈静 (traced)  gate 08:50, booking at window 5 09:00-09:30, called 09:10, 办结 09:20 -> left 09:30 (slot, estimated)
 *   王芳           gate 08:00, no booking -> left 09:00 (default stay): 10 minutes together
 *   李强           gate 07:50, no booking -> left 08:50: touches 陈静's entry, not a contact
 *   赵敏           gate 09:30: touches 陈静's estimated leaving, not a contact
 *   钱伟           gate 09:00, exit scan 09:15: 15 minutes together
 *   孙浩           refused at the gate 09:05 (fever): never in the hall
 *   刘洋 (staff, window 5) served 陈静; 孙丽 (window 4, same area) neighbour; 吴强 (window 6, other area) and
 *   郑华 (window 3, two away) are not neighbours. The hall's screener 赵志强 screened everyone.
 *   Canteen: 刘洋 12:00 and 孙丽 12:10 at lunch; 吴强 17:40 at dinner.
 * </pre>
 */
@Component
class TracedDay {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    record Day(TestHall.Hall hall, LocalDate day, String subjectId, String subjectPhone, long liu, long sun, long wu,
            long zheng, long screenerStaff) {

        long site() {
            return hall.siteId();
        }
    }

    private final TestHall halls;
    private final Directory directory;
    private final StaffDirectory staff;
    private final TracingBookings bookings;
    private final GateDesk gate;
    private final Canteen canteen;
    private final Clock clock; // a MutableClock in @HallSafeTest; contexts of their own have none and never call set
    private final JdbcClient jdbc;
    private static int people = 0;

    TracedDay(TestHall halls, Directory directory, StaffDirectory staff, TracingBookings bookings, GateDesk gate,
            Canteen canteen, Clock clock, JdbcClient jdbc) {
        this.halls = halls;
        this.directory = directory;
        this.staff = staff;
        this.bookings = bookings;
        this.gate = gate;
        this.canteen = canteen;
        this.clock = clock;
        this.jdbc = jdbc;
    }

    Day seed() {
        LocalDate day = LocalDate.now(clock).plusWeeks(2).with(DayOfWeek.MONDAY);
        at(day, "07:00");
        TestHall.Hall hall = halls.create();
        long site = hall.siteId();
        halls.signIn(hall.admin());
        long w3 = window(hall, 3, "不动产", "一楼A");
        long w4 = window(hall, 4, "医保", "一楼A");
        long w5 = window(hall, 5, "社保", "一楼A");
        long w6 = window(hall, 6, "公积金", "一楼B");
        long liu = person(hall, "刘洋", w5);
        long sun = person(hall, "孙丽", w4);
        long wu = person(hall, "吴强", w6);
        long zheng = person(hall, "郑华", w3);
        long item = bookings.itemWithSlots(site, "社保卡补换", List.of(w5), day);
        String subjectId = idNumber();
        String subjectPhone = "1367" + String.format("%07d", (int) (System.nanoTime() % 10_000_000));
        String code = bookings.book(site, item, w5, time(day, "09:00"), "陈静", subjectId, subjectPhone);

        halls.signIn(hall.screener());
        at(day, "07:50");
        citizen(site, "李强", idNumber(), null, "36.5");
        at(day, "08:00");
        citizen(site, "王芳", idNumber(), null, "36.4");
        at(day, "08:30");
        staffAtGate(site, liu);
        at(day, "08:50");
        citizen(site, "陈静", subjectId, subjectPhone, code, "36.6");
        at(day, "09:00");
        long qian = citizen(site, "钱伟", idNumber(), null, "36.3");
        at(day, "09:05");
        citizen(site, "孙浩", idNumber(), null, "38.6");
        at(day, "09:10");
        bookings.callNext(site, w5);
        at(day, "09:15");
        // the exit scan (T2's page stamps the same column): 钱伟 left at 09:15
        jdbc.sql("UPDATE screenings SET left_at = :t, left_by = 'gate' WHERE site_id = :site AND id = :id")
                .param("t", java.sql.Timestamp.from(clock.instant())).param("site", site).param("id", qian).update();
        at(day, "09:20");
        bookings.done(site, code);
        at(day, "09:30");
        citizen(site, "赵敏", idNumber(), null, "36.5");

        at(day, "12:00");
        canteen.enter(site, card(site, liu), true);
        at(day, "12:10");
        canteen.enter(site, card(site, sun), true);
        at(day, "17:40");
        canteen.enter(site, card(site, wu), true);
        at(day, "18:30");
        return new Day(hall, day, subjectId, subjectPhone, liu, sun, wu, zheng, hall.staffIds().get(3));
    }

    /** {@code n} more citizens admitted at 09:01, while 陈静 was in the hall: a crowd, more than a page lists. */
    void crowd(Day d, int n) {
        halls.signIn(d.hall().screener());
        at(d.day(), "09:01");
        for (int i = 1; i <= n; i++) {
            citizen(d.site(), "市民" + i, idNumber(), null, "36.5");
        }
        at(d.day(), "18:30");
    }

    void at(LocalDate day, String time) {
        ((MutableClock) clock).set(time(day, time));
    }

    static Instant time(LocalDate day, String time) {
        return day.atTime(LocalTime.parse(time)).atZone(ZONE).toInstant();
    }

    private long window(TestHall.Hall hall, int number, String name, String area) {
        return directory.saveWindow(hall.siteId(), null, new Forms.WindowForm(number, name, area, hall.sectionId()));
    }

    private long person(TestHall.Hall hall, String name, long window) {
        people++;
        return staff.save(hall.siteId(), null, new Forms.StaffForm(name, "TR" + hall.siteId() + "-" + people, null, window,
                "窗口人员", "1391234" + String.format("%04d", people % 10000), "", ""));
    }

    private String card(long site, long staffId) {
        return staff.get(site, staffId).cardNo();
    }

    private long citizen(long site, String name, String idNumber, String bookingCode, String temperature) {
        return citizen(site, name, idNumber, "1385555" + String.format("%04d", ++people % 10000), bookingCode,
                temperature);
    }

    private long citizen(long site, String name, String idNumber, String phone, String bookingCode, String temperature) {
        return gate.record(site, new GateForm(UUID.randomUUID(), PersonType.CITIZEN, null, name, DocumentType.ID_CARD,
                idNumber, phone, Mask.DISPOSABLE_MEDICAL,
                new BigDecimal(temperature), List.of(), true, "", null, null, "", bookingCode)).id();
    }

    private void staffAtGate(long site, long staffId) {
        gate.record(site, new GateForm(UUID.randomUUID(), PersonType.STAFF, staffId, "", null, "", "",
                Mask.DISPOSABLE_MEDICAL, new BigDecimal("36.4"), List.of(), true, "", null, null, "", null));
    }

    static synchronized String idNumber() {
        people++;
        String first17 = "430902" + (1960 + people % 40) + String.format("%02d%02d", 1 + people % 12, 1 + people % 28)
                + String.format("%03d", people % 1000);
        return first17 + IdNumber.checkCharacter(first17);
    }

}
