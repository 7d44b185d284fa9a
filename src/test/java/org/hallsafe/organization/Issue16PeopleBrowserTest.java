package org.hallsafe.organization;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.hallsafe.Browser;
import org.hallsafe.BrowserTest;
import org.hallsafe.HallSafeTest;
import org.hallsafe.QrReader;
import org.hallsafe.TestAccounts;
import org.hallsafe.TestHall;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16, item 8, in a real Chromium: an administrator imports staff from a sheet (a sheet with a wrong row first,
 * then the corrected one), prints their sign-in cards, and a window clerk on a 390 px phone opens her card's link,
 * chooses a password and signs in.
 */
@HallSafeTest
@BrowserTest
class Issue16PeopleBrowserTest {

    private static final String PASSWORD = "Sun-Xiaomei-2026!";

    @LocalServerPort int port;
    @Autowired TestHall halls;
    @Autowired Directory directory;

    @Test
    void r16_8_anAdministratorImportsASheetPrintsTheCardsAndAClerkChoosesHerPasswordOnAPhone() throws Exception {
        TestHall.Hall hall = halls.create();
        directory.saveWindow(hall.siteId(), null, new Forms.WindowForm(5, "社保", "一楼", hall.sectionId()));
        String u = StaffSheets.unique();
        String[] sun = {"孙晓梅", "A" + u, "", "5", "窗口工作人员", "13812340001", StaffSheets.idNumber(), "sun" + u,
                "窗口工作人员"};
        String[] zheng = {"郑桂兰", "B" + u, "局办公室", "", "保洁员", "13812340002", "", "zheng" + u, "保洁员"};
        String[] wrong = zheng.clone();
        wrong[2] = "保洁科";
        wrong[5] = "1381234";
        Path bad = Files.createTempFile("staff-bad", ".xlsx");
        Path good = Files.createTempFile("staff-good", ".xlsx");
        Files.write(bad, StaffSheets.xlsx(sun, wrong));
        Files.write(good, StaffSheets.xlsx(sun, zheng));

        String link;
        try (Browser desk = new Browser(port)) {
            desk.signIn(hall.admin(), TestAccounts.PASSWORD);
            desk.open("/org/staff");
            desk.click(By.id("staff-import"));
            assertThat(desk.text(By.tagName("h1"))).isEqualTo("批量导入人员");
            desk.screenshot("r16-8-import-desk");

            desk.driver().findElement(By.id("file")).sendKeys(bad.toString());
            desk.click(By.id("import"));
            String problems = desk.text(By.id("import-problems"));
            assertThat(problems).contains("表格中有 2 处问题，一行也没有导入").contains("第 3 行").contains("C 列（科室）")
                    .contains("没有这个科室").contains("F 列（手机号）");
            desk.screenshot("r16-8-import-refused-desk");

            desk.driver().findElement(By.id("file")).sendKeys(good.toString());
            desk.click(By.id("import"));
            assertThat(desk.text(By.id("import-done"))).contains("已导入 2 人，其中 2 人开通了账号");
            desk.screenshot("r16-8-import-done-desk");

            String mine = desk.driver().getWindowHandle();
            desk.click(By.id("print-imported"));
            desk.waitFor(ExpectedConditions.numberOfWindowsToBe(2));
            List<String> handles = new ArrayList<>(desk.driver().getWindowHandles());
            handles.remove(mine);
            desk.driver().switchTo().window(handles.get(0));
            desk.waitFor(ExpectedConditions.numberOfElementsToBe(By.cssSelector(".card"), 2));
            String cards = desk.text(By.cssSelector(".cards"));
            assertThat(cards).contains("孙晓梅").contains("sun" + u).contains("5号窗口 社保").contains("郑桂兰")
                    .contains("只能用一次");
            assertThat(desk.driver().findElements(By.cssSelector(".card .qr svg"))).hasSize(2);
            // every card holds its text within its cut lines
            assertThat((Boolean) ((JavascriptExecutor) desk.driver()).executeScript(
                    "return [...document.querySelectorAll('.card')].every(c => c.scrollHeight <= c.clientHeight);"))
                    .isTrue();
            desk.screenshot("r16-8-sign-in-sheet-desk");
            List<String> urls = desk.driver().findElements(By.cssSelector(".card .url")).stream()
                    .map(e -> e.getText()).toList();
            link = urls.get(0);
            assertThat(link).contains("/welcome/");
            // a phone reads the printed QR codes: they carry the cards' links (drawn three times as sharp, as a
            // phone's camera sees the paper, since a screen pixel is coarser than a printed module)
            ((ChromeDriver) desk.driver()).executeCdpCommand("Emulation.setDeviceMetricsOverride",
                    Map.of("width", 1280, "height", 900, "deviceScaleFactor", 3, "mobile", false));
            List<String> read = new ArrayList<>();
            for (WebElement qr : desk.driver().findElements(By.cssSelector(".card .qr"))) {
                read.add(QrReader.read(qr.getScreenshotAs(OutputType.BYTES)));
            }
            ((ChromeDriver) desk.driver()).executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
            assertThat(read).containsExactlyElementsOf(urls);

            desk.driver().switchTo().window(mine);
            desk.open("/org/staff/sign-in");
            assertThat(desk.text(By.id("sign-in-table"))).contains("等待设置密码");
            desk.screenshot("r16-8-sign-in-list-desk");
        }

        try (Browser phone = new Browser(port)) {
            phone.asPhone();
            phone.driver().get(link);
            assertThat(phone.text(By.id("welcome-username"))).isEqualTo("sun" + u);
            phone.screenshot("r16-8-welcome-phone");
            phone.type(By.id("password"), "short");
            phone.type(By.id("confirm"), "short");
            phone.click(By.cssSelector("#welcome-form button[type=submit]"));
            assertThat(phone.text(By.cssSelector(".invalid-feedback"))).contains("密码至少需要12位");
            phone.screenshot("r16-8-welcome-refused-phone");
            phone.type(By.id("password"), PASSWORD);
            phone.type(By.id("confirm"), PASSWORD);
            phone.click(By.cssSelector("#welcome-form button[type=submit]"));
            assertThat(phone.text(By.cssSelector(".alert-success"))).contains("密码已设置");
            assertThat(phone.driver().findElement(By.id("username")).getAttribute("value")).isEqualTo("sun" + u);
            phone.type(By.id("password"), PASSWORD);
            phone.click(By.cssSelector("button[type=submit]"));
            phone.waitFor(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
            phone.screenshot("r16-8-signed-in-phone");

            phone.driver().get(link);
            assertThat(phone.text(By.id("welcome-invalid"))).contains("此登录链接已失效");
        }

        try (Browser phone = new Browser(port)) {
            phone.asPhone();
            phone.signIn(hall.admin(), TestAccounts.PASSWORD);
            phone.open("/org/staff/import");
            phone.screenshot("r16-8-import-phone");
        }
    }
}
