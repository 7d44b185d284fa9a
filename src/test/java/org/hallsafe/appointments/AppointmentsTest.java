package org.hallsafe.appointments;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.hallsafe.HallSafeTest;
import org.hallsafe.MutableClock;
import org.hallsafe.TestAccounts;
import org.hallsafe.appointments.AppointmentForms.BookingForm;
import org.hallsafe.appointments.AppointmentForms.Channel;
import org.hallsafe.appointments.AppointmentForms.GenerateForm;
import org.hallsafe.appointments.AppointmentForms.SettingsForm;
import org.hallsafe.appointments.AppointmentForms.Status;
import org.hallsafe.duty.Duty;
import org.hallsafe.duty.DutyForms.ConsultationForm;
import org.hallsafe.duty.DutyForms.Outcome;
import org.hallsafe.duty.DutyForms.RosterForm;
import org.hallsafe.platform.Deliveries;
import org.hallsafe.platform.InvalidInputException;
import org.hallsafe.platform.Role;
import org.hallsafe.screening.Gate;
import org.hallsafe.screening.GateDesk;
import org.hallsafe.screening.GateForm;
import org.hallsafe.shared.DocumentType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** R-SVC-2, R-SVC-3: the rules of booking, the gate check-in, no-shows, reminders, and the duty log. */
@HallSafeTest
class AppointmentsTest {

    @Autowired Fixture fixture;
    @Autowired org.hallsafe.notice.NoticeFixture notices;
    @Autowired Bookings bookings;
    @Autowired Catalogue catalogue;
    @Autowired org.hallsafe.organization.HallCalendar calendar;
    @Autowired Slots slots;
    @Autowired Duty duty;
    @Autowired WindowQueue queue;
    @Autowired BookingTexts texts;
    @Autowired Deliveries deliveries;
    @Autowired SmsChallenges challenges;
    @Autowired GateDesk gate;
    @Autowired TestAccounts accounts;
    @Autowired MutableClock clock;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;

    private Fixture.Ready r;

    @BeforeEach
    void setUp() {
        r = fixture.create(4, 40);
        SecurityContextHolder.clearContext();
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private Bookings.Booking web(long item, long slot, String id) {
        return web(item, slot, id, Fixture.phone());
    }

    private Bookings.Booking web(long item, long slot, String id, String phone) {
        return bookings.book(r.site(), Fixture.form(item, slot, "陈静", id, phone, Channel.WEB));
    }

    private long slot(String time) {
        return fixture.slot(r, r.window1(), time);
    }

    private long booked(long slotId) {
        return jdbc.sql("SELECT booked FROM slots WHERE id = :id").param("id", slotId).query(Long.class).single();
    }

    @Test
    void rSvc3_slotsFollowTheCalendarAndGeneratingAgainAddsNothing() {
        fixture.halls().signIn(r.hall().admin());
        // 08:30–12:00 and 14:30–17:30 by default: 7 + 6 half-hour slots per window
        assertThat(slots.day(r.site(), r.monday())).hasSize(26);
        assertThat(slots.generate(r.site(), new GenerateForm(r.monday(), r.monday(), List.of(r.window1(), r.window5()), 4, 40, null)).slots()).isZero();
        calendar.saveDay(r.site(), r.monday().plusDays(1), false, null, null, "测试假日");
        var hours = new AppointmentForms.HoursForm(r.window5(), List.of(java.time.DayOfWeek.WEDNESDAY),
                java.time.LocalTime.of(9, 0), java.time.LocalTime.of(11, 0), null, null);
        catalogue.saveHours(r.site(), hours);
        var made = slots.generate(r.site(), new GenerateForm(r.monday().plusDays(1), r.monday().plusDays(2),
                List.of(r.window1(), r.window5()), 4, 40, null));
        assertThat(slots.day(r.site(), r.monday().plusDays(1))).as("a holiday has no slots").isEmpty();
        assertThat(slots.day(r.site(), r.monday().plusDays(2)).stream().filter(s -> s.windowId() == r.window5()))
                .as("window 5 keeps its own Wednesday morning").hasSize(4);
        assertThat(made.slots()).isEqualTo(13 + 4);
        assertThatThrownBy(() -> slots.generate(r.site(), new GenerateForm(r.monday(), r.monday().minusDays(1), List.of(), 0, 40, null)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .containsKeys("to", "windowIds", "capacity"));
    }

    @Test
    void rSvc3_aRetriedBookingIsStoredOnceAndAFullSlotOffersTheNextFreeOnes() {
        BookingForm form = Fixture.form(r.business(), slot("09:00"), "陈静", Fixture.idNumber(), "13907370001", Channel.WEB);
        Bookings.Booking first = bookings.book(r.site(), form);
        Bookings.Booking again = bookings.book(r.site(), form);
        assertThat(again.code()).isEqualTo(first.code()).hasSize(8);
        assertThat(booked(slot("09:00"))).isEqualTo(1);
        for (int i = 0; i < 3; i++) {
            web(r.business(), slot("09:00"), Fixture.idNumber());
        }
        assertThatThrownBy(() -> web(r.business(), slot("09:00"), Fixture.idNumber()))
                .isInstanceOfSatisfying(Bookings.SlotFullException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("appointments.book.full");
                    assertThat(e.next()).isNotEmpty().allMatch(s -> s.remaining() > 0 && s.windowId() == r.window1());
                    assertThat(e.next().get(0).startsAt()).isEqualTo(fixture.time(r.monday(), "08:30"));
                });
        assertThat(booked(slot("09:00"))).isEqualTo(4);
        assertThat(first.docMasked()).doesNotContain(first.docMasked().substring(6, 14).replace("*", "x"));
    }

    @Test
    void rSvc3_onePersonHoldsOneBookingPerItemAndAFewADay() {
        String id = Fixture.idNumber();
        web(r.business(), slot("09:00"), id);
        assertThatThrownBy(() -> web(r.business(), slot("10:00"), id))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .containsEntry("docNo", "appointments.book.duplicate"));
        web(r.socialCard(), fixture.slot(r, r.window5(), "10:00"), id);
        long third = catalogue.saveItem(r.site(), null, new AppointmentForms.ItemForm("养老金资格认证", 10, "", "", false,
                List.of(r.window5())));
        assertThatThrownBy(() -> web(third, fixture.slot(r, r.window5(), "11:00"), id))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .containsEntry("docNo", "appointments.book.daily"));
        assertThat(jdbc.sql("SELECT count(*) FROM bookings WHERE site_id = :s").param("s", r.site()).query(Integer.class).single())
                .isEqualTo(2);
    }

    @Test
    void rSvc1_postponedOpeningStopsWebBookingButTheDutyDeskStillBooks() throws Exception {
        // issue 15, item 2: the postponed opening's text is the hall's published notice
        notices.publishPostponed(r.hall(), "大厅推迟开放", "因疫情防控需要，大厅推迟至12月7日开放。");
        fixture.halls().signIn(r.hall().admin());
        catalogue.saveSettings(r.site(), new SettingsForm(30, 4, 40, 2, 14, 30, false, true,
                "因疫情防控需要，大厅推迟至12月7日开放。", "0737-4221234", "{name} 明天 {time}", "{name} {time}"));
        SecurityContextHolder.clearContext();
        assertThatThrownBy(() -> web(r.business(), slot("09:00"), Fixture.idNumber()))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.messageKey())
                        .isEqualTo("appointments.postponed.noWeb"));
        String page = mvc.perform(get("/appointments/book").param("hall", r.code())).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("大厅推迟开放").contains("推迟至12月7日开放").contains("0737-4221234")
                .doesNotContain("预约此事项").contains("网上办理");
        String staff = accounts.create(Role.STAFF, r.site());
        fixture.halls().signIn(staff);
        Bookings.Booking byPhone = bookings.book(r.site(), Fixture.form(r.business(), slot("09:00"), "刘桂兰",
                Fixture.idNumber(), "13807375555", Channel.PHONE));
        assertThat(byPhone.channel()).isEqualTo(Channel.PHONE);
        SecurityContextHolder.clearContext();
        assertThatThrownBy(() -> bookings.book(r.site(), Fixture.form(r.business(), slot("09:30"), "刘桂兰",
                Fixture.idNumber(), "13807375555", Channel.PHONE)))
                .as("phone bookings are for staff").isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
    }

    @Test
    void rSvc3_cancelAndRescheduleNeedTheCodeAndThePhone() {
        Bookings.Booking b = web(r.business(), slot("09:00"), Fixture.idNumber(), "13907370001");
        assertThatThrownBy(() -> bookings.cancel(r.site(), b.code(), "13907379999"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.messageKey())
                        .isEqualTo("appointments.manage.notFound"));
        Bookings.Booking moved = bookings.reschedule(r.site(), b.code().toLowerCase(), "139 0737 0001", slot("15:00"));
        assertThat(moved.startsAt()).isEqualTo(fixture.time(r.monday(), "15:00"));
        assertThat(booked(slot("09:00"))).isZero();
        assertThat(booked(slot("15:00"))).isEqualTo(1);
        for (int i = 0; i < 4; i++) {
            web(r.business(), slot("16:00"), Fixture.idNumber());
        }
        assertThatThrownBy(() -> bookings.reschedule(r.site(), b.code(), "13907370001", slot("16:00")))
                .isInstanceOf(Bookings.SlotFullException.class);
        assertThat(bookings.find(r.site(), b.code()).orElseThrow().slotId()).as("a full slot leaves it as it was").isEqualTo(slot("15:00"));
        assertThat(booked(slot("15:00"))).isEqualTo(1);
        Bookings.Booking cancelled = bookings.cancel(r.site(), b.code(), "13907370001");
        assertThat(cancelled.status()).isEqualTo(Status.CANCELLED);
        assertThat(bookings.cancel(r.site(), b.code(), "13907370001").status()).isEqualTo(Status.CANCELLED);
        assertThat(booked(slot("15:00"))).as("given back once").isZero();
    }

    @Test
    void rSvc3_theScreenerChecksABookedCitizenInWithTheCodeAlone() {
        Bookings.Booking b = web(r.business(), slot("09:00"), "430902197603040022");
        String otherId = Fixture.idNumber();
        Bookings.Booking other = web(r.socialCard(), fixture.slot(r, r.window5(), "09:30"), otherId);
        fixture.at(r.monday(), "08:50");
        fixture.halls().signIn(r.hall().screener());
        assertThat(gate.booking(r.site(), b.code())).hasValueSatisfying(p -> assertThat(p.name()).isEqualTo("陈*")
                .doesNotContain("静"));
        GateDesk.Result result = gate.record(r.site(), new GateForm(UUID.randomUUID(), Gate.PersonType.CITIZEN, null, "",
                null, "", "", Gate.Mask.DISPOSABLE_MEDICAL, new BigDecimal("36.4"), List.of(), true, "", null, null, "",
                b.code().toLowerCase()));
        assertThat(result.name()).isEqualTo("陈静");
        assertThat(result.decision()).isEqualTo(Gate.Decision.ADMITTED);
        Bookings.Booking arrived = bookings.byId(r.site(), b.id());
        assertThat(arrived.status()).isEqualTo(Status.ARRIVED);
        assertThat(arrived.screeningId()).isEqualTo(result.id());
        assertThat(bookings.byId(r.site(), other.id()).status()).as("only that booking").isEqualTo(Status.BOOKED);

        // by document, without the code; a fever refuses and marks the booking
        GateDesk.Result fever = gate.record(r.site(), new GateForm(UUID.randomUUID(), Gate.PersonType.CITIZEN, null, "陈静",
                DocumentType.ID_CARD, otherId, "13907370001", Gate.Mask.N95_KN95,
                new BigDecimal("37.2"), List.of(Gate.Symptom.COUGH), false, "", null, null, "", null));
        assertThat(fever.decision()).isEqualTo(Gate.Decision.REFUSED);
        assertThat(bookings.byId(r.site(), other.id()).status()).isEqualTo(Status.REFUSED);

        assertThatThrownBy(() -> gate.record(r.site(), new GateForm(UUID.randomUUID(), Gate.PersonType.CITIZEN, null, "",
                null, "", "", Gate.Mask.DISPOSABLE_MEDICAL, new BigDecimal("36.4"), List.of(), true, "", null, null, "",
                "ZZZZZZ"))).isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("bookingCode"));
    }

    @Test
    void rSvc3_theWindowCallsThoseWhoArrivedInSlotOrder() {
        fixture.halls().signIn(r.hall().screener());
        Bookings.Booking late = web(r.business(), slot("09:30"), Fixture.idNumber());
        Bookings.Booking early = web(r.business(), slot("09:00"), Fixture.idNumber());
        fixture.at(r.monday(), "08:55");
        for (Bookings.Booking b : List.of(late, early)) {
            gate.record(r.site(), new GateForm(UUID.randomUUID(), Gate.PersonType.CITIZEN, null, "", null, "", "",
                    Gate.Mask.DISPOSABLE_MEDICAL, new BigDecimal("36.5"), List.of(), true, "", null, null, "", b.code()));
        }
        fixture.at(r.monday(), "09:01");
        assertThat(bookings.callNext(r.site(), r.window1())).hasValueSatisfying(b -> assertThat(b.code()).isEqualTo(early.code()));
        queue.done(r.site(), early.id());
        assertThat(bookings.callNext(r.site(), r.window1())).hasValueSatisfying(b -> assertThat(b.code()).isEqualTo(late.code()));
        assertThat(bookings.callNext(r.site(), r.window1())).isEmpty();
        assertThat(bookings.byId(r.site(), early.id()).status()).isEqualTo(Status.DONE);
    }

    @Test
    void rSvc3_noShowsAreMarkedAsTheClockPassesTheirSlot() {
        Bookings.Booking b = web(r.business(), slot("09:00"), Fixture.idNumber());
        fixture.at(r.monday(), "09:59");
        queue.markNoShows();
        assertThat(bookings.byId(r.site(), b.id()).status()).as("within the 30 minutes' grace").isEqualTo(Status.BOOKED);
        fixture.at(r.monday(), "10:01");
        assertThat(queue.markNoShows()).isGreaterThanOrEqualTo(1);
        assertThat(bookings.byId(r.site(), b.id()).status()).isEqualTo(Status.NO_SHOW);
        assertThat(queue.markNoShows()).as("once").isZero();
    }

    @Test
    void rSvc3_remindersGoOutTheDayBeforeAndAnHourBeforeEachOnce() {
        Bookings.Booking b = web(r.business(), slot("15:00"), Fixture.idNumber());
        // the job serves every hall in the one database: what is asserted is this hall's booking, not a global count
        fixture.at(r.monday().minusDays(1), "16:00");
        texts.sendReminders();
        assertThat(reminders(b)).containsExactly("REMINDER_DAY");
        texts.sendReminders();
        assertThat(reminders(b)).as("each goes out once").containsExactly("REMINDER_DAY");
        fixture.at(r.monday(), "14:05");
        texts.sendReminders();
        texts.sendReminders();
        assertThat(reminders(b)).containsExactly("REMINDER_DAY", "REMINDER_HOUR");
        assertThat(jdbc.sql("SELECT reminded_day_at IS NOT NULL AND reminded_hour_at IS NOT NULL FROM bookings WHERE id = :id")
                .param("id", b.id()).query(Boolean.class).single()).isTrue();
    }

    /** The reminders texted about this booking, in the order they were queued. */
    private List<String> reminders(Bookings.Booking b) {
        return deliveries.of(r.site(), "booking", String.valueOf(b.id())).stream().map(Deliveries.Status::purpose)
                .filter(p -> p.startsWith("REMINDER_")).toList();
    }

    @Test
    void rSvc3_aHallCanAskForAnSmsCodeBeforeAWebBooking() {
        fixture.halls().signIn(r.hall().admin());
        catalogue.saveSettings(r.site(), new SettingsForm(30, 4, 40, 2, 14, 30, true, false, "", "", "{code}", "{code}"));
        SecurityContextHolder.clearContext();
        String id = Fixture.idNumber();
        assertThatThrownBy(() -> web(r.business(), slot("09:00"), id))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems()).containsKey("smsCode"));
        String code = challenges.send(r.site(), "13907370001", r.business());
        assertThatThrownBy(() -> challenges.send(r.site(), "13907370001", r.business())).isInstanceOf(InvalidInputException.class);
        String wrong = code.equals("000000") ? "111111" : "000000";
        assertThatThrownBy(() -> bookings.book(r.site(), new BookingForm(UUID.randomUUID(), r.business(), slot("09:00"),
                "陈静", DocumentType.ID_CARD, id, "13907370001", wrong, Channel.WEB)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.messageKey()).isEqualTo("appointments.sms.wrong"));
        Bookings.Booking b = bookings.book(r.site(), new BookingForm(UUID.randomUUID(), r.business(), slot("09:00"),
                "陈静", DocumentType.ID_CARD, id, "13907370001", code, Channel.WEB));
        assertThat(b.status()).isEqualTo(Status.BOOKED);
    }

    @Test
    void rSvc3_theBookingPageKeepsWhatWasTypedAndStoresNothingWhenItIsWrong() throws Exception {
        String page = mvc.perform(post("/appointments/book").param("hall", r.code()).with(csrf())
                        .param("submissionId", UUID.randomUUID().toString()).param("itemId", String.valueOf(r.business()))
                        .param("slotId", String.valueOf(slot("09:00"))).param("name", "陈静").param("docType", "ID_CARD")
                        .param("docNo", "430902197603040021").param("phone", "1390737"))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("校验位").contains("电话号码格式不对").contains("value=\"陈静\"")
                .contains("value=\"430902197603040021\"").contains("value=\"1390737\"");
        assertThat(jdbc.sql("SELECT count(*) FROM bookings WHERE site_id = :s").param("s", r.site()).query(Integer.class).single())
                .isZero();
        assertThat(booked(slot("09:00"))).isZero();
    }

    @Test
    void rSvc2_r20_4_theDutyLogBooksACallerInTheSameStepOrStoresNothingAndItsLedgersExportLikePaper() throws Exception {
        String staff = accounts.create(Role.STAFF, r.site());
        fixture.halls().signIn(staff);
        ConsultationForm bad = new ConsultationForm(UUID.randomUUID(), r.window1(), "吴秀兰", "13807376666", r.business(),
                "想办营业执照，问要带什么", "告知所需材料", Outcome.BOOKED, "", slot("10:00"), DocumentType.ID_CARD, "123");
        assertThatThrownBy(() -> duty.log(r.site(), bad)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.problems()).containsKey("docNo"));
        assertThat(jdbc.sql("SELECT count(*) FROM consultations WHERE site_id = :s").param("s", r.site()).query(Integer.class).single()).isZero();
        String id = Fixture.idNumber();
        long call = duty.log(r.site(), new ConsultationForm(UUID.randomUUID(), r.window1(), "吴秀兰", "13807376666", r.business(),
                "想办营业执照，问要带什么", "告知所需材料", Outcome.BOOKED, "", slot("10:00"), DocumentType.ID_CARD, id));
        Duty.Consultation logged = duty.consultation(r.site(), call);
        assertThat(logged.phoneMasked()).isEqualTo("138****6666");
        Bookings.Booking booking = bookings.find(r.site(), logged.bookingCode()).orElseThrow();
        assertThat(booking.channel()).isEqualTo(Channel.PHONE);
        assertThat(booking.name()).isEqualTo("吴秀兰");
        duty.log(r.site(), new ConsultationForm(UUID.randomUUID(), null, "", "0737-4221234", null, "问大厅什么时候开",
                "推迟至下周一", Outcome.CALL_BACK, "开放日期定了回电", null, null, null));
        assertThat(duty.openFollowUps(r.site())).hasSize(1);
        assertThat(duty.search(r.site(), new Duty.Filter(clock.instant().atZone(Fixture.ZONE).toLocalDate(),
                clock.instant().atZone(Fixture.ZONE).toLocalDate(), null, null, "13807376666"), 10)).hasSize(1);

        duty.addPost(r.site(), new RosterForm(r.monday(), r.window1(), "", r.hall().staffIds().get(4), "上午"));
        duty.addPost(r.site(), new RosterForm(r.monday(), r.window1(), "", r.hall().staffIds().get(4), "上午"));
        assertThat(duty.roster(r.site(), r.monday(), r.monday())).hasSize(1);
        var user = fixture.halls().signIn(staff);
        byte[] xlsx = mvc.perform(get("/duty/roster/export.xlsx").param("from", r.monday().toString())
                .param("to", r.monday().plusDays(6).toString()).with(user(user))).andReturn().getResponse().getContentAsByteArray();
        try (var book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(book.getSheetAt(0).getRow(4).getCell(3).getStringCellValue()).isEqualTo("周明");
            org.hallsafe.platform.PaperLedgers.assertLikePaper(book.getSheetAt(0), "测试大厅", "值班表", "测试STAFF");
            org.hallsafe.platform.PaperLedgers.assertDates(book.getSheetAt(0), 0);
        }
        // r20_4: the phone log too, who took each call by name
        byte[] callsXlsx = mvc.perform(get("/duty/calls/export.xlsx").with(user(user))).andReturn().getResponse()
                .getContentAsByteArray();
        try (var book = org.hallsafe.platform.PaperLedgers.read(callsXlsx)) {
            var sheet = book.getSheetAt(0);
            org.hallsafe.platform.PaperLedgers.assertLikePaper(sheet, "测试大厅", "来电记录", "测试STAFF");
            org.hallsafe.platform.PaperLedgers.assertDates(sheet, 0);
            assertThat(org.hallsafe.platform.PaperLedgers.texts(sheet, 1)).contains("测试STAFF").doesNotContain(staff);
        }
        String calls = mvc.perform(get("/duty/calls").param("outcome", "BOOKED").with(user(user))).andReturn()
                .getResponse().getContentAsString();
        assertThat(calls).contains("吴秀兰").contains(booking.code()).doesNotContain("问大厅什么时候开");
    }

    @Test
    void rSvc3_theFiguresCountBookingsByChannelAndNoShows() throws Exception {
        web(r.business(), slot("09:00"), Fixture.idNumber());
        web(r.business(), slot("09:30"), Fixture.idNumber());
        fixture.at(r.monday(), "12:00");
        queue.markNoShows();
        var user = fixture.halls().signIn(r.hall().leader());
        String page = mvc.perform(get("/appointments/figures").param("from", r.monday().toString())
                .param("to", r.monday().toString()).with(user(user))).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"total-bookings\">2<").contains("id=\"no-show-rate\">100%<");
    }
}
