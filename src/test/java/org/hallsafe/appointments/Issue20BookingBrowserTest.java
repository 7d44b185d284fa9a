package org.hallsafe.appointments;

import java.util.List;

import org.hallsafe.Browser;
import org.hallsafe.BrowserTest;
import org.hallsafe.HallSafeTest;
import org.hallsafe.appointments.AppointmentForms.GenerateForm;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 20, item 5, as a citizen does it in WeChat's browser (360 px): the hall at the top, a day tapped on the date
 * strip, the booking refused without the consent tick (the message beside it, what was typed kept) and made with it,
 * "我的预约" with phone and SMS code, and the language switch. Screenshots at 360 px and on a desk.
 */
@HallSafeTest
@BrowserTest
class Issue20BookingBrowserTest {

    @LocalServerPort int port;
    @Autowired Fixture fixture;
    @Autowired Slots slots;
    @Autowired SmsChallenges challenges;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void r20_5_aCitizenBooksAt360PxWithTheDateStripTheConsentMyBookingsAndTheLanguageSwitch() throws Exception {
        Fixture.Ready r = fixture.create(4, 40);
        slots.generate(r.site(), new GenerateForm(r.monday().plusDays(1), r.monday().plusDays(2),
                List.of(r.window1(), r.window5()), 4, 40, null));
        SecurityContextHolder.clearContext();
        String tuesday = r.monday().plusDays(1).toString();
        try (Browser phone = new Browser(port)) {
            phone.driver().manage().window().setSize(new Dimension(360, 740));
            phone.open("/appointments/book?hall=" + r.code());
            assertThat(phone.text(By.id("hall-head"))).isNotBlank();
            assertThat(phone.driver().findElements(By.cssSelector("#hall-head .hall-mark"))).as("the plain mark").hasSize(1);
            phone.screenshot("r20-5-book-items-360");
            phone.click(By.id("book-" + r.business()));

            // the date strip: one row of chips, the first day with places chosen; a later day tapped
            List<WebElement> chips = phone.driver().findElements(By.cssSelector("#date-strip .day-chip"));
            assertThat(chips).hasSizeGreaterThanOrEqualTo(3);
            assertThat(chips.stream().map(c -> c.getLocation().getY()).distinct()).as("one row").hasSize(1);
            assertThat(phone.driver().findElement(By.id("day-" + r.monday())).getAttribute("class")).contains("active");
            assertThat(phone.text(By.id("day-" + r.monday()))).contains("周一");
            phone.screenshot("r20-5-date-strip-360");
            phone.click(By.id("day-" + tuesday));
            phone.waitFor(ExpectedConditions.urlContains("day=" + tuesday));
            assertThat(phone.driver().findElement(By.id("day-" + tuesday)).getAttribute("class")).contains("active");
            long slot = fixture.slot(r, r.window1(), "09:00");
            long tuesdaySlot = tuesdaySlot(r, tuesday);
            assertThat(phone.driver().findElements(By.id("slot-" + slot))).as("Monday's slots gone").isEmpty();

            // the language switch keeps the page (item and day) and is in sight on the phone
            WebElement english = phone.driver().findElement(By.linkText("English"));
            assertThat(english.isDisplayed()).isTrue();
            phone.click(By.linkText("English"));
            phone.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "Step 2"));
            assertThat(phone.driver().getCurrentUrl()).contains("item=" + r.business()).contains("day=" + tuesday);
            assertThat(phone.text(By.id("day-" + tuesday))).contains("Tue");
            phone.screenshot("r20-5-date-strip-en-360");
            phone.click(By.linkText("中文"));
            phone.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "第二步"));

            // without the consent tick: refused, the message beside it, what was typed kept
            phone.click(By.id("slot-" + tuesdaySlot));
            assertThat(phone.text(By.id("privacy-notice"))).contains("收集什么").contains("为什么要").contains("保存多久")
                    .contains("28 天").contains("谁能看到");
            phone.type(By.id("name"), "黄丽");
            phone.type(By.id("docNo"), "430902199001010028");
            phone.type(By.id("phone"), "13807370088");
            phone.click(By.id("book-confirm"));
            assertThat(phone.text(By.id("consent-problem"))).contains("请先勾选同意");
            assertThat(phone.driver().findElement(By.id("name")).getAttribute("value")).isEqualTo("黄丽");
            assertThat(phone.driver().findElement(By.id("docNo")).getAttribute("value")).isEqualTo("430902199001010028");
            WebElement tick = phone.driver().findElement(By.id("consent"));
            WebElement problem = phone.driver().findElement(By.id("consent-problem"));
            assertThat(Math.abs(problem.getLocation().getY() - tick.getLocation().getY())).as("beside the tick").isLessThan(160);
            phone.screenshot("r20-5-consent-refused-360");

            phone.click(By.id("consent"));
            phone.click(By.id("book-confirm"));
            String shown = phone.text(By.id("booking-code"));
            assertThat(phone.driver().findElements(By.tagName("h1"))).as("one <h1>").hasSize(1);
            assertThat(phone.text(By.id("booked-done"))).contains("不会收到短信").doesNotContain("短信已发送");
            phone.screenshot("r20-5-booked-360");

            // 我的预约: phone and SMS code; without a gateway the page says no code can come
            phone.open("/appointments/manage/mine?hall=" + r.code());
            phone.type(By.id("mine-phone"), "13807370088");
            phone.click(By.id("mine-send"));
            phone.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("mine-sms-state"), "本厅暂未开通短信"));
            String code = challenges.sendMine(r.site(), "13807370088");
            phone.type(By.id("mine-code"), code);
            phone.click(By.id("mine-open"));
            assertThat(phone.text(By.id("mine-list"))).contains(shown).contains("企业开办").contains("已预约");
            phone.screenshot("r20-5-my-bookings-360");
            phone.click(By.cssSelector("#mine-list button[id^=cancel-]"));
            phone.waitFor(ExpectedConditions.alertIsPresent()).accept();
            assertThat(phone.text(By.tagName("main"))).contains("已取消预约");
        }
        try (Browser desk = new Browser(port)) {
            desk.driver().manage().window().setSize(new Dimension(1366, 900));
            desk.open("/appointments/book/slots?hall=" + r.code() + "&item=" + r.business());
            desk.screenshot("r20-5-date-strip-desk");
            desk.click(By.cssSelector("a[id^=slot-]"));
            desk.screenshot("r20-5-form-desk");
        }
    }

    @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

    private long tuesdaySlot(Fixture.Ready r, String day) {
        return jdbc.sql("SELECT id FROM slots WHERE site_id = :site AND window_id = :w AND starts_at = :t")
                .param("site", r.site()).param("w", r.window1())
                .param("t", java.sql.Timestamp.from(fixture.time(java.time.LocalDate.parse(day), "09:00")))
                .query(Long.class).single();
    }
}
