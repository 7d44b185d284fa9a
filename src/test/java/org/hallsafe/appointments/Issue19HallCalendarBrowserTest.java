package org.hallsafe.appointments;

import java.time.LocalDate;
import java.util.List;

import org.hallsafe.Browser;
import org.hallsafe.BrowserTest;
import org.hallsafe.HallSafeTest;
import org.hallsafe.TestAccounts;
import org.hallsafe.appointments.AppointmentForms.GenerateForm;
import org.hallsafe.organization.HallCalendar;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 19, item 7 as the office does it: a holiday and a 调休 Saturday entered on a phone, then the slots follow. */
@HallSafeTest
@BrowserTest
class Issue19HallCalendarBrowserTest {

    @LocalServerPort int port;
    @Autowired Fixture fixture;
    @Autowired Slots slots;
    @Autowired HallCalendar calendar;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private static void day(Browser b, LocalDate day) {
        ((JavascriptExecutor) b.driver()).executeScript(
                "document.querySelector('#day-form input[name=day]').value = arguments[0];", day.toString());
    }

    @Test
    void r19_7_theOfficeEntersAHolidayAndATiaoxiuSaturdayOnAPhoneAndTheCalendarFollows() throws Exception {
        Fixture.Ready r = fixture.create(4, 40);
        SecurityContextHolder.clearContext();
        LocalDate tuesday = r.monday().plusDays(1);
        LocalDate saturday = r.monday().plusDays(5);
        try (Browser phone = new Browser(port)) {
            phone.asPhone();
            phone.signIn(r.hall().officeDirector(), TestAccounts.PASSWORD);
            phone.open("/appointments/calendar");
            day(phone, tuesday);
            new Select(phone.driver().findElement(By.cssSelector("#day-form select[name=open]"))).selectByValue("false");
            phone.type(By.cssSelector("#day-form input[name=note]"), "元旦");
            phone.click(By.cssSelector("#day-form button[type=submit]"));
            assertThat(phone.text(By.id("day-saved"))).contains("已保存");
            day(phone, saturday);
            new Select(phone.driver().findElement(By.cssSelector("#day-form select[name=open]"))).selectByValue("true");
            phone.type(By.cssSelector("#day-form input[name=note]"), "元旦调休上班");
            phone.click(By.cssSelector("#day-form button[type=submit]"));
            String list = phone.text(By.cssSelector("#day-form + ul"));
            assertThat(list).contains("元旦", "休息", "元旦调休上班", "调休上班");
            ((JavascriptExecutor) phone.driver()).executeScript("document.getElementById('days').scrollIntoView({block: 'start', behavior: 'instant'});");
            phone.screenshot("r19-7-calendar-phone");
        }
        assertThat(calendar.isWorkingDay(r.site(), tuesday)).isFalse();
        assertThat(calendar.isWorkingDay(r.site(), saturday)).isTrue();
        fixture.halls().signIn(r.hall().admin());
        slots.generate(r.site(), new GenerateForm(tuesday, saturday, List.of(r.window1()), 4, 40, null));
        assertThat(slots.day(r.site(), tuesday)).isEmpty();
        assertThat(slots.day(r.site(), saturday)).isNotEmpty();

        try (Browser desk = new Browser(port)) {
            desk.signIn(r.hall().officeDirector(), TestAccounts.PASSWORD);
            desk.open("/appointments/calendar");
            day(desk, r.monday().plusDays(4));
            new Select(desk.driver().findElement(By.cssSelector("#day-form select[name=open]"))).selectByValue("true");
            desk.type(By.cssSelector("#day-form input[name=note]"), "下午停电检修");
            ((JavascriptExecutor) desk.driver()).executeScript(
                    "document.getElementById('day-opens').value = '12:00'; document.getElementById('day-closes').value = '08:30';");
            desk.click(By.cssSelector("#day-form button[type=submit]"));
            assertThat(desk.text(By.id("day-problem"))).contains("关门晚于开门");
            assertThat(desk.driver().findElement(By.cssSelector("#day-form input[name=note]")).getAttribute("value"))
                    .as("what was typed is kept").isEqualTo("下午停电检修");
            desk.screenshot("r19-7-calendar-desk-refused");
            ((JavascriptExecutor) desk.driver()).executeScript(
                    "document.getElementById('day-opens').value = '08:30'; document.getElementById('day-closes').value = '12:00';");
            desk.click(By.cssSelector("#day-form button[type=submit]"));
            assertThat(desk.text(By.id("day-saved"))).contains("已保存");
            assertThat(desk.text(By.cssSelector("#day-form + ul"))).contains("特殊时间", "下午停电检修", "08:30–12:00");
            ((JavascriptExecutor) desk.driver()).executeScript("document.getElementById('days').scrollIntoView({block: 'start', behavior: 'instant'});");
            desk.screenshot("r19-7-calendar-desk");
        }
        assertThat(calendar.hours(r.site(), r.monday().plusDays(4)).closes()).hasToString("12:00");
    }
}
