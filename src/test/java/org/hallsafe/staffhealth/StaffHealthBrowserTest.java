package org.hallsafe.staffhealth;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

import org.hallsafe.Browser;
import org.hallsafe.BrowserTest;
import org.hallsafe.HallSafeTest;
import org.hallsafe.MutableClock;
import org.hallsafe.TestAccounts;
import org.hallsafe.TestHall;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** R-MON-1..3 as people do it: a reading recorded on a phone; a late check appearing on the head's board by itself. */
@HallSafeTest
@BrowserTest
class StaffHealthBrowserTest {

    @LocalServerPort int port;
    @Autowired TestHall halls;
    @Autowired MutableClock clock;
    @Autowired Reminders reminders;

    @Test
    void rMon3_aStaffMemberRecordsOnAPhoneAndTheHeadSeesALateCheckAppearWithoutReloading() throws Exception {
        LocalDate monday = LocalDate.now(clock).plusWeeks(2).with(java.time.DayOfWeek.MONDAY);
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        clock.set(monday.atTime(LocalTime.of(10, 20)).atZone(zone).toInstant());
        TestHall.Hall hall = halls.create();
        long late = hall.staffIds().get(4);
        try (Browser head = new Browser(port); Browser phone = new Browser(port)) {
            head.signIn(hall.leader(), TestAccounts.PASSWORD);
            head.open("/staffhealth");
            assertThat(head.text(By.id("board-table"))).contains("周明").contains("赵志强");
            ((JavascriptExecutor) head.driver()).executeScript("window.notReloaded = true;");

            phone.asPhone();
            phone.signIn(hall.screener(), TestAccounts.PASSWORD);
            phone.open("/staffhealth/me");
            phone.screenshot("staffhealth-me-phone");
            phone.type(By.id("temperature"), "36.5");
            phone.click(By.cssSelector("label[for=noSymptoms]"));
            phone.click(By.id("record"));
            assertThat(phone.text(By.id("recorded"))).isEqualTo("已记录：36.5 °C");
            assertThat(phone.text(By.id("my-day"))).contains("10:30 工作中 按时");
            phone.screenshot("staffhealth-me-recorded");

            clock.set(monday.atTime(LocalTime.of(10, 50)).atZone(zone).toInstant());
            reminders.remind();
            head.waitFor(ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("#staff-" + late + " .slot[data-status=LATE]")));
            assertThat(((JavascriptExecutor) head.driver()).executeScript("return window.notReloaded === true;"))
                    .as("the late check arrived without a reload").isEqualTo(true);
            assertThat(head.text(By.id("staff-" + late))).contains("10:30 工作中 超时");
            assertThat(head.text(By.id("staff-" + hall.staffIds().get(3)))).contains("10:30 工作中 按时");
            head.screenshot("staffhealth-board");
        }
    }
}
