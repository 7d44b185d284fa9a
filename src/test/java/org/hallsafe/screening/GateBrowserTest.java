package org.hallsafe.screening;

import java.time.Duration;

import org.hallsafe.Browser;
import org.hallsafe.BrowserTest;
import org.hallsafe.HallSafeTest;
import org.hallsafe.TestAccounts;
import org.hallsafe.TestHall;
import org.hallsafe.shared.IdNumber;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * R-SCR-1, R-SCR-2 as people do it: a screener on a phone admits one citizen and refuses another; a leader in a
 * second browser sees the report arrive without reloading and acknowledges it.
 */
@HallSafeTest
@BrowserTest
class GateBrowserTest {

    @LocalServerPort int port;
    @Autowired TestHall halls;

    private static void screen(Browser b, String name, String first17, String phone, String mask, String temperature) {
        b.type(By.id("docNo"), first17 + IdNumber.checkCharacter(first17));
        b.type(By.id("name"), name);
        b.type(By.id("phone"), phone);
        b.click(By.cssSelector("label[for=mask-" + mask + "]"));
        b.type(By.id("temperature"), temperature);
        b.click(By.cssSelector("label[for=noSymptoms]"));
        // the form is sent by htmx (issue 19): the answer replaces the page without a page load
        var before = b.driver().findElement(By.id("gate-form"));
        b.click(By.id("record"));
        b.waitFor(ExpectedConditions.stalenessOf(before));
    }

    @Test
    void rScr1_rScr2_aScreenerAdmitsOneCitizenAndRefusesAnotherAndTheLeaderSeesItLiveAndAcknowledges() throws Exception {
        TestHall.Hall hall = halls.create();
        try (Browser leader = new Browser(port); Browser screener = new Browser(port)) {
            leader.signIn(hall.leader(), TestAccounts.PASSWORD);
            leader.open("/incidents");
            assertThat(leader.text(By.cssSelector("#incident-rows .alert"))).isEqualTo("目前没有事件报告。");
            ((JavascriptExecutor) leader.driver()).executeScript("window.notReloaded = true;");

            screener.asPhone();
            screener.signIn(hall.screener(), TestAccounts.PASSWORD);
            screener.open("/screening/gate");
            screener.screenshot("gate-phone-empty");
            screen(screener, "郑秀英", "43090219760304002", "13712340001", "DISPOSABLE_MEDICAL", "36.5");
            assertThat(screener.text(By.id("decision"))).isEqualTo("准入");
            assertThat(screener.text(By.id("result"))).contains("郑秀英").contains("36.5 °C");
            assertThat(screener.driver().findElement(By.id("docNo")).getAttribute("value")).isEmpty();
            screener.screenshot("gate-phone-admitted");

            screen(screener, "钱伟", "43090319820817003", "13712340002", "NONE", "36.8");
            assertThat(screener.text(By.id("decision"))).isEqualTo("劝返");
            assertThat(screener.text(By.id("result"))).contains("钱伟").contains("未戴口罩").contains("已报告领导小组");
            screener.screenshot("gate-phone-refused");

            leader.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("incident-rows"), "钱伟"));
            assertThat(((JavascriptExecutor) leader.driver()).executeScript("return window.notReloaded === true;"))
                    .as("the report arrived without a reload").isEqualTo(true);
            assertThat(leader.text(By.cssSelector(".incident-row"))).contains("入口劝返：钱伟").contains("待确认");
            leader.screenshot("incidents-live");

            // issue 20: the questioning on the same screen as the refusal
            screener.type(By.id("places"), "本市赫山区");
            screener.click(By.cssSelector("label[for=contact-NONE]"));
            screener.click(By.cssSelector("label[for=handling-SENT_HOME]"));
            screener.click(By.id("questioning-save"));
            assertThat(screener.text(By.cssSelector(".alert-success"))).contains("钱伟").contains("报告领导小组");

            leader.click(By.cssSelector(".incident-row"));
            assertThat(leader.text(By.tagName("pre"))).contains("未戴口罩").contains("36.8 °C");
            leader.click(By.id("acknowledge"));
            assertThat(leader.text(By.id("incident-status"))).isEqualTo("处理中");
            assertThat(leader.text(By.cssSelector(".list-group-numbered"))).contains("补充情况").contains("本市赫山区")
                    .contains("已确认").contains(hall.leader());
            leader.screenshot("incident-acknowledged");

            leader.open("/screening/today");
            assertThat(leader.text(By.id("count-admitted"))).isEqualTo("1");
            assertThat(leader.text(By.id("count-refused"))).isEqualTo("1");
            leader.waitFor(d -> ((JavascriptExecutor) d).executeScript(
                    "return !!(window.echarts && echarts.getInstanceByDom(document.getElementById('by-hour')));"));
            leader.screenshot("today");
            leader.open("/screening/ledger");
            assertThat(leader.text(By.id("ledger-table"))).contains("郑秀英").contains("钱伟").contains("劝其回家");
            leader.screenshot("ledger");
        }
    }
}
