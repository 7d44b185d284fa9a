package org.hallsafe.incident;

import java.util.List;

import org.hallsafe.Browser;
import org.hallsafe.BrowserTest;
import org.hallsafe.HallSafeTest;
import org.hallsafe.TestAccounts;
import org.hallsafe.TestHall;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 20, item 2: a leader on a 360 px phone handles 300 no-mask refusals: pages through them, filters, ticks all
 * that match and acknowledges them with one note; the badge counts unacknowledged incidents, not unread ones.
 */
@HallSafeTest
@BrowserTest
class IncidentsAtScaleBrowserTest {

    @LocalServerPort int port;
    @Autowired TestHall halls;
    @Autowired Incidents incidents;
    @Autowired JdbcClient jdbc;

    @AfterEach
    void tearDown() {
        SecurityContextHolder.clearContext();
    }

    private static Incidents.Text noMask(int i) {
        return Incidents.Text.of("gate.incident.title.noMask", "群众" + i, Incidents.Words.of("gate.personType.CITIZEN"));
    }

    private static Incidents.Text details(int i) {
        return Incidents.Text.of("gate.incident.details", "2026-12-02 09:00", "群众" + i,
                Incidents.Words.of("gate.personType.CITIZEN"), "138****0000", Incidents.Words.of("gate.reason.NO_MASK"),
                "36.5", "screener");
    }

    private String badge(Browser b) {
        return (String) ((JavascriptExecutor) b.driver()).executeScript(
                "var e = document.getElementById('incident-badge'); return e ? e.textContent.trim() : '';");
    }

    @Test
    void r20_2_aLeaderOnAPhonePagesFiltersAndAcknowledges300IncidentsInAFewTaps() throws Exception {
        TestHall.Hall hall = halls.create();
        halls.signIn(hall.screener());
        for (int i = 0; i < 300; i++) {
            incidents.report(hall.siteId(), "screening", "r20-2-" + i, noMask(i), details(i));
        }
        SecurityContextHolder.clearContext();

        try (Browser b = new Browser(port)) {
            b.driver().manage().window().setSize(new Dimension(360, 800));
            b.signIn(hall.leader(), TestAccounts.PASSWORD);
            b.open("/incidents");
            b.waitFor(d -> "300".equals(badge(b)));
            assertThat(b.text(By.id("incident-total"))).contains("300");
            assertThat(b.text(By.id("page-at"))).contains("1").contains("6");
            // 50 a page, the no-mask refusals of one hour gathered under one line that opens
            assertThat(b.driver().findElements(By.cssSelector("input[name=ids]"))).hasSize(50);
            assertThat(b.driver().findElement(By.cssSelector("details.incident-group summary")).getText())
                    .contains("300").contains("未戴口罩劝返");
            assertThat(((JavascriptExecutor) b.driver()).executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth")).isEqualTo(0L);
            b.screenshot("r20-2-incidents-phone-zh");

            // page through: the filter and the page stay in the URL
            b.click(By.id("page-older"));
            b.waitFor(ExpectedConditions.urlContains("page=1"));
            assertThat(b.text(By.id("page-at"))).contains("2");

            // reading one does not clear the badge: only acknowledging does
            b.click(By.cssSelector("details.incident-group summary"));
            b.click(By.cssSelector("details.incident-group .incident-row a"));
            b.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("incident-status")));
            assertThat(b.text(By.cssSelector("main h1"))).startsWith("入口劝返：群众").endsWith("未戴口罩");
            b.open("/incidents");
            b.waitFor(d -> "300".equals(badge(b)));

            // filters, each kept in the URL
            b.click(By.id("filter-unack"));
            b.waitFor(ExpectedConditions.urlContains("unack=true"));
            new Select(b.driver().findElement(By.name("source"))).selectByValue("screening");
            b.waitFor(ExpectedConditions.urlContains("source=screening"));
            assertThat(b.driver().getCurrentUrl()).contains("unack=true");
            assertThat(b.text(By.id("incident-total"))).contains("300");

            // a few taps: all matching, one note, acknowledge
            b.click(By.id("tick-all-matching"));
            b.type(By.id("bulk-note"), "已统一提醒入口备口罩");
            b.click(By.id("bulk-acknowledge"));
            assertThat(b.text(By.id("bulk-done"))).contains("300");
            b.waitFor(d -> badge(b).isEmpty());
            assertThat(b.driver().getCurrentUrl()).contains("unack=true").contains("source=screening");
            assertThat(b.driver().findElements(By.cssSelector(".incident-row"))).isEmpty();
            b.screenshot("r20-2-incidents-phone-acknowledged");
        }

        // one transaction did all 300: each incident has the note and its own line in the activity log
        assertThat(jdbc.sql("SELECT count(*) FROM incidents WHERE site_id = :s AND status = 'ACKNOWLEDGED'")
                .param("s", hall.siteId()).query(Integer.class).single()).isEqualTo(300);
        assertThat(jdbc.sql("SELECT count(*) FROM incident_notes WHERE site_id = :s AND kind = 'ACKNOWLEDGED' AND body_cipher IS NOT NULL")
                .param("s", hall.siteId()).query(Integer.class).single()).isEqualTo(300);
        long one = jdbc.sql("SELECT min(id) FROM incidents WHERE site_id = :s").param("s", hall.siteId()).query(Long.class).single();
        halls.signIn(hall.leader());
        List<Incidents.Note> notes = incidents.record(hall.siteId(), one).notes();
        assertThat(notes).anySatisfy(n -> assertThat(n.body()).isEqualTo("已统一提醒入口备口罩"));
        await().until(() -> jdbc.sql("""
                SELECT count(*) FROM audit_log WHERE site_id = :s AND action = 'INCIDENT_ACKNOWLEDGED'""")
                .param("s", hall.siteId()).query(Integer.class).single() == 300);
    }

    @Test
    void r20_2_theListAndTheDeskInBothLanguages() throws Exception {
        TestHall.Hall hall = halls.create();
        halls.signIn(hall.screener());
        for (int i = 0; i < 8; i++) {
            incidents.report(hall.siteId(), "screening", "r20-2-desk-" + i, noMask(i), details(i));
        }
        incidents.report(hall.siteId(), "staffhealth", "r20-2-desk-s",
                Incidents.Text.of("staffhealth.incident.title", "周明", "局办公室"), Incidents.Text.of("staffhealth.incident.details",
                        "周明", "局办公室", "37.6", Incidents.Words.of("gate.symptom.COUGH"), "screener"));
        SecurityContextHolder.clearContext();
        try (Browser b = new Browser(port)) {
            b.signIn(hall.leader(), TestAccounts.PASSWORD);
            b.open("/incidents");
            b.waitFor(d -> "9".equals(badge(b)));
            b.screenshot("r20-2-incidents-desk-zh");
            b.open("/incidents?lang=en");
            assertThat(b.text(By.cssSelector("details.incident-group summary"))).contains("refused for no mask within the hour");
            assertThat(b.text(By.cssSelector("main"))).contains("Staff member abnormal reading: 周明");
            b.screenshot("r20-2-incidents-desk-en");
            b.driver().manage().window().setSize(new Dimension(360, 800));
            b.open("/incidents");
            assertThat(((JavascriptExecutor) b.driver()).executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth")).isEqualTo(0L);
            b.screenshot("r20-2-incidents-phone-en");
        }
    }
}
