package org.hallsafe.agency;

import org.hallsafe.Browser;
import org.hallsafe.BrowserTest;
import org.hallsafe.HallSafeTest;
import org.hallsafe.TestAccounts;
import org.hallsafe.TestHall;
import org.hallsafe.agency.AgencyCases.Station;
import org.hallsafe.appointments.Catalogue;
import org.hallsafe.organization.Directory;
import org.hallsafe.platform.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #14's browser test: a citizen applies on a 390 px phone, the mail room logs the envelope and checks the
 * materials, the file goes along the chain, a section hands the result back, the mail room posts it, and the citizen
 * sees the tracking number on /agency/status, without entering the hall.
 */
@BrowserTest
@HallSafeTest
class AgencyEndToEndBrowserTest {

    @LocalServerPort int port;
    @Autowired TestHall halls;
    @Autowired TestAccounts accounts;
    @Autowired Directory directory;
    @Autowired Catalogue catalogue;
    @Autowired Custody custody;
    @Autowired JdbcClient jdbc;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void r14_4_r14_5_r14_6_aCitizenAppliesOnAPhoneAndSeesTheTrackingNumberOfTheResultSentByPost() throws Exception {
        TestHall.Hall hall = halls.create();
        halls.signIn(hall.officeDirector());
        long w = directory.saveWindow(hall.siteId(), null,
                new org.hallsafe.organization.Forms.WindowForm(1, "代办窗口", "一楼", hall.sectionId()));
        long item = catalogue.saveItem(hall.siteId(), null, new org.hallsafe.appointments.AppointmentForms.ItemForm(
                "食品经营许可（新办）", 20, String.join("\n", AgencyFixture.MATERIALS), "", true, java.util.List.of(w)));
        jdbc.sql("""
                INSERT INTO agency_items (site_id, item_id, time_limit_days, department_id, updated_at, updated_by)
                VALUES (:site, :item, 5, :dept, now(), 'test')""")
                .param("site", hall.siteId()).param("item", item).param("dept", hall.sectionId()).update();
        String hallCode = directory.site(hall.siteId()).code();
        String mailRoom = accounts.create(Role.STAFF, hall.siteId());
        String window = accounts.create(Role.STAFF, hall.siteId());
        String section = accounts.create(Role.SECTION_HEAD, hall.siteId());
        String approver = hall.officeDirector();
        SecurityContextHolder.clearContext();

        try (Browser citizen = new Browser(port); Browser mail = new Browser(port); Browser sectionDesk = new Browser(port)) {
            // 1. the citizen applies on a phone
            citizen.asPhone();
            citizen.open("/agency/apply?hall=" + hallCode);
            citizen.click(By.id("apply-" + item));
            citizen.type(By.id("applicant"), "王小明");
            citizen.type(By.id("phone"), "13912345678");
            citizen.type(By.id("address"), "湖南省益阳市赫山区龙岭路1号 王小明");
            citizen.type(By.id("sending"), "营业执照复印件等三份");
            citizen.click(By.id("apply-submit"));
            String code = CaseCodes.normalise(citizen.text(By.id("agency-code")));
            assertThat(code).hasSize(CaseCodes.LENGTH);
            citizen.screenshot("agency-e2e-applied-phone");
            long caseId = jdbc.sql("SELECT id FROM agency_cases WHERE code = :c").param("c", code).query(Long.class).single();

            // 2. the mail room logs the envelope with the code written on it, and checks the materials: accepted
            mail.signIn(mailRoom, TestAccounts.PASSWORD);
            mail.open("/agency/mail");
            mail.click(By.cssSelector("label[for=carrier-EMS]"));
            mail.type(By.id("trackingNo"), "EA473124829CN");
            mail.type(By.id("caseCode"), CaseCodes.display(code));
            mail.type(By.id("sheets"), "6");
            mail.click(By.id("log-mail"));
            assertThat(mail.text(By.id("mail-logged"))).contains(CaseCodes.display(code));
            mail.open("/agency/cases/" + caseId);
            jdbc.sql("SELECT id FROM agency_materials WHERE case_id = :c ORDER BY position").param("c", caseId)
                    .query(Long.class).list()
                    .forEach(m -> mail.click(By.cssSelector("label[for=finding-" + m + "-RECEIVED]")));
            mail.click(By.id("save-materials"));
            assertThat(mail.text(By.id("case-clock"))).contains("还剩 5 个工作日");

            // 3. the file goes to the window on the page; the window, the section and approval take it on
            mail.type(By.id("sheets"), "6");
            new Select(mail.driver().findElement(By.id("toAccount"))).selectByValue(window);
            mail.click(By.id("hand-over"));
            assertThat(mail.text(By.id("chain-holder"))).contains("交接中");
            step(hall, caseId, 1, window);
            custody.confirm(hall.siteId(), custody.handOver(hall.siteId(), caseId,
                    new Custody.HandoverForm(Station.WINDOW, Station.SECTION, null, 6, section), window), section);
            custody.confirm(hall.siteId(), custody.handOver(hall.siteId(), caseId,
                    new Custody.HandoverForm(Station.SECTION, Station.APPROVAL, null, 6, approver), section), approver);
            custody.confirm(hall.siteId(), custody.handOver(hall.siteId(), caseId,
                    new Custody.HandoverForm(Station.APPROVAL, Station.RESULT, null, 2, section), approver), section);

            // 4. the section finishes the case and hands the result back to the mail room
            sectionDesk.signIn(section, TestAccounts.PASSWORD);
            sectionDesk.open("/agency/cases/" + caseId);
            sectionDesk.click(By.id("finish"));
            sectionDesk.type(By.id("sheets"), "2");
            new Select(sectionDesk.driver().findElement(By.id("what"))).selectByValue("RESULT");
            new Select(sectionDesk.driver().findElement(By.id("toAccount"))).selectByValue(mailRoom);
            sectionDesk.click(By.id("hand-over"));
            assertThat(sectionDesk.text(By.id("chain-holder"))).contains("收发室（寄出）");

            // 5. the mail room confirms receiving it, and posts it
            mail.open("/agency/cases/" + caseId);
            WebElement confirm = mail.driver().findElement(By.id("confirm-5"));
            mail.click(By.id("confirm-5"));
            // the confirmation is a form post: wait for its answer before leaving the page, or the post can be cut off
            mail.waitFor(ExpectedConditions.stalenessOf(confirm));
            mail.open("/agency/mail/out");
            mail.type(By.id("code"), CaseCodes.display(code));
            new Select(mail.driver().findElement(By.id("carrier"))).selectByValue("SF");
            mail.type(By.id("trackingNo"), "SF1234567890123");
            mail.type(By.id("sheets"), "2");
            mail.click(By.id("send"));
            assertThat(mail.text(By.id("sent-done"))).contains(CaseCodes.display(code));

            // 6. the citizen sees the number at home
            citizen.open("/agency/status?hall=" + hallCode);
            citizen.type(By.id("code"), CaseCodes.display(code));
            citizen.type(By.id("status-phone"), "13912345678");
            citizen.click(By.id("status-submit"));
            assertThat(citizen.text(By.id("tracking-out"))).contains("SF1234567890123");
            citizen.screenshot("agency-e2e-status-phone");
            assertThat(citizen.console()).noneMatch(l -> l.contains("Content Security Policy"));
        }
        assertThat(jdbc.sql("SELECT count(*) FROM agency_handovers WHERE case_id = :c AND confirmed_by IS NOT NULL"
                + " AND confirmed_by <> handed_by").param("c", jdbcId(hall)).query(Integer.class).single()).isEqualTo(5);
    }

    private long jdbcId(TestHall.Hall hall) {
        return jdbc.sql("SELECT max(id) FROM agency_cases WHERE site_id = :s").param("s", hall.siteId())
                .query(Long.class).single();
    }

    /** The receiver of the step confirms it. */
    private void step(TestHall.Hall hall, long caseId, int seq, String receiver) {
        long id = custody.chain(hall.siteId(), caseId).get(seq - 1).id();
        custody.confirm(hall.siteId(), id, receiver);
    }
}
