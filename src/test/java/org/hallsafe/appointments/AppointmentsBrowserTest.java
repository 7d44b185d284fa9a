package org.hallsafe.appointments;

import java.time.Duration;
import java.time.Instant;

import org.hallsafe.Browser;
import org.hallsafe.BrowserTest;
import org.hallsafe.HallSafeTest;
import org.hallsafe.TestAccounts;
import org.hallsafe.appointments.AppointmentForms.Channel;
import org.hallsafe.appointments.AppointmentForms.Status;
import org.hallsafe.platform.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;

/** R-SVC-2, R-SVC-3 as people do it: a citizen books on a phone, the duty desk books a caller, the gate checks in. */
@HallSafeTest
@BrowserTest
class AppointmentsBrowserTest {

    @LocalServerPort int port;
    @Autowired Fixture fixture;
    @Autowired Bookings bookings;
    @Autowired TestAccounts accounts;
    @Autowired JdbcClient jdbc;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aCitizenBooksOnAPhoneInUnderAMinuteAndGetsACodeAndQrCode() throws Exception {
        Fixture.Ready r = fixture.create(4, 40);
        SecurityContextHolder.clearContext();
        try (Browser phone = new Browser(port)) {
            phone.asPhone();
            Instant start = Instant.now();
            phone.open("/appointments/book?hall=" + r.code());
            phone.screenshot("appointments-book-items");
            phone.click(By.id("book-" + r.business()));
            long slot = fixture.slot(r, r.window1(), "09:00");
            phone.screenshot("appointments-book-slots");
            phone.click(By.id("slot-" + slot));
            phone.type(By.id("name"), "黄丽");
            phone.type(By.id("docNo"), "43090219900101002");
            phone.type(By.id("phone"), "13807370088");
            phone.click(By.id("book-confirm"));
            assertThat(phone.text(By.cssSelector(".invalid-feedback"))).as("a wrong ID number is said beside it").contains("位");
            assertThat(phone.driver().findElement(By.id("name")).getAttribute("value")).isEqualTo("黄丽");
            phone.screenshot("appointments-book-error");
            phone.type(By.id("docNo"), "430902199001010028");
            phone.click(By.id("consent"));
            phone.click(By.id("book-confirm"));
            String shown = phone.text(By.id("booking-code"));
            Duration took = Duration.between(start, Instant.now());
            assertThat(shown).as("8 characters in two groups, issue 12").matches("[2-9A-Z]{4} [2-9A-Z]{4}");
            String code = shown.replace(" ", "");
            assertThat(took).as("booked in under a minute").isLessThan(Duration.ofMinutes(1));
            assertThat(phone.text(By.tagName("main"))).contains("企业开办（设立登记）").contains("1号窗口").contains("09:00")
                    .contains("营业执照申请书").contains("黄*");
            phone.waitFor(d -> (Boolean) ((JavascriptExecutor) d).executeScript(
                    "var i = document.querySelector('main img'); return i.complete && i.naturalWidth > 0;"));
            phone.screenshot("appointments-booked");
            phone.click(By.linkText("查询、取消或改约"));
            phone.type(By.id("manage-phone"), "13807370088");
            phone.click(By.cssSelector("#manage-phone ~ * , form button[type=submit]"));
            assertThat(phone.text(By.id("my-booking"))).contains(shown).contains("已预约");
            phone.screenshot("appointments-manage");
            Bookings.Booking b = bookings.find(r.site(), code).orElseThrow();
            assertThat(b.channel()).isEqualTo(Channel.WEB);
            assertThat(b.status()).isEqualTo(Status.BOOKED);
        }
    }

    @Test
    void theDutyDeskLogsACallAndBooksTheCallerThenTheGateChecksThemInWithOneScan() throws Exception {
        Fixture.Ready r = fixture.create(4, 40);
        String staff = accounts.create(Role.STAFF, r.site());
        SecurityContextHolder.clearContext();
        long slot = fixture.slot(r, r.window5(), "10:00");
        try (Browser desk = new Browser(port)) {
            desk.signIn(staff, TestAccounts.PASSWORD);
            desk.open("/duty");
            desk.click(By.id("new-call"));
            desk.type(By.id("phone"), "13807376688");
            desk.type(By.id("callerName"), "杨秀英");
            new Select(desk.driver().findElement(By.id("itemId"))).selectByValue(String.valueOf(r.socialCard()));
            desk.type(By.id("matter"), "社保卡丢了，老人不会用手机，问怎么补");
            desk.type(By.id("answer"), "带身份证到5号窗口补办，已代为预约");
            desk.click(By.cssSelector("label[for=outcome-BOOKED]"));
            desk.click(By.cssSelector("label[for=slot-" + slot + "]"));
            desk.type(By.id("docNo"), "430921195205060044");
            desk.screenshot("duty-call-booking");
            desk.click(By.id("save-call"));
            assertThat(desk.text(By.cssSelector(".alert-success"))).contains("来电已记录");
            String today = desk.text(By.tagName("main"));
            assertThat(today).contains("当场预约").contains("杨秀英").contains("138****6688");
            desk.screenshot("duty-today");
            desk.open("/duty/calls");
            assertThat(desk.text(By.id("calls"))).contains("杨秀英").contains("当场预约");
            desk.screenshot("duty-calls");
        }
        String code = jdbc.sql("SELECT code FROM bookings WHERE site_id = :s").param("s", r.site()).query(String.class).single();
        Bookings.Booking b = bookings.find(r.site(), code).orElseThrow();
        assertThat(b.channel()).isEqualTo(Channel.PHONE);

        fixture.at(r.monday(), "09:40");
        try (Browser gate = new Browser(port)) {
            gate.asPhone();
            gate.signIn(r.hall().screener(), TestAccounts.PASSWORD);
            gate.open("/screening/gate");
            gate.driver().findElement(By.id("bookingCode")).sendKeys(code.toLowerCase() + Keys.ENTER);
            gate.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("booking-card"), "杨*"));
            assertThat(gate.text(By.id("booking-card"))).contains("社保卡补换").contains("10:00").contains("5号窗口");
            gate.click(By.cssSelector("label[for=mask-DISPOSABLE_MEDICAL]"));
            gate.type(By.id("temperature"), "36.6");
            gate.click(By.cssSelector("label[for=noSymptoms]"));
            gate.screenshot("gate-booking-scanned");
            gate.click(By.id("record"));
            gate.screenshot("gate-booking-checked-in");
            assertThat(gate.text(By.id("decision"))).isEqualTo("准入");
            assertThat(gate.text(By.id("result"))).contains("杨秀英");
        }
        assertThat(bookings.find(r.site(), code).orElseThrow().status()).isEqualTo(Status.ARRIVED);
    }

    @Test
    void theOfficeSeesTheSlotGridTheRulesAndTheFiguresAndTheWindowCallsTheNextPerson() throws Exception {
        Fixture.Ready r = fixture.create(4, 40);
        Bookings.Booking b = bookings.book(r.site(), Fixture.form(r.business(), fixture.slot(r, r.window1(), "09:00"), "何建华",
                Fixture.idNumber(), "13807370123", Channel.WEB));
        bookings.book(r.site(), Fixture.form(r.socialCard(), fixture.slot(r, r.window5(), "09:00"), "罗芳",
                Fixture.idNumber(), "13807370124", Channel.WECHAT));
        SecurityContextHolder.clearContext();
        fixture.at(r.monday(), "08:55");
        jdbc.sql("UPDATE bookings SET status = 'ARRIVED', arrived_at = now() WHERE id = :id").param("id", b.id()).update();
        try (Browser office = new Browser(port)) {
            office.signIn(r.hall().officeDirector(), TestAccounts.PASSWORD);
            office.open("/appointments/slots?day=" + r.monday());
            assertThat(office.text(By.id("slot-grid"))).contains("09:00").contains("1 /");
            office.screenshot("appointments-slots");
            office.open("/appointments/calendar");
            office.screenshot("appointments-calendar");
            office.open("/appointments/figures?from=" + r.monday() + "&to=" + r.monday().plusDays(1));
            office.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#chart-channels canvas")));
            assertThat(office.text(By.id("total-bookings"))).isEqualTo("2");
            office.screenshot("appointments-figures");
            office.open("/appointments?window=" + r.window1());
            assertThat(office.text(By.id("day-list"))).contains("何建华").contains("已到场");
            office.click(By.cssSelector("form[action$='/next'] button"));
            assertThat(office.text(By.cssSelector(".alert-success"))).contains(b.code());
            assertThat(office.text(By.id("day-list"))).contains("已叫号");
            office.screenshot("appointments-window");
            office.open("/duty/roster");
            office.screenshot("duty-roster");
            office.open("/appointments/desk?item=" + r.socialCard());
            office.screenshot("appointments-desk");
        }
    }
}
