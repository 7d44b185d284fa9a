package org.hallsafe.agency;

import java.util.List;

import org.hallsafe.Browser;
import org.hallsafe.BrowserTest;
import org.hallsafe.HallSafeTest;
import org.hallsafe.TestAccounts;
import org.hallsafe.TestHall;
import org.hallsafe.appointments.Catalogue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14, item 2 as the mail room does it, on a phone and at a desk: log an envelope by the code written on it,
 * check the materials, send the one-time notice; log one without a code and match it by a search; the last material
 * in accepts the case and its countdown shows.
 */
@BrowserTest
@HallSafeTest
class AgencyMailBrowserTest {

    @LocalServerPort int port;
    @Autowired TestHall halls;
    @Autowired AgencyCases cases;
    @Autowired MaterialChecks checks;
    @Autowired Catalogue catalogue;
    @Autowired JdbcClient jdbc;

    @AfterEach
    void tearDown() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void r14_2_rSvc4_theMailRoomLogsEnvelopesAndChecksTheMaterialsOnAPhoneAndAtADesk() throws Exception {
        TestHall.Hall hall = halls.create();
        halls.signIn(hall.officeDirector());
        long item = AgencyFixture.item(catalogue, jdbc, hall, 5, null);
        AgencyCases.Opened first = AgencyFixture.open(cases, hall, item, "");
        AgencyCases.Opened second = AgencyFixture.open(cases, hall, item, "北京星河餐饮有限公司");
        SecurityContextHolder.clearContext();
        List<MaterialChecks.Material> m = checks.of(hall.siteId(), first.id());

        try (Browser phone = new Browser(port); Browser desk = new Browser(port)) {
            phone.asPhone();
            phone.signIn(hall.officeDirector(), TestAccounts.PASSWORD);
            phone.open("/agency/mail");
            phone.click(By.cssSelector("label[for=carrier-EMS]"));
            phone.type(By.id("trackingNo"), String.format("1%012d", java.util.concurrent.ThreadLocalRandom.current().nextLong(1_000_000_000_000L)));
            phone.type(By.id("caseCode"), CaseCodes.display(first.code()));
            phone.type(By.id("sheets"), "5");
            phone.click(By.id("log-mail"));
            assertThat(phone.text(By.id("mail-logged"))).contains(CaseCodes.display(first.code()));
            phone.screenshot("agency-mail-phone");

            phone.open("/agency/cases/" + first.id());
            assertThat(phone.text(By.id("case-post-in"))).contains("EMS");
            phone.click(By.cssSelector("label[for=finding-" + m.get(0).id() + "-RECEIVED]"));
            phone.click(By.cssSelector("label[for=finding-" + m.get(1).id() + "-MISSING]"));
            phone.click(By.cssSelector("label[for=finding-" + m.get(2).id() + "-TO_CORRECT]"));
            phone.click(By.id("save-materials"));
            assertThat(phone.text(By.id("case-materials"))).contains("请写明需要补正什么");
            phone.type(By.id("note-" + m.get(2).id()), "租赁合同缺少出租方签章");
            phone.click(By.id("save-materials"));
            phone.click(By.id("send-notice"));
            assertThat(phone.text(By.id("notices"))).contains("法定代表人身份证复印件（缺少）").contains("租赁合同缺少出租方签章");
            assertThat(phone.text(By.id("case-clock"))).contains("未受理");
            scrollTo(phone, By.id("case-materials"));
            phone.screenshot("agency-case-phone");

            desk.signIn(hall.officeDirector(), TestAccounts.PASSWORD);
            desk.open("/agency/mail");
            desk.click(By.cssSelector("label[for=carrier-SF]"));
            desk.type(By.id("trackingNo"), String.format("%012d", java.util.concurrent.ThreadLocalRandom.current().nextLong(1_000_000_000_000L)));
            desk.click(By.id("log-mail"));
            assertThat(desk.text(By.id("mail-logged"))).contains("待匹配");
            WebElement search = desk.driver().findElement(By.cssSelector("#unmatched input[name=q]"));
            search.sendKeys("星河餐饮");
            search.submit();
            desk.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#unmatched form[method=post] button")));
            assertThat(desk.text(By.id("unmatched"))).contains(CaseCodes.display(second.code()));
            desk.screenshot("agency-mail-desk");
            desk.click(By.cssSelector("#unmatched form[method=post] button"));
            assertThat(desk.text(By.id("mail-matched"))).contains(CaseCodes.display(second.code()));

            desk.open("/agency/cases/" + second.id());
            for (MaterialChecks.Material x : checks.of(hall.siteId(), second.id())) {
                desk.click(By.cssSelector("label[for=finding-" + x.id() + "-RECEIVED]"));
            }
            desk.click(By.id("save-materials"));
            assertThat(desk.text(By.id("case-clock"))).contains("还剩 5 个工作日").contains("正常");
            scrollTo(desk, By.id("case-clock"));
            desk.screenshot("agency-case-desk");
            assertThat(phone.console()).noneMatch(l -> l.contains("Content Security Policy"));
        }
    }

    private static void scrollTo(Browser b, By by) {
        ((JavascriptExecutor) b.driver()).executeScript("arguments[0].scrollIntoView()", b.driver().findElement(by));
    }
}
