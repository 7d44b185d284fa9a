package org.hallsafe.screening;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.hallsafe.Browser;
import org.hallsafe.BrowserTest;
import org.hallsafe.HallSafeTest;
import org.hallsafe.TestAccounts;
import org.hallsafe.TestHall;
import org.hallsafe.shared.IdNumber;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 20, item 1: the gate on a 360 px phone. The right words for each outcome; a submit button that shows it is
 * sending and takes one press; readings kept on the phone while the network is down and sent once each when it
 * returns; a refusal's questioning in a few taps; nothing covered; the camera button.
 */
@HallSafeTest
@BrowserTest
class Issue20GateBrowserTest {

    private static final Dimension PHONE = new Dimension(360, 740);
    private static final Dimension TABLET = new Dimension(800, 1280);

    @LocalServerPort int port;
    @Autowired TestHall halls;
    @Autowired JdbcClient jdbc;

    /** What a screener's finger does, counted: a tap on a button, or on a field before typing into it. */
    private static final class Taps {
        private final Browser b;
        private int count;

        Taps(Browser b) {
            this.b = b;
        }

        void tap(By by) {
            count++;
            b.click(by);
        }

        void typeInto(By by, String text) {
            tap(by);
            b.driver().findElement(by).clear();
            b.driver().findElement(by).sendKeys(text);
        }
    }

    private static String idNo(String first17) {
        return first17 + IdNumber.checkCharacter(first17);
    }

    private static Object js(Browser b, String script, Object... args) {
        return ((JavascriptExecutor) b.driver()).executeScript(script, args);
    }

    private static void network(Browser b, boolean offline, int latencyMs) {
        ChromeDriver chrome = (ChromeDriver) b.driver();
        chrome.executeCdpCommand("Network.enable", Map.of());
        chrome.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", offline, "latency", latencyMs,
                "downloadThroughput", -1, "uploadThroughput", -1));
    }

    /** Fills in a walk-in citizen's reading (without pressing 提交). */
    private static void fill(Browser b, String name, String first17, String phone, String mask, String temperature) {
        b.type(By.id("docNo"), idNo(first17));
        b.type(By.id("name"), name);
        b.type(By.id("phone"), phone);
        b.click(By.cssSelector("label[for=mask-" + mask + "]"));
        b.type(By.id("temperature"), temperature);
        b.click(By.cssSelector("label[for=noSymptoms]"));
    }

    private static void record(Browser b) {
        var before = b.driver().findElement(By.id("gate-form"));
        b.click(By.id("record"));
        b.waitFor(ExpectedConditions.stalenessOf(before));
    }

    private long stored(TestHall.Hall hall, String name) {
        return jdbc.sql("SELECT count(*) FROM screenings WHERE site_id = ? AND person_name = ?")
                .params(hall.siteId(), name).query(Long.class).single();
    }

    private static int occurrences(String text, String word) {
        return text.split(java.util.regex.Pattern.quote(word), -1).length - 1;
    }

    @Test
    void r20_1_readingsTakenWhileTheNetworkIsDownWaitOnThePhoneAndAreSentOnceEachWhenItReturns() throws Exception {
        TestHall.Hall hall = halls.create();
        try (Browser screener = new Browser(port); Browser leader = new Browser(port)) {
            screener.driver().manage().window().setSize(PHONE);
            screener.signIn(hall.screener(), TestAccounts.PASSWORD);
            screener.open("/screening/gate");

            network(screener, true, 0);
            fill(screener, "离线甲", "43090219760304011", "13712340011", "DISPOSABLE_MEDICAL", "36.5");
            screener.click(By.id("record"));
            assertThat(screener.text(By.id("outbox-count"))).isEqualTo("未上传 1 条");
            assertThat(screener.text(By.id("outbox-saved"))).contains("离线甲").contains("已存在本机");
            assertThat(screener.driver().findElement(By.id("docNo")).getAttribute("value"))
                    .as("the form is empty for the next person").isEmpty();
            fill(screener, "离线乙", "43090219760304012", "13712340012", "N95_KN95", "36.6");
            screener.click(By.id("record"));
            assertThat(screener.text(By.id("outbox-count"))).isEqualTo("未上传 2 条");
            screener.screenshot("r20-1-gate-phone-offline-2");
            String key = "hallsafe.gate.outbox." + hall.screener();
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> kept = (List<Map<String, Object>>) js(screener,
                    "return JSON.parse(localStorage.getItem(arguments[0]));", key);
            assertThat(kept).hasSize(2).allSatisfy(i -> assertThat((String) i.get("id")).hasSize(36));
            assertThat(kept.get(0).get("id")).isNotEqualTo(kept.get(1).get("id"));
            assertThat(stored(hall, "离线甲") + stored(hall, "离线乙")).isZero();

            // the network returns: both are sent by themselves, the count going down, and leave the phone's storage
            network(screener, false, 0);
            new WebDriverWait(screener.driver(), Duration.ofSeconds(40)).until(d -> ((JavascriptExecutor) d).executeScript(
                    "return document.getElementById('outbox').hidden;").equals(true));
            assertThat(screener.text(By.id("outbox-done"))).contains("离线乙").contains("准入");
            assertThat(js(screener, "return localStorage.getItem(arguments[0]);", key)).isNull();
            screener.screenshot("r20-1-gate-phone-back-online");

            // a third one, and the page reloaded before the network is back: nothing is lost
            network(screener, true, 0);
            fill(screener, "离线丙", "43090219760304013", "13712340013", "DISPOSABLE_MEDICAL", "36.4");
            screener.click(By.id("record"));
            assertThat(screener.text(By.id("outbox-count"))).isEqualTo("未上传 1 条");
            network(screener, false, 0);
            screener.open("/screening/gate");
            new WebDriverWait(screener.driver(), Duration.ofSeconds(40)).until(d -> ((JavascriptExecutor) d).executeScript(
                    "return localStorage.getItem(arguments[0]) === null;", key).equals(true));

            assertThat(stored(hall, "离线甲")).isEqualTo(1);
            assertThat(stored(hall, "离线乙")).isEqualTo(1);
            assertThat(stored(hall, "离线丙")).isEqualTo(1);
            leader.signIn(hall.leader(), TestAccounts.PASSWORD);
            leader.open("/screening/ledger");
            String ledger = leader.text(By.id("ledger-table"));
            assertThat(occurrences(ledger, "离线甲")).isEqualTo(1);
            assertThat(occurrences(ledger, "离线乙")).isEqualTo(1);
            assertThat(occurrences(ledger, "离线丙")).isEqualTo(1);
        }
    }

    @Test
    void r20_1_aKeptReadingTheServerRefusesStaysUntilTheScreenerCorrectsItThenLeavesThePhone() throws Exception {
        TestHall.Hall hall = halls.create();
        try (Browser screener = new Browser(port)) {
            screener.driver().manage().window().setSize(PHONE);
            screener.signIn(hall.screener(), TestAccounts.PASSWORD);
            screener.open("/screening/gate");
            String key = "hallsafe.gate.outbox." + hall.screener();
            network(screener, true, 0);
            screener.type(By.id("bookingCode"), "ZZ99ZZ99"); // no such booking today: the phone cannot know
            screener.click(By.cssSelector("label[for=mask-DISPOSABLE_MEDICAL]"));
            screener.type(By.id("temperature"), "36.5");
            screener.click(By.cssSelector("label[for=noSymptoms]"));
            screener.click(By.id("record"));
            assertThat(screener.text(By.id("outbox-count"))).isEqualTo("未上传 1 条");

            network(screener, false, 0);
            new WebDriverWait(screener.driver(), Duration.ofSeconds(40)).until(
                    ExpectedConditions.textToBePresentInElementLocated(By.id("outbox-rejected"), "未被接受"));
            assertThat(screener.text(By.id("outbox-count"))).as("refused, it is still kept").isEqualTo("未上传 1 条");
            screener.screenshot("r20-1-gate-phone-kept-refused");

            // 核对: back into the form and sent, the message beside the field
            var before = screener.driver().findElement(By.id("gate-form"));
            screener.click(By.cssSelector("[data-outbox-open]"));
            screener.waitFor(ExpectedConditions.stalenessOf(before));
            assertThat(screener.driver().findElement(By.id("bookingCode")).getAttribute("class")).contains("is-invalid");
            assertThat(screener.driver().findElement(By.id("noSymptoms")).isSelected()).as("what was typed is kept").isTrue();
            screener.driver().findElement(By.id("bookingCode")).clear();
            screener.type(By.id("docNo"), idNo("43090219760304061"));
            screener.type(By.id("name"), "核对后");
            screener.type(By.id("phone"), "13712340061");
            record(screener);
            assertThat(screener.text(By.id("decision"))).isEqualTo("准入");
            assertThat(js(screener, "return localStorage.getItem(arguments[0]);", key))
                    .as("accepted, nothing of it stays on the phone").isNull();
            assertThat(screener.driver().findElement(By.id("outbox")).isDisplayed()).isFalse();
            assertThat(stored(hall, "核对后")).isEqualTo(1);
        }
    }

    @Test
    void r20_1_theSubmitButtonShowsItIsSendingAndASecondPressStoresNothingMore() throws Exception {
        TestHall.Hall hall = halls.create();
        try (Browser screener = new Browser(port)) {
            screener.driver().manage().window().setSize(PHONE);
            screener.signIn(hall.screener(), TestAccounts.PASSWORD);
            screener.open("/screening/gate");
            fill(screener, "慢网络", "43090219760304021", "13712340021", "DISPOSABLE_MEDICAL", "36.5");
            network(screener, false, 1500);
            var before = screener.driver().findElement(By.id("gate-form"));
            screener.click(By.id("record"));
            var button = screener.driver().findElement(By.id("record"));
            assertThat(button.getAttribute("disabled")).as("disabled while sending").isNotNull();
            assertThat(button.getText()).isEqualTo("正在提交…");
            screener.screenshot("r20-1-gate-phone-sending");
            js(screener, "document.getElementById('record').click();"
                    + "document.getElementById('gate-form').requestSubmit();");
            screener.waitFor(ExpectedConditions.stalenessOf(before));
            network(screener, false, 0);
            assertThat(screener.text(By.id("decision"))).isEqualTo("准入");
            Thread.sleep(1000); // a second request, had one gone out, would have landed by now (1.5 s latency)
            assertThat(stored(hall, "慢网络")).isEqualTo(1);
            assertThat(screener.driver().findElement(By.id("record")).getText()).isEqualTo("提交检测结果");
        }
    }

    @Test
    void r20_1_eachOutcomeSaysWhatHappened_admittedIsNeverReportedToTheLeaders() throws Exception {
        TestHall.Hall hall = halls.create();
        try (Browser screener = new Browser(port)) {
            screener.driver().manage().window().setSize(PHONE);
            screener.signIn(hall.screener(), TestAccounts.PASSWORD);
            screener.open("/screening/gate");

            fill(screener, "放行人", "43090219760304031", "13712340031", "DISPOSABLE_MEDICAL", "36.5");
            record(screener);
            assertThat(screener.text(By.id("outcome"))).isEqualTo("已放行，请进。").doesNotContain("领导小组");
            assertThat(screener.driver().findElements(By.id("questioning"))).isEmpty();
            screener.screenshot("r20-1-gate-phone-admitted");

            fill(screener, "复测人", "43090219760304032", "13712340032", "DISPOSABLE_MEDICAL", "37.6");
            record(screener);
            assertThat(screener.text(By.id("outcome"))).startsWith("请在旁等候").doesNotContain("领导小组")
                    .doesNotContain("已放行");
            screener.screenshot("r20-1-gate-phone-recheck");

            fill(screener, "劝返人", "43090219760304033", "13712340033", "NONE", "36.5");
            record(screener);
            assertThat(screener.text(By.id("outcome"))).isEqualTo("已劝返。 已报告领导小组。");
        }
    }

    @Test
    void r20_1_aWholeRefusalWithTheCommonQuestioningTakesSixTaps() throws Exception {
        TestHall.Hall hall = halls.create();
        try (Browser screener = new Browser(port)) {
            screener.driver().manage().window().setSize(PHONE);
            screener.signIn(hall.screener(), TestAccounts.PASSWORD);
            screener.open("/screening/gate");
            fill(screener, "周敏", "43090219760304050", "13712340050", "DISPOSABLE_MEDICAL", "36.5");
            record(screener);

            Taps taps = new Taps(screener);
            taps.typeInto(By.id("docNo"), idNo("43090219760304050"));
            taps.tap(By.cssSelector("label[for=mask-NONE]"));
            screener.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("citizen-fields"), "周敏"));
            taps.typeInto(By.id("temperature"), "36.6");
            taps.tap(By.cssSelector("label[for=noSymptoms]"));
            var before = screener.driver().findElement(By.id("gate-form"));
            taps.tap(By.id("record"));
            screener.waitFor(ExpectedConditions.stalenessOf(before));
            assertThat(screener.text(By.id("decision"))).isEqualTo("劝返");
            taps.tap(By.id("questioning-common"));
            assertThat(screener.text(By.cssSelector(".alert-success"))).contains("周敏").contains("询问记录");
            assertThat(taps.count).as("reading and questioning of a returning citizen, the common case").isLessThanOrEqualTo(6);
            screener.screenshot("r20-1-gate-phone-common-questioning");

            assertThat(jdbc.sql("""
                    SELECT handling FROM screenings WHERE site_id = ? AND person_name = '周敏' AND decision = 'REFUSED'
                      AND questioned_at IS NOT NULL""").param(hall.siteId()).query(String.class).single())
                    .isEqualTo("SENT_HOME");
        }
    }

    @Test
    void r20_1_aRefusalWithItsQuestioningRecordTakesFourTapsAfterTheDecision() throws Exception {
        TestHall.Hall hall = halls.create();
        try (Browser screener = new Browser(port)) {
            screener.driver().manage().window().setSize(PHONE);
            screener.signIn(hall.screener(), TestAccounts.PASSWORD);
            screener.open("/screening/gate");
            // a citizen seen before: the document number fills the rest in
            fill(screener, "孙立", "43090219760304041", "13712340041", "DISPOSABLE_MEDICAL", "36.5");
            record(screener);

            Taps taps = new Taps(screener);
            taps.typeInto(By.id("docNo"), idNo("43090219760304041"));
            taps.tap(By.cssSelector("label[for=mask-NONE]"));
            screener.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("citizen-fields"), "孙立"));
            taps.typeInto(By.id("temperature"), "36.7");
            taps.tap(By.cssSelector("label[for=noSymptoms]"));
            var before = screener.driver().findElement(By.id("gate-form"));
            taps.tap(By.id("record"));
            screener.waitFor(ExpectedConditions.stalenessOf(before));
            int reading = taps.count;
            assertThat(screener.text(By.id("decision"))).isEqualTo("劝返");
            screener.screenshot("r20-1-gate-phone-refused-questioning");

            taps.tap(By.cssSelector("label[for=places-preset]"));
            taps.tap(By.cssSelector("label[for=contact-NONE]"));
            taps.tap(By.cssSelector("label[for=handling-SENT_HOME]"));
            assertThat(screener.driver().findElement(By.id("places")).getAttribute("value"))
                    .isEqualTo("14天内无中高风险地区旅居史");
            taps.tap(By.id("questioning-save"));
            assertThat(screener.text(By.cssSelector(".alert-success"))).contains("孙立").contains("询问记录");
            int questioning = taps.count - reading;
            assertThat(questioning).as("the questioning after the decision").isEqualTo(4).isLessThanOrEqualTo(6);
            assertThat(taps.count).as("the whole refusal of a returning citizen, reading and questioning").isEqualTo(9);
            System.out.printf("r20_1 taps: reading %d, questioning %d, in all %d%n", reading, questioning, taps.count);

            assertThat(jdbc.sql("""
                    SELECT handling FROM screenings WHERE site_id = ? AND person_name = '孙立' AND decision = 'REFUSED'
                      AND questioned_at IS NOT NULL""").param(hall.siteId()).query(String.class).single())
                    .isEqualTo("SENT_HOME");
            screener.screenshot("r20-1-gate-phone-questioned");
        }
    }

    @Test
    void r20_1_at360pxTheIdNumberShowsWholeAndTheSubmitBarCoversNeitherTheThresholdNorNoSymptoms() throws Exception {
        TestHall.Hall hall = halls.create();
        try (Browser screener = new Browser(port)) {
            screener.driver().manage().window().setSize(PHONE);
            screener.signIn(hall.screener(), TestAccounts.PASSWORD);
            screener.open("/screening/gate");
            screener.type(By.id("docNo"), idNo("43090219760304051"));
            assertThat(js(screener, "var e = document.getElementById('docNo'); return e.scrollWidth <= e.clientWidth;"))
                    .as("all 18 digits are in view").isEqualTo(true);

            // brought into view as a screener gets there (focus, the next field): above the bar, not under it
            String covered = """
                    window.scrollTo(0, 0);
                    var el = arguments[0] === 'hint'
                        ? document.getElementById('temperature').closest('.mb-3').querySelector('.form-text')
                        : document.querySelector('label[for=noSymptoms]');
                    el.scrollIntoView({block: 'nearest', behavior: 'instant'});
                    var r = el.getBoundingClientRect(), bar = document.getElementById('submit-bar').getBoundingClientRect();
                    return [r.top, r.bottom, bar.top, bar.bottom, window.innerHeight];""";
            for (String target : List.of("hint", "noSymptoms")) {
                @SuppressWarnings("unchecked")
                List<Number> r = (List<Number>) js(screener, covered, target);
                assertThat(r.get(1).doubleValue()).as(target + " ends above the submit bar " + r)
                        .isLessThanOrEqualTo(r.get(2).doubleValue());
                assertThat(r.get(0).doubleValue()).as(target + " is on the screen " + r).isGreaterThanOrEqualTo(0);
            }
            js(screener, "window.scrollTo(0, 0); document.getElementById('temperature').focus();");
            @SuppressWarnings("unchecked")
            List<Number> hint = (List<Number>) js(screener, """
                    var r = document.getElementById('temperature').closest('.mb-3').querySelector('.form-text').getBoundingClientRect();
                    return [r.bottom, document.getElementById('submit-bar').getBoundingClientRect().top];""");
            assertThat(hint.get(0).doubleValue()).as("focused, the threshold hint shows " + hint)
                    .isLessThanOrEqualTo(hint.get(1).doubleValue());
            // and the bar is drawn on top: a focused field scrolled under it does not paint over the button
            js(screener, """
                    var t = document.getElementById('temperature');
                    t.focus({preventScroll: true});
                    var r = t.getBoundingClientRect(), bar = document.getElementById('submit-bar').getBoundingClientRect();
                    window.scrollBy({top: (r.top + r.height / 2) - (bar.top + bar.height / 2), behavior: 'instant'});""");
            assertThat(js(screener, """
                    var bar = document.getElementById('submit-bar').getBoundingClientRect();
                    var hit = document.elementFromPoint(bar.left + bar.width / 2, bar.top + bar.height / 2);
                    return !!(hit && hit.closest('#submit-bar'));""")).as("the submit bar is on top").isEqualTo(true);
            js(screener, "window.scrollTo(0, 0);");
            screener.screenshot("r20-1-gate-phone-360");
            assertThat(js(screener, "return document.documentElement.scrollWidth <= window.innerWidth;"))
                    .as("nothing wider than the phone").isEqualTo(true);

            // no camera in the test browser: the button says so; the library is HallSafe's own file, with its licence
            assertThat(screener.text(By.id("scan-booking"))).isEqualTo("无摄像头");
            assertThat(screener.driver().findElement(By.id("scan-booking")).isEnabled()).isFalse();
            HttpClient http = HttpClient.newHttpClient();
            for (String path : List.of("/js/vendor/jsQR.js", "/js/vendor/jsQR.LICENSE.txt")) {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .build(), HttpResponse.BodyHandlers.ofString());
                assertThat(r.statusCode()).as(path).isEqualTo(200);
            }
            // the library, loaded as the 扫码 button loads it, reads a booking's own QR code under the page's CSP
            screener.driver().manage().timeouts().scriptTimeout(Duration.ofSeconds(10));
            Object read = ((JavascriptExecutor) screener.driver()).executeAsyncScript("""
                    var done = arguments[arguments.length - 1];
                    var s = document.createElement('script');
                    s.src = '/js/vendor/jsQR.js';
                    s.onload = function () {
                      var img = new Image();
                      img.onload = function () {
                        var c = document.createElement('canvas'); c.width = 300; c.height = 300;
                        var x = c.getContext('2d'); x.fillStyle = '#fff'; x.fillRect(0, 0, 300, 300);
                        x.drawImage(img, 0, 0, 300, 300);
                        var code = jsQR(x.getImageData(0, 0, 300, 300).data, 300, 300);
                        done(code ? code.data : 'unread');
                      };
                      img.onerror = function () { done('no image'); };
                      img.src = '/appointments/qr/AB12CD34.svg';
                    };
                    s.onerror = function () { done('no script'); };
                    document.head.appendChild(s);""");
            assertThat(read).isEqualTo("AB12CD34");
            assertThat(screener.console()).noneMatch(line -> line.contains("Content Security Policy"));

            screener.driver().manage().window().setSize(TABLET);
            screener.open("/screening/gate");
            screener.screenshot("r20-1-gate-tablet");
        }
    }
}
