package org.hallsafe.hygiene;

import java.util.List;

import org.hallsafe.Browser;
import org.hallsafe.BrowserTest;
import org.hallsafe.HallSafeTest;
import org.hallsafe.TestAccounts;
import org.hallsafe.TestHall;
import org.hallsafe.hygiene.HygieneForms.Method;
import org.hallsafe.hygiene.HygieneForms.ZoneForm;
import org.hallsafe.hygiene.HygieneForms.ZoneType;
import org.hallsafe.platform.Role;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;

/** R-DIS-1 as people do it: a cleaner records a disinfection in two taps; coverage turns the zone green by itself. */
@HallSafeTest
@BrowserTest
class HygieneBrowserTest {

    @LocalServerPort int port;
    @Autowired TestHall halls;
    @Autowired TestAccounts accounts;
    @Autowired Hygiene hygiene;

    @Test
    void aCleanerRecordsOnAPhoneAndTheCoverageTurnsTheZoneFromRedToGreen() throws Exception {
        TestHall.Hall hall = halls.create();
        halls.signIn(hall.admin());
        long zone = hygiene.saveZone(hall.siteId(), null, new ZoneForm("卫生间（一楼）", ZoneType.TOILET, hall.sectionId(),
                List.of(Method.MOP_84, Method.SPRAY), 500, 120, 60));
        SecurityContextHolder.clearContext();
        String cleaner = accounts.create(Role.STAFF, hall.siteId());
        try (Browser office = new Browser(port); Browser phone = new Browser(port)) {
            office.signIn(hall.leader(), TestAccounts.PASSWORD);
            office.open("/hygiene/coverage");
            By card = By.id("zone-" + zone);
            assertThat(office.driver().findElement(card).getAttribute("class")).contains("border-danger");
            assertThat(office.text(card)).contains("今天还没有消毒");
            ((JavascriptExecutor) office.driver()).executeScript("window.notReloaded = true;");
            office.screenshot("hygiene-coverage-red");

            phone.asPhone();
            phone.signIn(cleaner, TestAccounts.PASSWORD);
            phone.open("/hygiene");
            phone.screenshot("hygiene-due-phone");
            phone.click(By.id("due-" + zone));
            assertThat(phone.driver().findElement(By.id("concentration")).getAttribute("value")).isEqualTo("500");
            phone.click(By.id("save"));
            assertThat(phone.text(By.id("recorded"))).isEqualTo("已记录：卫生间（一楼） 已消毒");
            phone.screenshot("hygiene-recorded-phone");

            office.waitFor(ExpectedConditions.attributeContains(card, "class", "border-success"));
            assertThat(((JavascriptExecutor) office.driver()).executeScript("return window.notReloaded === true;"))
                    .as("turned green without a reload").isEqualTo(true);
            assertThat(office.text(card)).contains("已消毒").contains("84消毒液拖地");
            office.screenshot("hygiene-coverage-green");
        }
    }
}
