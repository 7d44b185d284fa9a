package org.hallsafe;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.hallsafe.platform.Role;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #20, item 6: Deque's axe-core runs over every page of HallSafe in Chromium and finds no serious or critical
 * violation. The pages are read from Spring MVC's mappings as {@link Issue12ContentSecurityPolicyBrowserTest} reads
 * them, so a page added later is held to the same bar; a page whose path names a record is reached by following the
 * first link to it from a list page. The bundled Swagger UI is left out (not HallSafe's own markup).
 */
@HallSafeTest
@BrowserTest
class Issue20AccessibilityBrowserTest {

    /** What is not a page: data, files, streams, the sign-out and set-up links, and the bundled Swagger UI. */
    private static final List<String> NOT_PAGES = List.of("/api/", "/actuator", "/v3/", "/swagger", "/live", "/error",
            "/logout", "/setup", "/welcome", ".xlsx", ".svg", ".csv", ".png", ".ics", ".xml", ".atom", "/photo", "/qr/",
            "/audio", "/download", "/export");

    private static final List<String> PUBLIC_PAGES = List.of("/login", "/appointments/book", "/appointments/manage",
            "/agency/apply", "/agency/status", "/public/notices");

    /** The roles whose home page differs from the administrator's. */
    private static final List<Role> OTHER_HOMES = List.of(Role.LEADER, Role.SECTION_HEAD, Role.SCREENER, Role.STAFF,
            Role.CANTEEN, Role.WINDOW, Role.CLEANER);

    private static final Set<String> FAILING_IMPACTS = Set.of("serious", "critical");

    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;
    @LocalServerPort int port;
    @Autowired TestAccounts accounts;

    private final AntPathMatcher paths = new AntPathMatcher();

    @Test
    void r20_6_noPageHasASeriousOrCriticalAxeViolation() throws Exception {
        Map<String, List<String>> found = new LinkedHashMap<>();
        List<String> patterns = new ArrayList<>();
        List<String> plain = new ArrayList<>();
        GetPages.of(mappings, NOT_PAGES).forEach(p -> (p.contains("{") ? patterns : plain).add(p));
        Set<String> pages = new TreeSet<>(plain);
        int checked = 0;
        try (Browser b = new Browser(port)) {
            for (String page : PUBLIC_PAGES) {
                if (check(b, page, "anonymous", found)) {
                    checked++;
                }
            }
            b.signIn(accounts.create(Role.BUREAU_ADMIN), TestAccounts.PASSWORD);
            Set<String> reached = new TreeSet<>();
            List<String> records = new ArrayList<>();
            for (String page : pages) {
                if (check(b, page, "admin", found)) {
                    checked++;
                }
                // one record per kind of page whose path names a record, from the first link to it on a list page
                for (WebElement a : b.driver().findElements(By.cssSelector("main a[href^='/']"))) {
                    String href = URI.create(a.getAttribute("href")).getPath();
                    patterns.stream().filter(p -> !pages.contains(href) && paths.match(p, href)
                            && NOT_PAGES.stream().noneMatch(href::contains))
                            .findFirst().filter(reached::add).ifPresent(p -> records.add(href));
                }
            }
            System.out.println("axe-core: pages of one record, reached by a link: " + records);
            for (String page : records) {
                if (check(b, page, "admin", found)) {
                    checked++;
                }
            }
            for (Role role : OTHER_HOMES) {
                b.open("/logout");
                b.driver().manage().deleteAllCookies();
                b.signIn(accounts.create(role), TestAccounts.PASSWORD);
                if (check(b, "/", role.name(), found)) {
                    checked++;
                }
            }
        }
        System.out.println("axe-core checked " + checked + " pages");
        assertThat(checked).as("pages checked").isGreaterThan(60);
        StringBuilder report = new StringBuilder();
        found.forEach((page, rules) -> rules.forEach(rule -> report.append("\n  ").append(page).append(" → ").append(rule)));
        assertThat(found).withFailMessage("axe-core found serious or critical violations on %d pages (who page → rule "
                + "(impact, how many elements): the first CSS selectors; look a rule up at "
                + "https://dequeuniversity.com/rules/axe/4.11/<rule>):%s", found.size(), report).isEmpty();
    }

    private boolean check(Browser b, String page, String who, Map<String, List<String>> found) {
        b.open(page);
        b.waitFor(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
        if (((JavascriptExecutor) b.driver()).executeScript("return document.doctype") == null) {
            return false; // a piece htmx puts into a page (or the notices' embeddable fragment), not a page of its own
        }
        Results results = new AxeBuilder().exclude(".swagger-ui").analyze(b.driver());
        List<String> lines = new ArrayList<>();
        for (Rule rule : results.getViolations()) {
            if (FAILING_IMPACTS.contains(rule.getImpact())) {
                List<String> targets = rule.getNodes().stream().map(CheckedNode::getTarget).map(String::valueOf).limit(5)
                        .toList();
                lines.add(rule.getId() + " (" + rule.getImpact() + ", " + rule.getNodes().size() + "×): " + targets);
            }
        }
        if (!lines.isEmpty()) {
            found.put(who + " " + page, lines);
        }
        return true;
    }
}
