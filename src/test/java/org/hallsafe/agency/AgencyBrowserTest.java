package org.hallsafe.agency;

import java.util.UUID;

import org.hallsafe.Browser;
import org.hallsafe.BrowserTest;
import org.hallsafe.HallSafeTest;
import org.hallsafe.TestAccounts;
import org.hallsafe.agency.AgencyCases.Channel;
import org.hallsafe.agency.AgencyCases.Opening;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 14 (R-SVC-4) as people do it: a citizen applies on a phone and follows the case; the office sees the list. */
@BrowserTest
@HallSafeTest
class AgencyBrowserTest {

    @LocalServerPort int port;
    @Autowired CaseFixture fixture;
    @Autowired AgencyCases cases;
    @Autowired JdbcClient jdbc;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void r14_1_r14_6_rSvc4_aCitizenAppliesOnAPhoneKeepsTheCodeAndLooksTheCaseUp() throws Exception {
        CaseFixture.Ready r = fixture.create();
        SecurityContextHolder.clearContext();
        String phone = CaseFixture.phone();
        try (Browser browser = new Browser(port)) {
            browser.asPhone();
            browser.open("/agency/apply?hall=" + r.code());
            assertThat(browser.text(By.tagName("main"))).contains("企业开办（设立登记）").contains("社保卡补换").doesNotContain("发票代开");
            browser.screenshot("agency-apply-items-phone");
            browser.click(By.id("apply-" + r.business()));
            browser.type(By.id("applicant"), "黄丽");
            browser.type(By.id("phone"), "1380737");
            browser.type(By.id("address"), "湖南省岳阳市岳阳楼区巴陵中路 88 号 黄丽收");
            browser.click(By.id("apply-submit"));
            assertThat(browser.text(By.cssSelector("#phone ~ .invalid-feedback"))).contains("电话号码格式不对");
            assertThat(browser.driver().findElement(By.id("applicant")).getAttribute("value")).isEqualTo("黄丽");
            browser.type(By.id("phone"), phone);
            browser.type(By.id("company"), "岳阳市湘楚建材有限公司");
            browser.screenshot("agency-apply-form-phone");
            assertThat(noSidewaysScroll(browser)).as("the form fits a 390 px phone").isTrue();
            browser.click(By.id("apply-submit"));
            String code = browser.text(By.id("agency-code"));
            assertThat(code).matches("[2-9A-Z]{4} [2-9A-Z]{4}");
            assertThat(browser.text(By.tagName("main"))).contains("请记下件号");
            browser.screenshot("agency-applied-phone");
            assertThat(noSidewaysScroll(browser)).isTrue();

            browser.click(By.id("to-status"));
            browser.type(By.id("code"), code);
            browser.click(By.id("status-submit"));
            assertThat(browser.text(By.cssSelector("#status-phone ~ .invalid-feedback"))).as("code alone finds nothing")
                    .contains("此项必填");
            browser.type(By.id("code"), code.replace(" ", "").toLowerCase());
            browser.type(By.id("status-phone"), phone);
            browser.click(By.id("status-submit"));
            assertThat(browser.text(By.id("agency-status"))).contains("企业开办（设立登记）").contains("待收件")
                    .contains(code).contains("未受理");
            browser.screenshot("agency-status-phone");
            assertThat(noSidewaysScroll(browser)).isTrue();
        }
        assertThat(jdbc.sql("SELECT channel FROM agency_cases WHERE site_id = :s").param("s", r.site()).query(String.class)
                .list()).containsExactly("ONLINE");
    }

    @Test
    void r14_1_theOfficeSeesTheCasesAndSetsAnItemsTimeLimitOnTheDesk() throws Exception {
        CaseFixture.Ready r = fixture.create();
        SecurityContextHolder.clearContext();
        String[] names = {"张建国", "李秀英", "王海燕", "刘志强"};
        long last = 0;
        for (int i = 0; i < names.length; i++) {
            last = cases.open(r.site(), new Opening(UUID.randomUUID(), i % 2 == 0 ? r.business() : r.card(),
                    i % 2 == 0 ? Channel.ONLINE : Channel.WECHAT, names[i], i == 0 ? "岳阳市湘楚建材有限公司" : "",
                    CaseFixture.phone(), "湖南省岳阳市岳阳楼区巴陵中路 " + (i + 1) + " 号", "", null)).id();
        }
        jdbc.sql("UPDATE agency_cases SET state = 'ACCEPTED', accepted_at = now(), due_on = current_date + 7 WHERE id = :id")
                .param("id", last).update();
        try (Browser desk = new Browser(port)) {
            desk.signIn(r.office(), TestAccounts.PASSWORD);
            desk.open("/agency");
            assertThat(desk.text(By.id("cases"))).contains("张**").contains("企业开办（设立登记）").contains("网上申请")
                    .contains("还剩");
            desk.screenshot("agency-list-desk");
            desk.click(By.cssSelector("#case-" + last + " a"));
            assertThat(desk.text(By.id("case-applicant"))).contains("刘**").contains("受理后 5 个工作日");
            desk.click(By.id("reveal"));
            desk.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("revealed"), "刘志强"));
            assertThat(desk.text(By.id("revealed"))).contains("巴陵中路 4 号");
            desk.screenshot("agency-case-desk");
            desk.open("/agency/items");
            desk.type(By.id("limit-" + r.business()), "3");
            desk.click(By.cssSelector("#item-" + r.business() + " button[type=submit]"));
            assertThat(desk.text(By.tagName("main"))).contains("已保存");
            assertThat(desk.driver().findElement(By.id("limit-" + r.business())).getAttribute("value")).isEqualTo("3");
            desk.screenshot("agency-items-desk");
        }
    }

    private static boolean noSidewaysScroll(Browser browser) {
        return (Boolean) ((JavascriptExecutor) browser.driver()).executeScript(
                "return document.documentElement.scrollWidth <= window.innerWidth;");
    }
}
