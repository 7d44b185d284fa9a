package org.hallsafe.display;

import java.math.BigDecimal;
import java.sql.Timestamp;
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
import org.hallsafe.appointments.Bookings;
import org.hallsafe.appointments.Catalogue;
import org.hallsafe.appointments.Slots;
import org.hallsafe.organization.Directory;
import org.hallsafe.organization.Forms;
import org.hallsafe.screening.Gate;
import org.hallsafe.screening.GateDesk;
import org.hallsafe.screening.GateForm;
import org.hallsafe.shared.DocumentType;
import org.hallsafe.shared.IdNumber;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * A hall for the screen tests: windows 1 and 3, an item on each, slots on a Monday weeks ahead, two citizens booked
 * for 09:00 (names, ID numbers and phones that the screens must never show), a published notice for the screen, and
 * a screen key. The clock stands at 09:05 on that Monday.
 */
@Component
class DisplayHall {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static int people;

    final TestHall halls;
    private final Directory directory;
    private final Catalogue catalogue;
    private final Slots slots;
    private final Bookings bookings;
    private final GateDesk gate;
    private final ScreenKeys keys;
    private final java.time.Clock clock; // a MutableClock in @HallSafeTest; nodes of their own have none and never call set
    private final JdbcClient jdbc;

    DisplayHall(TestHall halls, Directory directory, Catalogue catalogue, Slots slots, Bookings bookings, GateDesk gate,
            ScreenKeys keys, java.time.Clock clock, JdbcClient jdbc) {
        this.halls = halls;
        this.directory = directory;
        this.catalogue = catalogue;
        this.slots = slots;
        this.bookings = bookings;
        this.gate = gate;
        this.keys = keys;
        this.clock = clock;
        this.jdbc = jdbc;
    }

    record Person(String name, String idNumber, String phone) {
    }

    record Ready(TestHall.Hall hall, String code, long window1, long window3, String key, long keyId,
            Bookings.Booking first, Bookings.Booking second, List<Person> people) {

        long site() {
            return hall.siteId();
        }

        String screen() {
            return "/screen/" + code + "?key=" + key;
        }

        String calls() {
            return "/screen/" + code + "/calls?key=" + key;
        }
    }

    Ready create() {
        LocalDate monday = LocalDate.now(clock).plusWeeks(8).with(DayOfWeek.MONDAY);
        at(monday.minusDays(3), "10:00");
        TestHall.Hall hall = halls.create();
        halls.signIn(hall.admin());
        long w1 = directory.saveWindow(hall.siteId(), null, new Forms.WindowForm(1, "综合受理", "一楼", hall.sectionId()));
        long w3 = directory.saveWindow(hall.siteId(), null, new Forms.WindowForm(3, "社保医保", "一楼", hall.sectionId()));
        long business = catalogue.saveItem(hall.siteId(), null, new ItemForm("企业开办（设立登记）", 30, "营业执照申请书",
                "", false, List.of(w1)));
        long card = catalogue.saveItem(hall.siteId(), null, new ItemForm("社保卡补换", 15, "身份证", "", false, List.of(w3)));
        slots.generate(hall.siteId(), new GenerateForm(monday, monday, List.of(w1, w3), 4, 40, null));
        Person a = person("欧阳晓梅");
        Person b = person("司马建军");
        Bookings.Booking first = bookings.book(hall.siteId(), form(business, slot(hall.siteId(), w1, monday, "09:00"), a));
        Bookings.Booking second = bookings.book(hall.siteId(), form(card, slot(hall.siteId(), w3, monday, "09:00"), b));
        ScreenKeys.Created key = keys.create(hall.siteId(), "一楼等候区大屏");
        jdbc.sql("""
                INSERT INTO notices (site_id, kind, status, title, body, channels, valid_from, created_at, created_by,
                    updated_at, updated_by, approved_at, approved_by, published_at, published_by)
                VALUES (:site, 'KNOWLEDGE', 'PUBLISHED', '七步洗手法', '**内、外、夹、弓、大、立、腕**，每步至少 15 秒。',
                    ARRAY['SCREEN','WEBSITE'], :from, :from, 'office', :from, 'office', :from, 'leader', :from, 'office')""")
                .param("site", hall.siteId()).param("from", Timestamp.from(clock.instant())).update();
        at(monday, "09:05");
        SecurityContextHolder.clearContext();
        String code = directory.site(hall.siteId()).code();
        return new Ready(hall, code, w1, w3, key.token(), key.id(), first, second, List.of(a, b));
    }

    /** The citizen of the booking comes through the gate with the booking's code: checked in, waiting. */
    void screenAtTheGate(Ready r, Bookings.Booking booking, Person p) {
        halls.signIn(r.hall().screener());
        gate.record(r.site(), new GateForm(UUID.randomUUID(), Gate.PersonType.CITIZEN, null, p.name(),
                DocumentType.ID_CARD, p.idNumber(), p.phone(), Gate.Mask.DISPOSABLE_MEDICAL, new BigDecimal("36.5"),
                List.of(), true, "", null, null, "", booking.code()));
        SecurityContextHolder.clearContext();
    }

    void at(LocalDate day, String time) {
        ((MutableClock) clock).set(day.atTime(LocalTime.parse(time)).atZone(ZONE).toInstant());
    }

    private long slot(long site, long window, LocalDate day, String time) {
        Instant at = day.atTime(LocalTime.parse(time)).atZone(ZONE).toInstant();
        return jdbc.sql("SELECT id FROM slots WHERE site_id = :site AND window_id = :w AND starts_at = :t")
                .param("site", site).param("w", window).param("t", Timestamp.from(at)).query(Long.class).single();
    }

    private static synchronized Person person(String name) {
        people++;
        String first17 = "430903" + (1960 + people % 40) + String.format("%02d%02d", 1 + people % 12, 1 + people % 28)
                + String.format("%03d", (500 + people) % 1000);
        return new Person(name, first17 + IdNumber.checkCharacter(first17), "139" + String.format("%08d", 7_000_000 + people));
    }

    private static BookingForm form(long item, long slot, Person p) {
        return new BookingForm(UUID.randomUUID(), item, slot, p.name(), DocumentType.ID_CARD, p.idNumber(), p.phone(),
                null, Channel.WEB);
    }
}
