package org.hallsafe.appointments;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.hallsafe.MutableClock;
import org.hallsafe.TestHall;
import org.hallsafe.appointments.AppointmentForms.BookingForm;
import org.hallsafe.appointments.AppointmentForms.Channel;
import org.hallsafe.appointments.AppointmentForms.GenerateForm;
import org.hallsafe.appointments.AppointmentForms.ItemForm;
import org.hallsafe.organization.Directory;
import org.hallsafe.organization.Forms;
import org.hallsafe.shared.DocumentType;
import org.hallsafe.shared.IdNumber;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A hall ready for bookings: windows 1 (综合受理) and 5 (社保), the items 企业开办 (window 1) and 社保卡补换 (window 5), and
 * slots on a Monday weeks ahead, with the clock set to the Friday before it.
 */
@Component
class Fixture {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static int people = 0;

    private final TestHall halls;
    private final Directory directory;
    private final Catalogue catalogue;
    private final Slots slots;
    private final org.springframework.beans.factory.ObjectProvider<MutableClock> clocks;
    private final JdbcClient jdbc;

    /** The clock is looked up when used: a context without the test clock (ExternalPostgresTest) still starts. */
    Fixture(TestHall halls, Directory directory, Catalogue catalogue, Slots slots,
            org.springframework.beans.factory.ObjectProvider<MutableClock> clocks, JdbcClient jdbc) {
        this.halls = halls;
        this.directory = directory;
        this.catalogue = catalogue;
        this.slots = slots;
        this.clocks = clocks;
        this.jdbc = jdbc;
    }

    record Ready(TestHall.Hall hall, String code, LocalDate monday, long window1, long window5, long business,
            long socialCard) {

        long site() {
            return hall.siteId();
        }
    }

    /** The hall, its items and slots with {@code capacity} places per window and {@code hallCap} per time. */
    Ready create(int capacity, int hallCap) {
        LocalDate monday = LocalDate.now(clocks.getObject()).plusWeeks(8).with(DayOfWeek.MONDAY);
        at(monday.minusDays(3), "10:00");
        TestHall.Hall hall = halls.create();
        halls.signIn(hall.admin());
        long w1 = directory.saveWindow(hall.siteId(), null, new Forms.WindowForm(1, "综合受理", "一楼", hall.sectionId()));
        long w5 = directory.saveWindow(hall.siteId(), null, new Forms.WindowForm(5, "社保", "一楼", hall.sectionId()));
        long business = catalogue.saveItem(hall.siteId(), null, new ItemForm("企业开办（设立登记）", 30,
                "营业执照申请书\n法定代表人身份证", "https://zwfw.example.gov.cn/qykb", false, List.of(w1)));
        long card = catalogue.saveItem(hall.siteId(), null, new ItemForm("社保卡补换", 15, "身份证", "", true, List.of(w5)));
        slots.generate(hall.siteId(), new GenerateForm(monday, monday, List.of(w1, w5), capacity, hallCap, null));
        String code = directory.site(hall.siteId()).code();
        return new Ready(hall, code, monday, w1, w5, business, card);
    }

    TestHall halls() {
        return halls;
    }

    void at(LocalDate day, String time) {
        clocks.getObject().set(day.atTime(LocalTime.parse(time)).atZone(ZONE).toInstant());
    }

    Instant time(LocalDate day, String time) {
        return day.atTime(LocalTime.parse(time)).atZone(ZONE).toInstant();
    }

    /** The slot of a window at a time of the ready Monday. */
    long slot(Ready r, long window, String time) {
        return jdbc.sql("SELECT id FROM slots WHERE site_id = :site AND window_id = :w AND starts_at = :t")
                .param("site", r.site()).param("w", window).param("t", java.sql.Timestamp.from(time(r.monday(), time)))
                .query(Long.class).single();
    }

    /** A new invented person's ID number (赫山区, valid check digit), different at every call. */
    static synchronized String idNumber() {
        people++;
        String first17 = "430903" + (1950 + people % 50) + String.format("%02d%02d", 1 + people % 12, 1 + people % 28)
                + String.format("%03d", people % 1000);
        return first17 + IdNumber.checkCharacter(first17);
    }

    /** A new invented mobile number, different at every call (one phone books a few a day, issue 12). */
    static synchronized String phone() {
        people++;
        return "137" + String.format("%08d", people);
    }

    static BookingForm form(long item, long slot, String name, String idNumber, String phone, Channel channel) {
        return new BookingForm(UUID.randomUUID(), item, slot, name, DocumentType.ID_CARD, idNumber, phone, null, channel);
    }
}
