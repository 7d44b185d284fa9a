package org.hallsafe.display;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.hallsafe.Browser;
import org.hallsafe.BrowserTest;
import org.hallsafe.HallSafeTest;
import org.hallsafe.MutableClock;
import org.hallsafe.platform.LiveUpdates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15, item 4: the screen survives days unattended. The hall display and the call display run in headless
 * Chromium while the hall's events come far faster than in a real hall (an event every 200 ms, a call every 2 s);
 * each minute the JavaScript heap after a forced garbage collection, the DOM nodes and the event listeners are read
 * over the DevTools protocol. Run on purpose, it takes minutes:
 * {@code -Dtest=Issue15ScreenSoakTest -Dhallsafe.soak.minutes=20}.
 */
@HallSafeTest
@BrowserTest
@EnabledIfSystemProperty(named = "hallsafe.soak.minutes", matches = "\\d+")
class Issue15ScreenSoakTest {

    @LocalServerPort int port;
    @Autowired DisplayHall halls;
    @Autowired LiveUpdates live;
    @Autowired JdbcClient jdbc;
    @Autowired MutableClock clock;

    record Sample(int minute, long heap, long nodes, long listeners) {
    }

    static Sample sample(Browser b, int minute) {
        ChromeDriver chrome = (ChromeDriver) b.driver();
        chrome.executeCdpCommand("HeapProfiler.collectGarbage", Map.of());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> metrics = (List<Map<String, Object>>) chrome.executeCdpCommand("Performance.getMetrics", Map.of())
                .get("metrics");
        java.util.function.Function<String, Long> m = name -> metrics.stream().filter(x -> name.equals(x.get("name")))
                .map(x -> ((Number) x.get("value")).longValue()).findFirst().orElse(-1L);
        return new Sample(minute, m.apply("JSHeapUsedSize"), m.apply("Nodes"), m.apply("JSEventListeners"));
    }

    @Test
    void r15_4_theScreensDoNotGrowOverHoursOfAcceleratedUpdates() throws Exception {
        int minutes = Integer.getInteger("hallsafe.soak.minutes");
        DisplayHall.Ready r = halls.create();
        halls.screenAtTheGate(r, r.first(), r.people().get(0));
        halls.screenAtTheGate(r, r.second(), r.people().get(1));
        SecurityContextHolder.clearContext();
        List<Sample> screen = new ArrayList<>();
        List<Sample> calls = new ArrayList<>();
        long events = 0;
        long called = 0;
        try (Browser tv = new Browser(port); Browser caller = new Browser(port)) {
            for (Browser b : List.of(tv, caller)) {
                ((ChromeDriver) b.driver()).executeCdpCommand("Performance.enable", Map.of());
                b.driver().manage().window().setSize(new org.openqa.selenium.Dimension(1920, 1080));
            }
            tv.open(r.screen());
            caller.open(r.calls());
            tv.waitFor(ExpectedConditions.textToBe(By.id("link-state"), "实时更新中"));
            caller.waitFor(ExpectedConditions.textToBe(By.id("link-state"), "实时更新中"));
            Thread.sleep(3000);
            screen.add(sample(tv, 0));
            calls.add(sample(caller, 0));
            long start = System.currentTimeMillis();
            String[] kinds = {"screening", "appointments", "notices"};
            for (int minute = 1; minute <= minutes; minute++) {
                while (System.currentTimeMillis() - start < minute * 60_000L) {
                    live.publishToSite(r.site(), kinds[(int) (events % kinds.length)]);
                    events++;
                    if (events % 10 == 0) {
                        long id = called % 2 == 0 ? r.first().id() : r.second().id();
                        jdbc.sql("UPDATE bookings SET called_at = :at WHERE id = :id")
                                .param("at", Timestamp.from(clock.instant().plusSeconds(called))).param("id", id).update();
                        live.publishToSite(r.site(), "called");
                        called++;
                    }
                    Thread.sleep(200);
                }
                screen.add(sample(tv, minute));
                calls.add(sample(caller, minute));
                System.out.printf("soak minute %d: screen heap %d B, nodes %d, listeners %d | calls heap %d B, nodes %d, listeners %d%n",
                        minute, screen.get(minute).heap(), screen.get(minute).nodes(), screen.get(minute).listeners(),
                        calls.get(minute).heap(), calls.get(minute).nodes(), calls.get(minute).listeners());
            }
            assertThat(tv.text(By.id("link-state"))).isEqualTo("实时更新中");
            assertThat(caller.text(By.id("call-code"))).isNotBlank();
            System.out.printf("soak: %d events, %d calls in %d minutes%n", events, called, minutes);
        }
        for (List<Sample> s : List.of(screen, calls)) {
            Sample warm = s.get(Math.min(1, s.size() - 1));
            Sample last = s.get(s.size() - 1);
            long maxHeap = s.stream().mapToLong(Sample::heap).max().orElseThrow();
            assertThat(last.heap()).as("heap after GC stays flat").isLessThan(warm.heap() + 1_000_000);
            assertThat(maxHeap).isLessThan(warm.heap() + 2_000_000);
            assertThat(last.listeners()).as("no listener piles up").isLessThanOrEqualTo(warm.listeners() + 5);
            assertThat(last.nodes()).as("no DOM node piles up").isLessThan(warm.nodes() + 200);
        }
    }
}
