package org.hallsafe.notice;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;

import org.hallsafe.Browser;
import org.hallsafe.BrowserTest;
import org.hallsafe.HallSafeTest;
import org.hallsafe.QrReader;
import org.hallsafe.TestAccounts;
import org.hallsafe.TestHall;
import org.hallsafe.organization.Directory;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.HasCdp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15, item 3, in a real headless Chromium: the wall poster prints on one A4 and one A3 page with a QR code that
 * leads to the notice's page, and the WeChat H5 page reads on a phone; neither breaks the Content-Security-Policy.
 */
@HallSafeTest
@BrowserTest
class NoticeChannelsBrowserTest {

    static final String BODY = """
            为做好疫情防控工作，保障办事群众和工作人员健康，本大厅自即日起实行以下措施：

            1. 进入大厅请佩戴口罩，配合测温、扫码；
            2. 排队时保持一米以上距离；
            3. 有发热、咳嗽等症状的，请先到发热门诊就诊。

            可办理的事项请尽量在网上办理，或先预约再来。

            ![戴口罩]({picture})
            """;

    @LocalServerPort int port;
    @Autowired TestHall halls;
    @Autowired ChannelFixture notices;
    @Autowired Directory directory;
    @Autowired Notices published;

    @Test
    void r15_3_thePosterPrintsOnOneA4AndOneA3PageWithAQrCodeThatLeadsToTheNotice() throws Exception {
        TestHall.Hall hall = halls.create();
        long id = notices.published(hall, "关于调整大厅开放时间的通告", BODY, ChannelFixture.ALL, ChannelFixture.png());
        String url = "http://localhost:" + port + "/public/notices/" + id + "?hall=" + directory.site(hall.siteId()).code();

        try (Browser b = new Browser(port)) {
            b.signIn(hall.officeDirector(), TestAccounts.PASSWORD);
            b.console();
            for (String size : List.of("A4", "A3")) {
                b.driver().manage().window().setSize(size.equals("A4") ? new Dimension(900, 1400) : new Dimension(1240, 1900));
                b.open("/notices/" + id + "/poster?size=" + size);
                assertThat(b.text(By.id("title"))).isEqualTo("关于调整大厅开放时间的通告");
                assertThat(b.text(By.cssSelector(".hall"))).isEqualTo(directory.site(hall.siteId()).name());
                b.screenshot("notice-poster-" + size.toLowerCase());

                // the QR code, as the page shows it, read back by a QR reader
                var code = b.driver().findElement(By.id("qr"));
                ((JavascriptExecutor) b.driver()).executeScript("arguments[0].scrollIntoView({block: 'center'});", code);
                // the screen around the code, with white to spare, as a phone's camera sees the poster; again after a
                // moment if the first frame caught the page still settling after the scroll
                String read = null;
                for (int attempt = 0; attempt < 3 && read == null; attempt++) {
                    if (attempt > 0) {
                        Thread.sleep(300);
                    }
                    read = qrOnScreen(b, code);
                }
                assertThat(read).isEqualTo(url);

                // printed as Chromium prints it (DevTools Page.printToPDF with the page's own @page size)
                Map<String, Object> pdf = ((HasCdp) b.driver()).executeCdpCommand("Page.printToPDF",
                        Map.of("preferCSSPageSize", true, "printBackground", true));
                byte[] bytes = Base64.getDecoder().decode((String) pdf.get("data"));
                Path file = Path.of("target/screenshots/notice-poster-" + size.toLowerCase() + ".pdf");
                Files.createDirectories(file.getParent());
                Files.write(file, bytes);
                List<double[]> pages = pages(bytes);
                assertThat(pages).as("pages of the %s poster", size).hasSize(1);
                // A4 is 595 × 842 points, A3 842 × 1191
                double[] expected = size.equals("A4") ? new double[] {595.3, 841.9} : new double[] {841.9, 1190.6};
                assertThat(pages.get(0)[0]).isCloseTo(expected[0], org.assertj.core.data.Offset.offset(2.0));
                assertThat(pages.get(0)[1]).isCloseTo(expected[1], org.assertj.core.data.Offset.offset(2.0));
                assertThat(b.driver().getPageSource()).as("every text from the bundles").doesNotContain("??");
            }
            assertThat(b.console()).noneMatch(line -> line.contains("Content Security Policy"));
        }
    }

    @Test
    void r15_3_theWeChatPageReadsOnAPhoneWithLargeTypeAndNothingFromElsewhere() throws Exception {
        TestHall.Hall hall = halls.create();
        long id = notices.published(hall, "进入大厅须知", BODY, ChannelFixture.ALL, ChannelFixture.png());
        String code = directory.site(hall.siteId()).code();

        try (Browser b = new Browser(port)) {
            b.asPhone();
            b.open("/public/notices/" + id + "/wechat?hall=" + code);
            assertThat(b.text(By.id("title"))).isEqualTo("进入大厅须知");
            assertThat(b.text(By.id("body"))).contains("进入大厅请佩戴口罩");
            JavascriptExecutor js = (JavascriptExecutor) b.driver();
            assertThat(js.executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth"))
                    .as("no sideways scrolling on a 390 px phone").isEqualTo(0L);
            assertThat(((Number) js.executeScript(
                    "return parseFloat(getComputedStyle(document.querySelector('#body p')).fontSize)")).doubleValue())
                    .as("body type in px").isGreaterThanOrEqualTo(18.0);
            assertThat(js.executeScript("return document.scripts.length")).isEqualTo(0L);
            @SuppressWarnings("unchecked")
            List<String> loaded = (List<String>) js.executeScript(
                    "return performance.getEntriesByType('resource').map(function (e) { return e.name; })");
            assertThat(loaded).isNotEmpty().allMatch(u -> u.startsWith("http://localhost:" + port + "/"));
            assertThat(b.driver().findElements(By.cssSelector("#body img"))).as("the notice's picture").hasSize(1);
            b.screenshot("notice-wechat-phone");
            assertThat(b.driver().getPageSource()).as("every text from the bundles").doesNotContain("??");
            assertThat(b.console()).noneMatch(line -> line.contains("Content Security Policy"));

            // English, from the link at the bottom
            b.click(By.cssSelector(".links a[lang]"));
            assertThat(b.text(By.cssSelector(".links a[lang]"))).isEqualTo("中文");
        }
    }

    /** The size in points of each page of a PDF as Chromium writes it. */
    static List<double[]> pages(byte[] pdf) {
        String text = new String(pdf, StandardCharsets.ISO_8859_1);
        Matcher m = Pattern.compile("/Type\\s*/Page[^s].*?/MediaBox\\s*\\[\\s*([\\d.]+)\\s+([\\d.]+)\\s+([\\d.]+)\\s+([\\d.]+)",
                Pattern.DOTALL).matcher(text);
        List<double[]> pages = new ArrayList<>();
        while (m.find()) {
            pages.add(new double[] {Double.parseDouble(m.group(3)) - Double.parseDouble(m.group(1)),
                    Double.parseDouble(m.group(4)) - Double.parseDouble(m.group(2))});
        }
        return pages;
    }

    /** The screen around the code, with white to spare, read by a QR reader; null when it reads nothing. */
    private static String qrOnScreen(Browser b, WebElement code) throws Exception {
        @SuppressWarnings("unchecked")
        Map<String, Number> box = (Map<String, Number>) ((JavascriptExecutor) b.driver()).executeScript(
                "var r = arguments[0].getBoundingClientRect(); return {x: r.left, y: r.top, w: r.width, h: r.height};", code);
        BufferedImage screen = ImageIO.read(new ByteArrayInputStream(
                ((org.openqa.selenium.TakesScreenshot) b.driver()).getScreenshotAs(OutputType.BYTES)));
        int x = Math.max(0, box.get("x").intValue() - 16);
        int y = Math.max(0, box.get("y").intValue() - 16);
        return QrReader.read(screen.getSubimage(x, y, Math.min(screen.getWidth() - x, box.get("w").intValue() + 32),
                Math.min(screen.getHeight() - y, box.get("h").intValue() + 32)));
    }
}
