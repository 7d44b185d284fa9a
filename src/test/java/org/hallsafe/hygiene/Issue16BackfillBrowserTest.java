package org.hallsafe.hygiene;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.hallsafe.Browser;
import org.hallsafe.BrowserTest;
import org.hallsafe.HallSafeTest;
import org.hallsafe.MutableClock;
import org.hallsafe.TestAccounts;
import org.hallsafe.TestHall;
import org.hallsafe.hygiene.HygieneForms.Method;
import org.hallsafe.hygiene.HygieneForms.ZoneForm;
import org.hallsafe.hygiene.HygieneForms.ZoneType;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16, item 6 as people meet it: the office writes up a disinfection from the paper sheet hours later on a phone;
 * without a reason the form says why beside the field and keeps what was typed; with one, the coverage page shows the
 * disinfection marked 补录 with its reason, on a phone and on a desk.
 */
@HallSafeTest
@BrowserTest
class Issue16BackfillBrowserTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @LocalServerPort int port;
    @Autowired TestHall halls;
    @Autowired Hygiene hygiene;
    @Autowired MutableClock clock;

    @Test
    void r16_6_rReq3_aBackfilledDisinfectionShowsItsMarkOnTheCoverage() throws Exception {
        LocalDate today = LocalDate.now(clock);
        clock.set(today.atTime(15, 0).atZone(ZONE).toInstant());
        TestHall.Hall hall = halls.create();
        halls.signIn(hall.admin());
        long zone = hygiene.saveZone(hall.siteId(), null, new ZoneForm("一楼卫生间", ZoneType.TOILET, hall.sectionId(),
                List.of(Method.MOP_84, Method.SPRAY), 500, 240, null));
        SecurityContextHolder.clearContext();
        try (Browser phone = new Browser(port); Browser desk = new Browser(port)) {
            phone.asPhone();
            phone.signIn(hall.officeDirector(), TestAccounts.PASSWORD);
            phone.open("/hygiene/record?zone=" + zone);
            ((JavascriptExecutor) phone.driver()).executeScript(
                    "document.getElementById('doneAt').value = arguments[0];", today + "T10:00");
            phone.click(By.id("save"));
            assertThat(phone.text(By.cssSelector("#backfillReason + .invalid-feedback, .invalid-feedback")))
                    .contains("超过规定时限的补录，请写明原因");
            assertThat(phone.driver().findElement(By.id("doneAt")).getAttribute("value")).startsWith(today + "T10:00");
            ((JavascriptExecutor) phone.driver()).executeScript(
                    "document.getElementById('backfillReason').scrollIntoView({block: 'center'});");
            phone.screenshot("issue16-backfill-reason-phone");
            phone.type(By.id("backfillReason"), "上午停电，保洁员记在纸上");
            phone.click(By.id("save"));
            assertThat(phone.text(By.id("recorded"))).contains("一楼卫生间");

            phone.open("/hygiene/coverage");
            By mark = By.cssSelector("#zone-" + zone + " .backfilled");
            assertThat(phone.text(mark)).contains("10:00").contains("补录");
            assertThat(phone.driver().findElement(mark).getAttribute("title")).isEqualTo("补录：上午停电，保洁员记在纸上");
            phone.screenshot("issue16-backfill-coverage-phone");

            desk.signIn(hall.leader(), TestAccounts.PASSWORD);
            desk.open("/hygiene/report");
            assertThat(desk.text(By.cssSelector("#report-table .backfilled"))).isEqualTo("补录");
            assertThat(desk.text(By.cssSelector(".alert-danger"))).as("a back-fill does not clear the day silently")
                    .contains("一楼卫生间（仅有补录）");
            desk.screenshot("issue16-backfill-report-desk");
        }
    }
}
