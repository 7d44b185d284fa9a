package org.hallsafe.agency;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.hallsafe.Browser;
import org.hallsafe.BrowserTest;
import org.hallsafe.HallSafeTest;
import org.hallsafe.TestAccounts;
import org.hallsafe.TestHall;
import org.hallsafe.agency.AgencyCases.Station;
import org.hallsafe.agency.Custody.HandoverForm;
import org.hallsafe.appointments.AppointmentForms.ItemForm;
import org.hallsafe.appointments.Catalogue;
import org.hallsafe.organization.Directory;
import org.hallsafe.organization.Forms;
import org.hallsafe.platform.Role;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue #14 items 4, 5 and 7 as staff do them: hand over and confirm, post the result, read the ledger. */
@BrowserTest
@HallSafeTest
class AgencyChainBrowserTest {

    @LocalServerPort int port;
    @Autowired TestHall halls;
    @Autowired TestAccounts accounts;
    @Autowired Directory directory;
    @Autowired Catalogue catalogue;
    @Autowired AgencyCases cases;
    @Autowired Custody custody;
    @Autowired JdbcClient jdbc;
    @Autowired java.time.Clock clock;

    @Test
    void r14_4_r14_5_r14_7_theFileIsHandedOnAndConfirmedThenPostedAndTheLedgerShowsIt() throws Exception {
        TestHall.Hall hall = halls.create();
        halls.signIn(hall.admin());
        long w = directory.saveWindow(hall.siteId(), null, new Forms.WindowForm(1, "综合受理", "一楼", hall.sectionId()));
        long item = catalogue.saveItem(hall.siteId(), null, new ItemForm("食品经营许可（新办）", 30, "申请书\n营业执照复印件",
                "", true, List.of(w)));
        String mailRoom = accounts.create(Role.STAFF, hall.siteId());
        String window = accounts.create(Role.STAFF, hall.siteId());
        String section = accounts.create(Role.SECTION_HEAD, hall.siteId());
        String approver = accounts.create(Role.OFFICE, hall.siteId());
        String resultDesk = accounts.create(Role.STAFF, hall.siteId());
        var opened = cases.open(hall.siteId(), new AgencyCases.Opening(UUID.randomUUID(), item, AgencyCases.Channel.ONLINE,
                "张三", "益阳市某某餐饮有限公司", "13807370001", "湖南省益阳市赫山区龙岭路1号", "申请书、营业执照复印件", null));
        long c = opened.id();
        SecurityContextHolder.clearContext();

        try (Browser desk = new Browser(port); Browser phone = new Browser(port); Browser office = new Browser(port)) {
            // the mail room hands the file to the window on the case page
            desk.signIn(mailRoom, TestAccounts.PASSWORD);
            desk.open("/agency/cases/" + c);
            desk.type(By.id("sheets"), "12");
            new Select(desk.driver().findElement(By.id("toAccount"))).selectByValue(window);
            desk.click(By.id("hand-over"));
            assertThat(desk.text(By.id("chain-holder"))).contains("交接中").contains("代办窗口");

            // the window clerk confirms on a phone, after scanning the printed transfer sheet
            String sheetUrl = desk.driver().findElement(By.id("sheet-1")).getAttribute("href");
            desk.open(sheetUrl.substring(sheetUrl.indexOf("/agency")) + "?noprint=1");
            String qrTarget = custody.sheetToken(hall.siteId(), custody.chain(hall.siteId(), c).get(0).id());
            desk.screenshot("agency-transfer-sheet");
            phone.asPhone();
            phone.signIn(window, TestAccounts.PASSWORD);
            phone.open("/agency/handovers/confirm?t=" + qrTarget);
            phone.screenshot("agency-confirm-phone");
            phone.click(By.id("confirm"));
            assertThat(phone.text(By.id("chain-holder"))).contains("代办窗口");
            phone.screenshot("agency-chain-phone");

            // the rest of the chain by its people, the result back at the mail room
            hand(hall, c, Station.WINDOW, Station.SECTION, window, section);
            hand(hall, c, Station.SECTION, Station.APPROVAL, section, approver);
            hand(hall, c, Station.APPROVAL, Station.RESULT, approver, resultDesk);
            hand(hall, c, Station.RESULT, Station.MAIL_OUT, resultDesk, mailRoom);
            jdbc.sql("""
                    UPDATE agency_cases SET state = 'DONE', accepted_at = :acc, due_on = :due, done_at = :now, on_time = true,
                           department_id = :d WHERE id = :id""")
                    .param("acc", java.sql.Timestamp.from(clock.instant().minusSeconds(4 * 86400)))
                    .param("due", LocalDate.now(clock).plusDays(3)).param("now", java.sql.Timestamp.from(clock.instant()))
                    .param("d", hall.sectionId()).param("id", c).update();
            desk.open("/agency/cases/" + c);
            assertThat(desk.text(By.id("case-chain"))).contains("收发室（寄出）");
            java.nio.file.Files.write(desk.screenshot("agency-case-desk").resolveSibling("agency-chain-desk.png"),
                    desk.driver().findElement(By.id("case-chain")).getScreenshotAs(org.openqa.selenium.OutputType.BYTES));

            // the mail room posts it: a wrong check digit first, then the right number
            desk.open("/agency/mail/out?code=" + opened.code());
            desk.type(By.id("trackingNo"), "EA473124820CN");
            desk.click(By.id("send"));
            assertThat(desk.text(By.id("send-form"))).contains("校验位");
            desk.driver().findElement(By.id("trackingNo")).clear();
            desk.type(By.id("trackingNo"), "EA473124829CN");
            desk.type(By.id("sheets"), "3");
            desk.click(By.id("send"));
            assertThat(desk.text(By.id("sent-done"))).contains(CaseCodes.display(opened.code()));
            assertThat(desk.text(By.id("sent-list"))).contains("EA473124829CN");
            desk.screenshot("agency-mail-out");
            desk.open("/agency/mail/out/print?noprint=1");
            assertThat(desk.text(By.tagName("table"))).contains("EA473124829CN").contains(opened.code());
            desk.screenshot("agency-mailing-list-print");

            // the office reads the ledger
            office.signIn(hall.officeDirector(), TestAccounts.PASSWORD);
            office.open("/agency/ledger");
            assertThat(office.text(By.id("ledger-lines"))).contains(opened.code()).contains("按时");
            assertThat(office.text(By.id("by-item"))).contains("食品经营许可（新办）").contains("100%");
            office.screenshot("agency-ledger-desk");
            office.open("/agency/ledger/print?noprint=1");
            office.screenshot("agency-ledger-print");
        }
    }

    private void hand(TestHall.Hall hall, long c, Station from, Station to, String by, String receiver) {
        long id = custody.handOver(hall.siteId(), c, new HandoverForm(from, to, null, 12, receiver), by);
        custody.confirm(hall.siteId(), id, receiver);
    }
}
