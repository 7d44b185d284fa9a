package org.hallsafe;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.hallsafe.incident.Incidents;
import org.hallsafe.platform.ActivityLog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 20, item 7: English is complete. Every GET page (found as {@link Issue12ContentSecurityPolicyBrowserTest}
 * finds them), in Chinese and in English, as a hall's administrator and as its leader: no {@code ??key??} anywhere in
 * the rendered page, and in English no Chinese character in the system's own text.
 *
 * <p>What is system text: the page title, headings, labels, buttons (and links styled as buttons), table headings,
 * legends, summaries, form hints, the navigation bar and the placeholder, aria-label and title attributes. What the
 * hall typed (names, sections, notes) sits in table cells, list items and paragraphs, which are not scanned; where
 * such data stands inside system text (the signed-in person's name in the bar, a person's name in a heading) the
 * element carries {@code translate="no"} (HTML's own mark for "not to be translated") and is left out, as is the
 * language switch, which names Chinese in Chinese (中文). Inside a system sentence ("测试大厅2 Daily briefing",
 * "Hello, 张建国", an aria-label naming a person) the names of halls and of the hall's people and accounts are taken
 * out before the check: they are the hall's data, not HallSafe's words.
 */
@HallSafeTest
@BrowserTest
class EnglishCompleteBrowserTest {

    private static final List<String> NOT_PAGES = List.of("/api/", "/actuator", "/v3/", "/swagger", "/live", "/error",
            "/logout", "/setup", ".xlsx", ".svg", ".csv", "/photo", "/notifications/badge");

    /** The scan, run in the page: {@code ??} in all text and attributes; CJK in system text. */
    private static final String SCAN = """
            var system = 'title, h1, h2, h3, h4, h5, h6, label, button, .btn, th, legend, summary, .form-text, nav, '
                + '.nav-link, .dropdown-item, .navbar-brand';
            var data = arguments[0], keyed = [], chinese = [];
            function cjk(t) {
              data.forEach(function (d) { t = t.split(d).join(' '); });
              return /[\\u3400-\\u9fff\\u3000-\\u303f\\uff00-\\uffef]/.test(t);
            }
            var all = document.title + '\\n' + document.body.innerText;
            document.querySelectorAll('[placeholder],[aria-label],[title]').forEach(function (e) {
              ['placeholder', 'aria-label', 'title'].forEach(function (a) {
                var v = e.getAttribute(a);
                if (v && !e.closest('[translate=no]') && !e.classList.contains('navbar-text')) {
                  all += '\\n' + v;
                  if (cjk(v)) { chinese.push(a + ': ' + v); }
                }
              });
            });
            all.split('\\n').forEach(function (l) { if (l.indexOf('??') >= 0) { keyed.push(l.trim()); } });
            function text(e) {
              var copy = e.cloneNode(true);
              copy.querySelectorAll('[translate=no], .nav-user, script, style, option, a[href*="lang="]').forEach(function (x) { x.remove(); });
              return (copy.innerText === undefined ? copy.textContent : copy.textContent).trim();
            }
            if (cjk(document.title)) { chinese.push('title: ' + document.title); }
            document.body.querySelectorAll(system).forEach(function (e) {
              // the switch to Chinese names its language in Chinese (中文), as language switches do
              if (e.closest('[translate=no]') || e.closest('a[href*="lang="]')) { return; }
              var t = text(e);
              if (cjk(t)) { chinese.push(e.tagName.toLowerCase() + ': ' + t.substring(0, 120)); }
            });
            return {keyed: keyed, chinese: Array.from(new Set(chinese))};""";

    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;
    @LocalServerPort int port;
    @Autowired TestHall halls;
    @Autowired Incidents incidents;
    @Autowired ActivityLog activity;
    @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @AfterEach
    void tearDown() {
        SecurityContextHolder.clearContext();
    }

    private List<String> pages() {
        return GetPages.withoutRecord(mappings, NOT_PAGES);
    }

    /** A hall with the texts item 7 is about: a refusal kept as keys, an old incident as a sentence, audit actions. */
    private TestHall.Hall hall() {
        TestHall.Hall hall = halls.create();
        halls.signIn(hall.screener());
        incidents.report(hall.siteId(), "screening", "r20-7-keys",
                Incidents.Text.of("gate.incident.title.noMask", "王五", Incidents.Words.of("gate.personType.CITIZEN")),
                Incidents.Text.of("gate.incident.details", "2026-12-02 09:00", "王五",
                        Incidents.Words.of("gate.personType.CITIZEN"), "—", Incidents.Words.of("gate.reason.NO_MASK"),
                        "36.5", "screener"));
        for (String action : List.of("ARRIVED", "NO_SHOW", "SENT_BACK", "NOTICE_SEND_FAILED", "A_FUTURE_ACTION")) {
            activity.record(hall.siteId(), "screener", action, "booking", 1, "r20-7");
        }
        SecurityContextHolder.clearContext();
        return hall;
    }

    @Test
    void r20_7_noRawKeyOnAnyPageAndNoChineseSystemTextInEnglish() throws Exception {
        TestHall.Hall hall = hall();
        List<String> pages = pages();
        assertThat(pages).hasSizeGreaterThan(40);
        // what the halls typed, which may stand inside system text ("测试大厅2 Daily briefing", "Hello, 张三"): the names of
        // halls, and of this hall's people and accounts; longest first, so a name is removed whole
        List<String> data = new ArrayList<>(jdbc.sql("SELECT name FROM sites").query(String.class).list());
        data.addAll(jdbc.sql("SELECT name FROM staff WHERE site_id = :s").param("s", hall.siteId()).query(String.class).list());
        data.addAll(jdbc.sql("SELECT display_name FROM accounts WHERE site_id = :s").param("s", hall.siteId()).query(String.class).list());
        data.sort(java.util.Comparator.comparingInt(String::length).reversed());
        List<String> keyed = new ArrayList<>();
        List<String> chinese = new ArrayList<>();
        for (String user : List.of(hall.admin(), hall.leader())) {
            for (String lang : List.of("zh-CN", "en")) {
                try (Browser b = new Browser(port)) {
                    b.signIn(user, TestAccounts.PASSWORD);
                    for (String page : pages) {
                        b.open(page + (page.contains("?") ? "&" : "?") + "lang=" + lang);
                        b.waitFor(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
                        @SuppressWarnings("unchecked")
                        Map<String, List<String>> found = (Map<String, List<String>>) ((JavascriptExecutor) b.driver()).executeScript(SCAN, data);
                        String where = (user.equals(hall.admin()) ? "admin " : "leader ") + lang + " " + page + ": ";
                        found.get("keyed").forEach(k -> keyed.add(where + k));
                        if (lang.equals("en")) {
                            found.get("chinese").forEach(c -> chinese.add(where + c));
                        }
                    }
                }
            }
        }
        assertThat(keyed).as("??key?? on a page").isEmpty();
        assertThat(chinese).as("Chinese system text in English").isEmpty();
    }

    @Test
    void r20_7_theBarKeepsSignOutVisibleAt1280InEnglishAndChinese() throws Exception {
        TestHall.Hall hall = hall();
        try (Browser b = new Browser(port)) {
            b.driver().manage().window().setSize(new Dimension(1280, 900));
            b.signIn(hall.admin(), TestAccounts.PASSWORD);
            for (String lang : List.of("en", "zh-CN")) {
                b.open("/incidents?lang=" + lang);
                // the badge arrives after the page (htmx) and widens the bar: measure with it
                b.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("incident-badge")));
                @SuppressWarnings("unchecked")
                Map<String, Object> r = (Map<String, Object>) ((JavascriptExecutor) b.driver()).executeScript("""
                        var out = document.querySelector('form[action$="/logout"] button').getBoundingClientRect();
                        var nav = document.querySelector('nav.navbar').getBoundingClientRect();
                        var brand = document.querySelector('.navbar-brand').getBoundingClientRect();
                        return {right: out.right, left: out.left, top: out.top, bottom: out.bottom, width: out.width,
                                view: document.documentElement.clientWidth, navBottom: nav.bottom, navHeight: nav.height,
                                brandHeight: brand.height,
                                overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth};""");
                double view = ((Number) r.get("view")).doubleValue();
                assertThat(((Number) r.get("width")).doubleValue()).as(lang + " sign-out has a width").isGreaterThan(20);
                assertThat(((Number) r.get("right")).doubleValue()).as(lang + " sign-out inside the screen").isLessThanOrEqualTo(view);
                assertThat(((Number) r.get("bottom")).doubleValue()).as(lang + " sign-out inside the bar")
                        .isLessThanOrEqualTo(((Number) r.get("navBottom")).doubleValue());
                // one line: the bar no taller than a one-line bar (brand plus padding)
                assertThat(((Number) r.get("navHeight")).doubleValue()).as(lang + " the bar is one line")
                        .isLessThan(((Number) r.get("brandHeight")).doubleValue() * 2 + 16);
                assertThat(((Number) r.get("overflow")).longValue()).as(lang + " no sideways scrolling").isZero();
                b.screenshot("r20-7-bar-1280-" + lang);
            }
        }
    }
}
