package org.hallsafe.display;

import java.time.Duration;
import java.util.List;

import org.hallsafe.Browser;
import org.hallsafe.BrowserTest;
import org.hallsafe.HallSafeTest;
import org.hallsafe.TestAccounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 15, items 4 and 5, as the hall sees them: the screen at 1920 × 1080, a window's call on the call display. */
@HallSafeTest
@BrowserTest
class Issue15DisplayBrowserTest {

    @LocalServerPort int port;
    @Autowired DisplayHall halls;
    @Autowired ScreenKeys keys;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    /** A TV: the page's viewport is exactly 1920 × 1080. */
    static void asTv(Browser b) {
        b.driver().manage().window().setSize(new Dimension(1920, 1080));
        JavascriptExecutor js = (JavascriptExecutor) b.driver();
        long w = (Long) js.executeScript("return window.innerWidth");
        long h = (Long) js.executeScript("return window.innerHeight");
        b.driver().manage().window().setSize(new Dimension(1920 + (int) (1920 - w), 1080 + (int) (1080 - h)));
    }

    static Object js(Browser b, String script) {
        return ((JavascriptExecutor) b.driver()).executeScript(script);
    }

    @Test
    void r15_4_theScreenShowsNoticesAndLiveFiguresAt1920x1080AndUpdatesWithoutReloading() throws Exception {
        DisplayHall.Ready r = halls.create();
        try (Browser tv = new Browser(port)) {
            tv.open(r.screen());
            asTv(tv);
            tv.open(r.screen());
            assertThat(js(tv, "return window.innerWidth + 'x' + window.innerHeight")).isEqualTo("1920x1080");
            assertThat(tv.text(By.cssSelector(".notice.shown h2"))).isEqualTo("七步洗手法");
            assertThat(tv.text(By.cssSelector(".notice.shown .notice-kind"))).isEqualTo("防控知识");
            assertThat(tv.driver().getPageSource()).as("every word from the bundles").doesNotContain("??");
            assertThat(tv.text(By.cssSelector(".notice.shown .notice-body strong"))).contains("内、外、夹");
            assertThat(tv.text(By.id("fig-waiting"))).contains("1 号窗口").contains("3 号窗口");
            assertThat(tv.text(By.id("fig-next-free"))).contains("企业开办").contains("今天");
            assertThat(tv.text(By.id("link-state"))).isEqualTo("实时更新中");
            tv.waitFor(d -> js(tv, "return document.getElementById('clock').textContent").toString().matches(
                    "\\d{4}-\\d\\d-\\d\\d \\S+ \\d\\d:\\d\\d:\\d\\d"));
            assertThat(js(tv, "return document.documentElement.scrollWidth")).as("nothing runs off the screen").isEqualTo(1920L);
            assertThat(js(tv, "return document.documentElement.scrollHeight")).isEqualTo(1080L);
            assertThat(js(tv, "return parseFloat(getComputedStyle(document.querySelector('.notice-body')).fontSize)"))
                    .as("readable from 10 m").isEqualTo(48L);
            String before = tv.text(By.id("fig-screened"));
            halls.screenAtTheGate(r, r.first(), r.people().get(0));
            tv.waitFor(ExpectedConditions.not(ExpectedConditions.textToBe(By.id("fig-screened"), before)));
            assertThat(tv.text(By.id("fig-screened"))).isEqualTo("1 人");
            tv.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("fig-waiting"), "1 人"));
            tv.screenshot("screen-1920x1080");
            assertThat(tv.console()).noneMatch(l -> l.contains("Content Security Policy") || l.contains("SEVERE") && !l.contains("favicon"));
        }
    }

    @Test
    void r15_5_aWindowCallsTheNextPersonAndTheCallDisplayAndTheCitizensPhoneShowItWithinTwoSeconds() throws Exception {
        DisplayHall.Ready r = halls.create();
        halls.screenAtTheGate(r, r.second(), r.people().get(1));
        try (Browser tv = new Browser(port); Browser window = new Browser(port); Browser phone = new Browser(port)) {
            tv.open(r.calls());
            asTv(tv);
            tv.open(r.calls());
            assertThat(tv.text(By.cssSelector(".call-empty"))).isEqualTo("请留意叫号");
            tv.waitFor(d -> "实时更新中".equals(js(tv, "return document.getElementById('link-state').textContent")));

            phone.asPhone();
            phone.open("/appointments/manage?hall=" + r.code() + "&code=" + r.second().code());
            phone.type(By.id("manage-phone"), r.people().get(1).phone());
            phone.click(By.cssSelector("form button[type=submit]"));
            assertThat(phone.text(By.id("call-status"))).contains("叫号后");

            window.signIn(r.hall().officeDirector(), TestAccounts.PASSWORD);
            window.open("/appointments?window=" + r.window3());
            window.click(By.cssSelector("form[action$='/next'] button"));
            long pressed = System.nanoTime();
            tv.waitFor(ExpectedConditions.textToBe(By.id("call-code"), r.second().displayCode()));
            long shown = (System.nanoTime() - pressed) / 1_000_000;
            System.out.printf("r15_5 press to call display: %d ms%n", shown);
            assertThat(shown).as("the call is on the screen within 2 s").isLessThan(2000);
            assertThat(tv.text(By.id("call-window"))).isEqualTo("请到 3 号窗口");
            assertThat(tv.text(By.id("call-list"))).contains(r.second().displayCode()).contains("3 号窗口");
            assertThat(js(tv, "return document.body.getAttribute('data-last-call')")).as("announced: chime, then speech")
                    .isNotNull();
            tv.screenshot("screen-calls-1920x1080");
            phone.waitFor(ExpectedConditions.textToBe(By.id("call-status"), "请到 3 号窗口"));
            phone.screenshot("appointments-manage-called-phone");
            for (Browser b : List.of(tv, phone)) {
                assertThat(b.console()).noneMatch(l -> l.contains("Content Security Policy"));
            }
        }
    }

    @Test
    void r15_4_theAdminMakesAKeyTheTvOpensItsAddressAndRevokingStopsTheOpenScreen() throws Exception {
        DisplayHall.Ready r = halls.create();
        try (Browser admin = new Browser(port); Browser tv = new Browser(port)) {
            admin.signIn(r.hall().admin(), TestAccounts.PASSWORD);
            admin.open("/admin/screens");
            admin.type(By.id("name"), "二楼叫号屏");
            admin.click(By.id("create-key"));
            String address = admin.driver().findElement(By.id("screen-url")).getAttribute("value");
            assertThat(admin.text(By.id("key-created"))).contains("二楼叫号屏").contains("只显示这一次");
            admin.screenshot("admin-screen-keys");
            tv.driver().get(address);
            tv.waitFor(d -> "实时更新中".equals(js(tv, "return document.getElementById('link-state').textContent")));
            assertThat(tv.driver().getPageSource()).contains("七步洗手法");
            admin.open("/admin/screens");
            long id = keys.list(r.site()).stream().filter(k -> k.name().equals("二楼叫号屏")).findFirst().orElseThrow().id();
            admin.click(By.id("revoke-" + id));
            admin.driver().switchTo().alert().accept();
            assertThat(admin.text(By.cssSelector(".alert-success"))).contains("已停用");
            // the stream ends, the reconnect is refused, the page reloads into the refusal
            new org.openqa.selenium.support.ui.WebDriverWait(tv.driver(), Duration.ofSeconds(10))
                    .until(d -> !d.getPageSource().contains("七步洗手法"));
            assertThat(tv.driver().getPageSource()).doesNotContain("综合受理");
            tv.screenshot("screen-revoked");
            assertThat(keys.open(r.site(), r.key())).as("the hall's other key still works").isPresent();
        }
    }
}
