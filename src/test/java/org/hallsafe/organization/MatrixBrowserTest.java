package org.hallsafe.organization;

import java.time.LocalDate;
import java.util.List;

import org.hallsafe.Browser;
import org.hallsafe.BrowserTest;
import org.hallsafe.HallSafeTest;
import org.hallsafe.MutableClock;
import org.hallsafe.TestAccounts;
import org.hallsafe.TestHall;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 16 item 2: a leader reads the matrix on a phone and at a desk, picks a past day and opens a cell's records. */
@HallSafeTest
@BrowserTest
class MatrixBrowserTest {

    @LocalServerPort int port;
    @Autowired TestHall halls;
    @Autowired Directory directory;
    @Autowired StaffDirectory staff;
    @Autowired MutableClock clock;

    @Test
    void r16_2_aLeaderOnAPhoneScrollsTheMatrixPicksAPastDayAndOpensAWindowsStaff() throws Exception {
        TestHall.Hall hall = halls.create();
        halls.signIn(hall.admin());
        long personnel = directory.saveDepartment(hall.siteId(), null, new Forms.DepartmentForm(DepartmentKind.SECTION, "人事（财务）科", "", ""));
        long windows = directory.saveDepartment(hall.siteId(), null, new Forms.DepartmentForm(DepartmentKind.SECTION, "窗口管理科", "", ""));
        directory.saveDepartment(hall.siteId(), null, new Forms.DepartmentForm(DepartmentKind.SECTION, "政务服务管理科", "", ""));
        long social = directory.saveWindow(hall.siteId(), null, new Forms.WindowForm(1, "社保", "一楼", windows));
        directory.saveWindow(hall.siteId(), null, new Forms.WindowForm(2, "医保", "一楼", windows));
        directory.saveWindow(hall.siteId(), null, new Forms.WindowForm(3, "不动产", "二楼", personnel));
        staff.save(hall.siteId(), null, new Forms.StaffForm("孙小窗", "M" + System.nanoTime() % 100000, windows, social, "窗口人员", "139" + String.format("%08d", System.nanoTime() % 100000000), "", ""));
        LocalDate past = LocalDate.now(clock).minusDays(2);
        TestSectionFlags.put(hall.siteId(), past, List.of(new SectionFlags.Flag("measure.flags", personnel, "", "/staffhealth?dept=" + personnel)));
        SecurityContextHolder.clearContext();

        try (Browser browser = new Browser(port)) {
            browser.asPhone();
            browser.signIn(hall.leader(), TestAccounts.PASSWORD);
            browser.open("/org/measures");
            assertThat(browser.text(By.tagName("h1"))).startsWith("责任矩阵");
            assertThat(browser.text(By.cssSelector("tr[data-measure='R-ORG'] th.measure-col"))).contains("组织领导");
            JavascriptExecutor js = (JavascriptExecutor) browser.driver();
            Number pageWidth = (Number) js.executeScript("return document.documentElement.scrollWidth");
            assertThat(pageWidth.intValue()).as("the page itself does not scroll sideways").isLessThanOrEqualTo(390);
            browser.screenshot("r16-2-matrix-phone");

            // sideways inside its card: the measure column stays in place
            WebElement scroller = browser.driver().findElement(By.cssSelector(".matrix-scroll"));
            WebElement measure = browser.driver().findElement(By.cssSelector("tr[data-measure='R-MON'] th.measure-col"));
            long left = measure.getLocation().getX();
            js.executeScript("arguments[0].scrollLeft = 400", scroller);
            assertThat((Number) js.executeScript("return arguments[0].scrollLeft", scroller)).isNotEqualTo(0L);
            assertThat((long) measure.getLocation().getX()).as("the measure column is fixed").isEqualTo(left);
            browser.screenshot("r16-2-matrix-phone-scrolled");

            // the day picker: a past day, its flags beside the section
            js.executeScript("document.getElementById('day').value = arguments[0]", past.toString());
            browser.click(By.cssSelector("#day-picker button[type=submit]"));
            browser.waitFor(ExpectedConditions.urlContains("day=" + past));
            assertThat(browser.text(By.id("matrix-day"))).contains(String.valueOf(past.getDayOfMonth()));
            assertThat(browser.driver().findElements(By.cssSelector("#flags-row td[data-col='s" + personnel + "'] a"))).hasSize(1);

            // a window's cell opens its staff
            browser.click(By.cssSelector("tr[data-measure='R-ORG'] td[data-col='w" + social + "'] a.cell-link"));
            browser.waitFor(ExpectedConditions.urlContains("window=" + social));
            assertThat(browser.text(By.id("staff-table"))).contains("孙小窗");
            assertThat(browser.driver().findElements(By.cssSelector("#staff-table tbody tr"))).hasSize(1);
            browser.screenshot("r16-2-window-staff-phone");

            browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
            browser.open("/org/measures");
            browser.screenshot("r16-2-matrix-desk");
            Number deskWidth = (Number) js.executeScript("return document.querySelector('.matrix-scroll').scrollWidth"
                    + " - document.querySelector('.matrix-scroll').clientWidth");
            assertThat(deskWidth.intValue()).as("at a desk the whole matrix is seen at once").isLessThanOrEqualTo(0);
        }
    }
}
