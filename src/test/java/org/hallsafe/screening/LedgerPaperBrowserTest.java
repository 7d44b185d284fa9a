package org.hallsafe.screening;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.hallsafe.Browser;
import org.hallsafe.BrowserTest;
import org.hallsafe.HallSafeTest;
import org.hallsafe.MutableClock;
import org.hallsafe.TestAccounts;
import org.hallsafe.TestHall;
import org.hallsafe.screening.Gate.Mask;
import org.hallsafe.screening.Gate.PersonType;
import org.hallsafe.shared.DocumentType;
import org.hallsafe.shared.IdNumber;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 20, item 4 as the hall's office does it: find one person in the screening ledger by name, export it (the
 * button says 正在生成… until the file comes), and print the ledgers on A4 landscape with the screener's real name and a
 * line to sign.
 */
@HallSafeTest
@BrowserTest
class LedgerPaperBrowserTest {

    @LocalServerPort int port;
    @Autowired TestHall halls;
    @Autowired GateDesk desk;
    @Autowired MutableClock clock;

    @Test
    void r20_4_theOfficeFindsAPersonExportsAndPrintsTheLedgerLikePaper() throws Exception {
        TestHall.Hall hall = halls.create();
        halls.signIn(hall.admin()); // as LedgerTest: the admin may back-fill from paper
        LocalDateTime at = LocalDateTime.now(clock).minusHours(3);
        List<String> names = List.of("张建国", "李秀英", "王芳", "欧阳志远", "陈静");
        for (int i = 0; i < 30; i++) {
            String first17 = "43090219750101" + String.format("%03d", 100 + i);
            desk.record(hall.siteId(), new GateForm(UUID.randomUUID(), PersonType.CITIZEN, null,
                    names.get(i % names.size()) + (i < 5 ? "" : String.valueOf(i)), DocumentType.ID_CARD,
                    first17 + IdNumber.checkCharacter(first17), "1390737" + String.format("%04d", i),
                    i % 7 == 0 ? Mask.NONE : Mask.DISPOSABLE_MEDICAL, new BigDecimal("36." + i % 10), List.of(), true,
                    "", null, at.plusMinutes(i), "纸质台账补录", null));
        }
        SecurityContextHolder.clearContext();
        try (Browser office = new Browser(port)) {
            office.signIn(hall.leader(), TestAccounts.PASSWORD);
            office.open("/screening/ledger");
            office.type(By.id("person"), "欧阳志远");
            office.click(By.cssSelector("main form button[type=submit]"));
            office.waitFor(ExpectedConditions.urlContains("person="));
            String table = office.text(By.id("ledger-table"));
            assertThat(table).contains("欧阳志远").doesNotContain("张建国").contains("测试ADMIN");
            office.screenshot("r20-4-ledger-search-desk");

            // 导出Excel: at once 正在生成… and not clickable, then back when the file starts to arrive (a slow network,
            // 2 s a request through Chrome DevTools, stands for a large ledger that takes a while to make)
            ChromeDriver chrome = (ChromeDriver) office.driver();
            chrome.executeCdpCommand("Network.enable", Map.of());
            chrome.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", false, "latency", 2000,
                    "downloadThroughput", -1, "uploadThroughput", -1));
            office.click(By.id("export"));
            assertThat(office.text(By.id("export"))).isEqualTo("正在生成…");
            assertThat(office.driver().findElement(By.id("export")).getAttribute("aria-disabled")).isEqualTo("true");
            office.screenshot("r20-4-ledger-export-busy");
            office.waitFor(ExpectedConditions.textToBe(By.id("export"), "导出Excel"));
            assertThat(office.driver().findElement(By.id("export")).getAttribute("aria-disabled")).isNull();
            chrome.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", false, "latency", 0,
                    "downloadThroughput", -1, "uploadThroughput", -1));

            office.open("/screening/ledger/print?noprint=1");
            assertThat(office.text(By.tagName("h1"))).contains("测试大厅");
            assertThat(office.text(By.tagName("body"))).contains("导出人：测试LEADER").contains("负责人签字")
                    .contains("测试ADMIN").doesNotContain(hall.admin());
            office.screenshot("r20-4-screening-ledger-print");

            // a ledger printed by the one shared print view, from the code that exports it
            office.open("/staffhealth/compliance/print?noprint=1");
            assertThat(office.text(By.tagName("h1"))).contains("测试大厅").contains("健康防护落实情况");
            assertThat(office.text(By.tagName("body"))).contains("导出人：测试LEADER").contains("负责人签字");
            assertThat(office.driver().findElements(By.cssSelector("section.ledger"))).hasSize(2);
            office.screenshot("r20-4-compliance-print");

            office.asPhone();
            office.open("/screening/ledger/print?noprint=1");
            office.screenshot("r20-4-screening-ledger-print-phone");
        }
    }
}
