package org.hallsafe.notice;

import org.hallsafe.Browser;
import org.hallsafe.BrowserTest;
import org.hallsafe.HallSafeTest;
import org.hallsafe.TestAccounts;
import org.hallsafe.TestHall;
import org.hallsafe.organization.Directory;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15, items 1 and 3 as people do it: the office writes a notice on a phone with the preview beside the text, a
 * leader approves it at a desk, the office publishes it, and a citizen reads it on the public page; then the office
 * withdraws it and the public page no longer has it.
 */
@HallSafeTest
@BrowserTest
class NoticesBrowserTest {

    @LocalServerPort int port;
    @Autowired TestHall halls;
    @Autowired Directory directory;

    @Test
    void rSvc1_r15_1_r15_3_theOfficeWritesALeaderApprovesTheOfficePublishesAndACitizenReadsItOnAPhone() throws Exception {
        TestHall.Hall hall = halls.create();
        String code = directory.site(hall.siteId()).code();
        try (Browser office = new Browser(port); Browser leader = new Browser(port); Browser citizen = new Browser(port)) {
            office.asPhone();
            office.signIn(hall.officeDirector(), TestAccounts.PASSWORD);
            office.open("/notices");
            office.click(By.id("new-notice"));
            office.click(By.cssSelector("label[for=kind-PROGRESS]"));
            office.type(By.id("title"), "大厅防控工作进展（第一周）");
            office.type(By.id("body"), "本周入口测温**全部到位**。\n\n1. 窗口每天消毒三次\n2. 预约已开通电话方式");
            office.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#preview strong")));
            assertThat(office.text(By.id("preview"))).contains("全部到位").contains("窗口每天消毒三次");
            office.screenshot("notice-form-phone");
            office.click(By.id("save"));
            assertThat(office.text(By.id("confirmation"))).contains("已保存");
            assertThat(office.text(By.id("status"))).isEqualTo("草稿");
            assertThat(office.driver().findElements(By.id("approve"))).as("the author does not approve").isEmpty();
            String noticePage = office.driver().getCurrentUrl().replaceAll("^http://localhost:\\d+", "");
            office.screenshot("notice-draft-phone");

            leader.signIn(hall.leader(), TestAccounts.PASSWORD);
            leader.open(noticePage);
            leader.click(By.id("approve"));
            assertThat(leader.text(By.id("confirmation"))).contains("已审核通过");
            leader.screenshot("notice-approved-desk");

            office.open(noticePage);
            office.click(By.id("publish"));
            assertThat(office.text(By.id("confirmation"))).contains("已发布");
            assertThat(office.text(By.id("status"))).isEqualTo("已发布");
            office.screenshot("notice-published-phone");

            citizen.asPhone();
            citizen.open("/public/notices?hall=" + code);
            assertThat(citizen.text(By.tagName("main"))).contains("大厅防控工作进展（第一周）").contains("工作进展");
            citizen.screenshot("notice-public-list-phone");
            citizen.click(By.partialLinkText("大厅防控工作进展"));
            assertThat(citizen.text(By.id("notice-body"))).contains("全部到位").contains("预约已开通电话方式");
            citizen.screenshot("notice-public-show-phone");
            citizen.driver().manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
            citizen.screenshot("notice-public-show-desk");
            assertThat(citizen.console()).as("nothing refused by the Content-Security-Policy").noneMatch(l -> l.contains("Content Security Policy"));

            office.click(By.id("withdraw"));
            assertThat(office.text(By.id("status"))).isEqualTo("已撤回");
            citizen.open("/public/notices?hall=" + code);
            assertThat(citizen.text(By.tagName("main"))).doesNotContain("大厅防控工作进展（第一周）").contains("目前没有通告");
            office.open("/notices");
            office.screenshot("notice-list-phone");
        }
    }
}
