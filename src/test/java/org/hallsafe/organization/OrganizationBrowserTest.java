package org.hallsafe.organization;

import java.nio.file.Files;

import org.hallsafe.Browser;
import org.hallsafe.BrowserTest;
import org.hallsafe.HallSafeTest;
import org.hallsafe.TestAccounts;
import org.hallsafe.platform.Role;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** An administrator at a desk and a section head on a phone, in a real Chromium (R-ORG-1, R-ORG-2). */
@HallSafeTest
@BrowserTest
class OrganizationBrowserTest {

    @LocalServerPort int port;
    @Autowired TestAccounts accounts;
    @Autowired JdbcClient jdbc;

    @Test
    void rOrg1_rOrg2_adminAddsASectionAndAStaffMemberFindsThemSwitchesToEnglishAndOpensTheMatrix() throws Exception {
        String admin = accounts.create(Role.ADMIN);
        String section = "浏览器测试科" + System.nanoTime() % 10000;
        String card = "BR" + System.nanoTime() % 100000;
        try (Browser browser = new Browser(port)) {
            browser.signIn(admin, TestAccounts.PASSWORD);
            assertThat(browser.text(By.tagName("h1"))).contains("您好");

            browser.open("/org/departments/new");
            browser.type(By.id("name"), section);
            browser.click(By.cssSelector("button[type=submit].btn-primary"));
            assertThat(browser.text(By.cssSelector(".alert-success"))).isEqualTo("已保存：" + section);

            browser.open("/org/staff/new");
            browser.type(By.id("name"), "刘志强");
            browser.type(By.id("cardNo"), card);
            new Select(browser.driver().findElement(By.id("departmentId"))).selectByVisibleText(section);
            browser.type(By.id("jobTitle"), "科员");
            browser.type(By.id("phone"), "13912348765");
            browser.screenshot("staff-form-desktop");
            browser.click(By.cssSelector("button[type=submit].btn-primary"));
            assertThat(browser.text(By.cssSelector(".alert-success"))).isEqualTo("已保存：刘志强");

            browser.type(By.id("q"), card);
            browser.waitFor(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#staff-table tbody tr"), 1));
            String row = browser.text(By.cssSelector("#staff-table tbody tr"));
            assertThat(row).contains("刘志强").contains(card).contains(section).contains("139****8765");
            // the filtered list has its own address: reload or bookmark it and the filter stays
            browser.waitFor(ExpectedConditions.urlContains("q=" + card));
            browser.screenshot("staff-list-found");

            browser.click(By.linkText("English"));
            assertThat(browser.text(By.tagName("h1"))).isEqualTo("Staff");
            browser.open("/org/measures");
            assertThat(browser.text(By.tagName("h1"))).isEqualTo("Responsibility matrix: measures and sections");
            assertThat(browser.text(By.id("matrix"))).contains("R-SCR").contains(section);
            browser.screenshot("matrix-english");
            browser.open("/org/measures?lang=zh-CN");
            assertThat(browser.text(By.tagName("h1"))).startsWith("责任矩阵");
            browser.screenshot("matrix-chinese");
        }
    }

    @Test
    void aRejectedFormOnAPhoneKeepsWhatWasTypedAndStoresNothing() throws Exception {
        String admin = accounts.create(Role.ADMIN);
        int before = jdbc.sql("SELECT count(*) FROM staff").query(Integer.class).single();
        try (Browser browser = new Browser(port)) {
            browser.asPhone();
            browser.signIn(admin, TestAccounts.PASSWORD);
            browser.open("/org/staff/new");
            browser.type(By.id("cardNo"), "PHONE-1");
            browser.type(By.id("phone"), "1391234");
            browser.type(By.id("idNumber"), "430902199001011235");
            browser.click(By.cssSelector("button[type=submit].btn-primary"));

            assertThat(browser.text(By.cssSelector("#name ~ .invalid-feedback"))).isEqualTo("此项必填");
            assertThat(browser.text(By.cssSelector("#phone ~ .invalid-feedback"))).startsWith("电话号码格式不对");
            assertThat(browser.text(By.cssSelector("#idNumber ~ .invalid-feedback"))).isEqualTo("身份证号校验位不对，请核对最后一位");
            assertThat(browser.driver().findElement(By.id("phone")).getAttribute("value")).isEqualTo("1391234");
            assertThat(browser.driver().findElement(By.id("cardNo")).getAttribute("value")).isEqualTo("PHONE-1");
            assertThat(Files.size(browser.screenshot("staff-form-phone-errors"))).isPositive();
        }
        assertThat(jdbc.sql("SELECT count(*) FROM staff").query(Integer.class).single()).isEqualTo(before);
    }

    @Test
    void everyScreenOfTheFoundationShowsItsTitleOnADeskAndOnAPhone() throws Exception {
        String admin = accounts.create(Role.BUREAU_ADMIN);
        try (Browser browser = new Browser(port)) {
            browser.open("/login");
            assertThat(browser.text(By.tagName("h1"))).isEqualTo("政务大厅防控与服务保障平台");
            browser.screenshot("login");
            browser.signIn(admin, TestAccounts.PASSWORD);
            browser.screenshot("home-admin");
            for (String[] page : new String[][] {{"/org/leadership", "疫情防控工作领导小组"},
                    {"/org/departments", "科室与局属单位"}, {"/org/windows", "服务窗口"},
                    {"/admin/accounts", "账号管理"}, {"/audit", "审计日志"}, {"/org/sites", "政务大厅"}}) {
                browser.open(page[0]);
                assertThat(browser.text(By.tagName("h1"))).isEqualTo(page[1]);
                browser.screenshot(page[0].substring(page[0].lastIndexOf('/') + 1));
            }
            browser.asPhone();
            browser.open("/");
            browser.click(By.cssSelector(".navbar-toggler"));
            browser.click(By.linkText("组织机构"));
            assertThat(browser.text(By.linkText("工作人员"))).isEqualTo("工作人员");
            browser.screenshot("home-phone-menu");
        }
    }
}
