package org.hallsafe.accountability;

import org.hallsafe.Browser;
import org.hallsafe.BrowserTest;
import org.hallsafe.HallSafeTest;
import org.hallsafe.TestAccounts;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 16 item 3 as people do it: a section head writes the section's daily report on a phone (390 px). */
@HallSafeTest
@BrowserTest
class FeedbackBrowserTest {

    @LocalServerPort int port;
    @Autowired FeedbackHall fixture;

    @Test
    void r16_3_aSectionHeadSubmitsTheDailyReportOnAPhone() throws Exception {
        FeedbackHall.Ready r = fixture.create();
        fixture.at(16, 40);
        try (Browser phone = new Browser(port); Browser desk = new Browser(port)) {
            phone.asPhone();
            phone.signIn(r.windowsHead(), TestAccounts.PASSWORD);
            phone.open("/feedback");
            assertThat(phone.text(By.id("lines"))).contains("窗口管理科").contains("待提交");
            phone.screenshot("feedback-day-phone");
            phone.click(By.id("write-report"));
            assertThat(phone.text(By.id("prefill"))).contains("窗口管理科").contains("请在今天 17:00 前提交")
                    .contains("本科室今天的记录（自动带出）");
            phone.type(By.id("problems"), "二号窗口下午排队较长，已增开一个窗口");
            phone.type(By.id("request"), "请局办公室补充测温枪电池");
            new Select(phone.driver().findElement(By.id("requestTo"))).selectByVisibleText("局办公室");
            assertThat(((JavascriptExecutor) phone.driver()).executeScript(
                    "return document.documentElement.scrollWidth <= window.innerWidth;")).as("no sideways scrolling").isEqualTo(true);
            phone.screenshot("feedback-form-phone");
            phone.click(By.id("submit"));
            assertThat(phone.text(By.id("submitted"))).isEqualTo("报告已提交，领导小组和相关科室可以看到。");
            assertThat(phone.text(By.id("request"))).isEqualTo("请局办公室补充测温枪电池");
            phone.screenshot("feedback-submitted-phone");

            // the leader sees it on the day's list, and opening it is the read receipt the head sees
            desk.signIn(r.hall().leader(), TestAccounts.PASSWORD);
            desk.open("/feedback");
            assertThat(desk.text(By.id("lines"))).contains("已提交").contains("有请求");
            desk.screenshot("feedback-day-desk");
            desk.click(By.cssSelector("#lines a[href*='/feedback/reports/']"));
            assertThat(desk.text(By.id("problems"))).contains("二号窗口下午排队较长");
            phone.driver().navigate().refresh();
            assertThat(phone.text(By.id("reads"))).contains("已读");
        }
    }
}
