package org.hallsafe.accountability;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.hallsafe.Browser;
import org.hallsafe.BrowserTest;
import org.hallsafe.HallSafeTest;
import org.hallsafe.MutableClock;
import org.hallsafe.TestAccounts;
import org.hallsafe.TestHall;
import org.hallsafe.hygiene.Hygiene;
import org.hallsafe.hygiene.HygieneForms.DisinfectionForm;
import org.hallsafe.hygiene.HygieneForms.Method;
import org.hallsafe.hygiene.HygieneForms.ZoneForm;
import org.hallsafe.hygiene.HygieneForms.ZoneType;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16 item 1 as a leader does it: signed in on a 390 px phone, the home page is the overview, two tiles a row,
 * each a number with its colour and word and a small trend; the overdue zones' tile opens the hygiene report naming
 * the zone. The desk and the big screen are photographed too.
 */
@HallSafeTest
@BrowserTest
class Issue16OverviewBrowserTest {

    @LocalServerPort int port;
    @Autowired TestHall halls;
    @Autowired MutableClock clock;
    @Autowired Hygiene hygiene;

    @Test
    void r16_1_aLeaderOnAPhoneReadsTheOverviewAndOpensTheOverdueTile() throws Exception {
        LocalDate monday = LocalDate.now(clock).plusWeeks(4).with(DayOfWeek.MONDAY);
        clock.set(monday.atTime(LocalTime.of(10, 0)).atZone(ZoneId.of("Asia/Shanghai")).toInstant());
        TestHall.Hall hall = halls.create();
        halls.signIn(hall.screener());
        long done = hygiene.saveZone(hall.siteId(), null, new ZoneForm("一楼等候区", ZoneType.WAITING, hall.sectionId(),
                List.of(Method.MOP_84), 500, 240, null));
        hygiene.saveZone(hall.siteId(), null, new ZoneForm("二楼卫生间", ZoneType.TOILET, hall.sectionId(),
                List.of(Method.MOP_84), 500, 240, null));
        hygiene.disinfect(hall.siteId(), new DisinfectionForm(UUID.randomUUID(), done, Method.MOP_84, 500, "陈保洁", null),
                null, null);
        SecurityContextHolder.clearContext();

        try (Browser phone = new Browser(port)) {
            phone.asPhone();
            phone.signIn(hall.leader(), TestAccounts.PASSWORD);
            phone.open("/");
            phone.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".tile-trend canvas")));
            assertThat(phone.driver().getCurrentUrl()).endsWith("/overview");

            WebElement overdue = phone.driver().findElement(By.id("tile-figure.hygiene.overdue"));
            assertThat(overdue.getAttribute("class")).contains("level-ALERT");
            assertThat(overdue.getText()).contains("区域消毒超时").contains("1").contains("需处理");
            WebElement refused = phone.driver().findElement(By.id("tile-figure.screening.refused"));
            assertThat(refused.getText()).contains("入口劝返").contains("0").contains("正常");

            // two tiles a row on the phone, nothing wider than the screen
            List<WebElement> tiles = phone.driver().findElements(By.cssSelector(".overview-tile"));
            assertThat(tiles.size()).isGreaterThanOrEqualTo(12);
            assertThat(tiles.get(0).getLocation().getY()).isEqualTo(tiles.get(1).getLocation().getY());
            assertThat(tiles.get(2).getLocation().getY()).isGreaterThan(tiles.get(0).getLocation().getY());
            assertThat(tiles.get(0).getSize().getWidth()).isBetween(150, 195);
            Object scrollWidth = ((JavascriptExecutor) phone.driver())
                    .executeScript("return document.documentElement.scrollWidth;");
            assertThat(((Number) scrollWidth).intValue()).isLessThanOrEqualTo(390);
            assertThat(phone.driver().findElements(By.cssSelector(".tile-trend canvas"))).hasSizeGreaterThanOrEqualTo(tiles.size());
            phone.screenshot("overview-phone");

            phone.click(By.id("tile-figure.hygiene.overdue"));
            phone.waitFor(ExpectedConditions.urlContains("/hygiene/report"));
            assertThat(phone.driver().getCurrentUrl()).contains("day=" + monday);
            assertThat(phone.driver().findElement(By.tagName("main")).getText()).contains("二楼卫生间");
            phone.screenshot("overview-phone-opened-overdue");
            assertThat(phone.console()).noneMatch(line -> line.contains("Content Security Policy"));

            phone.driver().manage().window().setSize(new Dimension(1280, 900));
            phone.open("/overview");
            phone.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".tile-trend canvas")));
            List<WebElement> desk = phone.driver().findElements(By.cssSelector(".overview-tile"));
            assertThat(desk.get(0).getLocation().getY()).isEqualTo(desk.get(3).getLocation().getY());
            phone.screenshot("overview-desk");

            phone.driver().manage().window().setSize(new Dimension(1920, 1080));
            phone.open("/overview?layout=screen");
            phone.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".tile-trend canvas")));
            List<WebElement> screen = phone.driver().findElements(By.cssSelector(".overview-tile"));
            assertThat(screen.get(0).getLocation().getY()).isEqualTo(screen.get(4).getLocation().getY());
            phone.screenshot("overview-screen");
            assertThat(phone.console()).noneMatch(line -> line.contains("Content Security Policy"));
        }
    }
}
