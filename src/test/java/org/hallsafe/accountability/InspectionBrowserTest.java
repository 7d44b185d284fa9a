package org.hallsafe.accountability;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import javax.imageio.ImageIO;

import org.hallsafe.Browser;
import org.hallsafe.BrowserTest;
import org.hallsafe.HallSafeTest;
import org.hallsafe.TestAccounts;
import org.hallsafe.TestHall;
import org.hallsafe.accountability.InspectionForms.PlanForm;
import org.hallsafe.organization.DepartmentKind;
import org.hallsafe.organization.Directory;
import org.hallsafe.organization.Forms;
import org.hallsafe.organization.StaffDirectory;
import org.hallsafe.platform.Role;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 16 item 5 as people do it: an inspector records a finding with a photo on a phone; the section head sees it. */
@HallSafeTest
@BrowserTest
class InspectionBrowserTest {

    @LocalServerPort int port;
    @Autowired TestHall halls;
    @Autowired TestAccounts accounts;
    @Autowired Directory directory;
    @Autowired StaffDirectory staff;
    @Autowired Inspections inspections;
    @Autowired Clock clock;

    @Test
    void r16_5_anInspectorRecordsAFindingWithAPhotoOnAPhoneAndTheSectionHeadSeesItToFix() throws Exception {
        TestHall.Hall hall = halls.create();
        long windows = directory.saveDepartment(hall.siteId(), null, new Forms.DepartmentForm(DepartmentKind.SECTION, "窗口管理科", "", ""));
        String head = accounts.create(Role.SECTION_HEAD, hall.siteId());
        staff.save(hall.siteId(), null, new Forms.StaffForm("孙窗口", "B" + System.nanoTime() % 100000000, windows, null, "科长", "139" + String.format("%08d", System.nanoTime() % 100000000), "", head));
        halls.signIn(hall.leader());
        long id = inspections.plan(hall.siteId(), new PlanForm("十二月第一次督查", LocalDate.now(clock), List.of("R-PPE", "R-DIS")));
        long item = inspections.get(hall.siteId(), id, true).items().stream().filter(i -> i.measureCode().equals("R-DIS"))
                .findFirst().orElseThrow().id();
        SecurityContextHolder.clearContext();
        Path photo = Files.createTempFile("finding", ".png");
        BufferedImage image = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(200, 220, 240));
        g.fillRect(0, 0, 640, 480);
        g.setColor(new Color(120, 90, 60));
        g.fillOval(200, 150, 240, 160);
        g.dispose();
        ImageIO.write(image, "png", photo.toFile());

        try (Browser phone = new Browser(port)) {
            phone.asPhone();
            phone.signIn(hall.leader(), TestAccounts.PASSWORD);
            phone.open("/inspections");
            phone.screenshot("inspection-list-phone");
            phone.click(By.id("inspection-" + id));
            assertThat(phone.text(By.id("state"))).isEqualTo("已安排，未实施");
            phone.screenshot("inspection-checklist-phone");
            phone.click(By.id("record-" + item));
            phone.click(By.cssSelector("label[for=result-FINDING]"));
            phone.type(By.id("note"), "二楼等候区地面未消毒，拖把桶里是清水");
            phone.type(By.id("place"), "二楼等候区");
            new Select(phone.driver().findElement(By.id("departmentId"))).selectByVisibleText("窗口管理科");
            phone.driver().findElement(By.id("photo")).sendKeys(photo.toAbsolutePath().toString());
            phone.screenshot("inspection-item-phone");
            phone.click(By.id("save"));
            assertThat(phone.text(By.id("recorded"))).isEqualTo("已记下问题");
            String card = phone.text(By.id("item-" + item));
            assertThat(card).contains("有问题").contains("二楼等候区地面未消毒").contains("窗口管理科").contains("看照片");
            phone.screenshot("inspection-finding-recorded-phone");
            Number width = (Number) ((org.openqa.selenium.JavascriptExecutor) phone.driver())
                    .executeScript("return document.documentElement.scrollWidth;");
            assertThat(width.intValue()).as("nothing wider than the phone").isLessThanOrEqualTo(390);
            phone.driver().findElement(By.cssSelector("#item-" + item + " a[href*='/inspections/photos/']")).getAttribute("href");
        }
        halls.signIn(hall.leader());
        inspections.carryOut(hall.siteId(), id);
        SecurityContextHolder.clearContext();

        try (Browser phone = new Browser(port); Browser desk = new Browser(port)) {
            phone.asPhone();
            phone.signIn(head, TestAccounts.PASSWORD);
            phone.open("/rectifications");
            assertThat(phone.text(By.cssSelector("[id^=rectification-]"))).contains("二楼等候区地面未消毒").contains("待整改");
            phone.screenshot("rectifications-phone");
            phone.click(By.cssSelector("[id^=rectification-]"));
            assertThat(phone.driver().findElements(By.id("fix"))).hasSize(1);
            phone.screenshot("rectification-phone");

            desk.signIn(hall.officeDirector(), TestAccounts.PASSWORD);
            desk.open("/inspections");
            desk.screenshot("inspection-list-desk");
            desk.open("/inspections/ledger?noprint=1");
            assertThat(desk.text(By.tagName("table"))).contains("二楼等候区地面未消毒").contains("待整改");
            desk.screenshot("inspection-ledger-print");
        }
    }
}
