package org.hallsafe.incident;

import java.time.Duration;

import org.hallsafe.Browser;
import org.hallsafe.BrowserTest;
import org.hallsafe.HallSafeTest;
import org.hallsafe.MutableClock;
import org.hallsafe.TestAccounts;
import org.hallsafe.TestHall;
import org.hallsafe.platform.Deliveries;
import org.hallsafe.platform.TestSmsGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Issue 19, item 3 as the leader sees it: on the incident, who was texted, and what is still being retried. */
@HallSafeTest
@BrowserTest
class IncidentDeliveriesBrowserTest {

    @LocalServerPort int port;
    @Autowired TestHall halls;
    @Autowired Incidents incidents;
    @Autowired Escalation escalation;
    @Autowired Deliveries deliveries;
    @Autowired TestSmsGateway gateway;
    @Autowired MutableClock clock;

    @AfterEach
    void tearDown() {
        gateway.disarm();
        SecurityContextHolder.clearContext();
    }

    private long count(TestHall.Hall hall, long id, Deliveries.State state) {
        return deliveries.of(hall.siteId(), "incident", String.valueOf(id)).stream().filter(d -> d.state() == state).count();
    }

    @Test
    void r19_3_theLeaderSeesWhoWasTextedAndWhatIsStillRetrying() throws Exception {
        TestHall.Hall hall = halls.create();
        halls.signIn(hall.screener());
        gateway.take();
        long id = incidents.report(hall.siteId(), "test", "r19-3-browser", "入口劝返：体温37.8℃", "详情");
        await().atMost(Duration.ofSeconds(10)).until(() -> count(hall, id, Deliveries.State.SENT) == 3);
        gateway.refuse();
        clock.advance(Duration.ofMinutes(11));
        escalation.escalateOverdue();
        await().atMost(Duration.ofSeconds(10)).until(() -> count(hall, id, Deliveries.State.RETRYING) == 1);
        SecurityContextHolder.clearContext();

        try (Browser desk = new Browser(port); Browser phone = new Browser(port)) {
            desk.signIn(hall.leader(), TestAccounts.PASSWORD);
            desk.open("/incidents/" + id);
            String list = desk.text(By.id("deliveries"));
            assertThat(list).contains("张建国").contains("李丽华").contains("王海燕").contains("已送出")
                    .contains("升级至组长").contains("未送出，稍后重发").contains("已试 1 次");
            assertThat(list).doesNotContainPattern("1[3-9]\\d{9}");
            assertThat(desk.driver().findElements(By.cssSelector("#deliveries [data-state=SENT]"))).hasSize(3);
            assertThat(desk.driver().findElements(By.cssSelector("#deliveries [data-state=RETRYING]"))).hasSize(1);
            desk.screenshot("incident-deliveries-desk");

            phone.asPhone();
            phone.signIn(hall.leader(), TestAccounts.PASSWORD);
            phone.open("/incidents/" + id);
            assertThat(phone.text(By.id("deliveries"))).contains("未送出，稍后重发");
            phone.screenshot("incident-deliveries-phone");
        }
    }
}
