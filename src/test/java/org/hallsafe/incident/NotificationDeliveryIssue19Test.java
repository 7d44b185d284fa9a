package org.hallsafe.incident;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.hallsafe.HallSafeTest;
import org.hallsafe.MutableClock;
import org.hallsafe.TestHall;
import org.hallsafe.platform.Deliveries;
import org.hallsafe.platform.PersonalData;
import org.hallsafe.platform.TestSmsGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Issue 19, item 3: notifications are delivered exactly once per person, whatever dies. Every SMS is a row of
 * platform's outbox, claimed with a lease, sent outside any transaction, retried with back-off, never sent twice.
 */
@HallSafeTest
class NotificationDeliveryIssue19Test {

    @Autowired Incidents incidents;
    @Autowired Escalation escalation;
    @Autowired Deliveries deliveries;
    @Autowired TestSmsGateway gateway;
    @Autowired PersonalData personalData;
    @Autowired TestHall halls;
    @Autowired JdbcClient jdbc;
    @Autowired MutableClock clock;
    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate transactions;
    @Autowired MockMvc mvc;

    private TestHall.Hall hall;

    @BeforeEach
    void setUp() {
        hall = halls.create();
        halls.signIn(hall.screener());
    }

    @AfterEach
    void tearDown() {
        gateway.disarm();
        SecurityContextHolder.clearContext();
    }

    private List<Deliveries.Status> of(long incident) {
        return deliveries.of(hall.siteId(), "incident", String.valueOf(incident));
    }

    private List<Deliveries.Status> of(long incident, String purpose) {
        return of(incident).stream().filter(d -> d.purpose().equals(purpose)).toList();
    }

    private static boolean all(List<Deliveries.Status> list, Deliveries.State state, int count) {
        return list.size() == count && list.stream().allMatch(d -> d.state() == state);
    }

    @Test
    void r19_3_aDeliveryWhoseNodeDiedMidSendIsTakenOverByAnotherNodeAndSentOnce() {
        gateway.take();
        Instant now = clock.instant();
        // a node claimed this delivery and died before marking it: SENDING, its lease running for another minute
        long id = jdbc.sql("""
                INSERT INTO deliveries (site_id, source, source_id, purpose, channel, recipient, recipient_name, phone_cipher,
                    phone_masked, body_cipher, state, attempts, next_attempt_at, lease_owner, lease_until, created_at)
                VALUES (:site, 'incident', '-1', 'REPORTED', 'SMS', 'staff:-1', '张建国', :phone, '138****0001', :body,
                    'SENDING', 1, :now, 'dead-node/1', :until, :now) RETURNING id""")
                .param("site", hall.siteId()).param("phone", personalData.seal("13800000001", "").cipherText())
                .param("body", personalData.seal("【HallSafe】防控事件：测试", "").cipherText())
                .param("now", Timestamp.from(now)).param("until", Timestamp.from(now.plusSeconds(60)))
                .query(Long.class).single();

        deliveries.sendDue();
        assertThat(gateway.callsFor(id)).as("a lease still running belongs to its node").isEmpty();

        clock.advance(Duration.ofSeconds(61));
        deliveries.sendDue();
        await().atMost(Duration.ofSeconds(10)).until(() -> state(id) == Deliveries.State.SENT);
        clock.advance(Duration.ofMinutes(30));
        deliveries.sendDue();
        deliveries.sendDue();

        assertThat(gateway.callsFor(id)).singleElement().satisfies(call -> {
            assertThat(call.phone()).isEqualTo("13800000001");
            assertThat(call.text()).isEqualTo("【HallSafe】防控事件：测试");
        });
        assertThat(jdbc.sql("SELECT lease_owner IS NULL AND sent_at IS NOT NULL FROM deliveries WHERE id = :id")
                .param("id", id).query(Boolean.class).single()).isTrue();
    }

    private Deliveries.State state(long id) {
        return Deliveries.State.valueOf(jdbc.sql("SELECT state FROM deliveries WHERE id = :id").param("id", id)
                .query(String.class).single());
    }

    @Test
    void r19_3_aSentDeliveryIsNeverSentAgainOnResendOrEscalation() {
        gateway.take();
        long id = incidents.report(hall.siteId(), "test", "r19-3-once", "入口劝返：测试", "详情");
        await().atMost(Duration.ofSeconds(10)).until(() -> all(of(id), Deliveries.State.SENT, 3));

        // the event handed to the listener again (a restart, a stale publication resubmitted on another node)
        resend(new IncidentReported(hall.siteId(), id, "入口劝返：测试", false));
        deliveries.sendDue();
        assertThat(of(id, "REPORTED")).hasSize(3).allSatisfy(d -> assertThat(gateway.callsFor(d.id())).hasSize(1));

        // nobody acknowledged: the leader is told once more, for another purpose, once
        clock.advance(Duration.ofMinutes(11));
        escalation.escalateOverdue();
        await().atMost(Duration.ofSeconds(10)).until(() -> all(of(id, "ESCALATED"), Deliveries.State.SENT, 1));
        escalation.escalateOverdue();
        resend(new IncidentReported(hall.siteId(), id, "入口劝返：测试", true));
        deliveries.sendDue();

        assertThat(of(id, "ESCALATED")).singleElement().satisfies(d -> {
            assertThat(d.recipientName()).isEqualTo("张建国");
            assertThat(gateway.callsFor(d.id())).singleElement()
                    .satisfies(call -> assertThat(call.text()).contains("逾期未确认"));
        });
        assertThat(of(id, "REPORTED")).allSatisfy(d -> assertThat(gateway.callsFor(d.id())).hasSize(1));
    }

    /** Publishes the event again and waits until its listeners are done (a completed publication is deleted). */
    private void resend(IncidentReported event) {
        transactions.executeWithoutResult(status -> events.publishEvent(event));
        await().atMost(Duration.ofSeconds(10)).until(() -> publications(event.incidentId()) == 0);
    }

    private int publications(long incident) {
        return jdbc.sql("SELECT count(*) FROM event_publication WHERE serialized_event LIKE :p")
                .param("p", "%\"incidentId\":" + incident + ",%").query(Integer.class).single();
    }

    @Test
    void r19_3_aSlowGatewayDoesNotDelayTheEscalation() {
        gateway.hold();
        long id = incidents.report(hall.siteId(), "test", "r19-3-slow", "入口劝返：网关很慢", "详情");
        await().atMost(Duration.ofSeconds(10)).until(() -> all(of(id), Deliveries.State.SENDING, 3));

        clock.advance(Duration.ofMinutes(11));
        long started = System.nanoTime();
        int escalated = escalation.escalateOverdue();
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(escalated).isPositive();
        assertThat(took).isLessThan(Duration.ofSeconds(2));
        assertThat(incidents.get(hall.siteId(), id).escalatedAt()).isNotNull();
        // the leader's escalation is written while the gateway still holds the first messages
        await().atMost(Duration.ofSeconds(10)).until(() -> of(id, "ESCALATED").size() == 1);
        assertThat(of(id, "REPORTED")).allSatisfy(d -> assertThat(d.state()).isEqualTo(Deliveries.State.SENDING));

        gateway.releaseHeld();
        await().atMost(Duration.ofSeconds(20)).until(() -> all(of(id), Deliveries.State.SENT, 4));
        assertThat(of(id)).allSatisfy(d -> assertThat(gateway.callsFor(d.id())).hasSize(1));
    }

    @Test
    void r19_3_failuresAreRetriedWithBackOffThenFailedAndTheIncidentPageShowsIt() throws Exception {
        gateway.refuse();
        long id = incidents.report(hall.siteId(), "test", "r19-3-down", "入口劝返：网关坏了", "详情");
        await().atMost(Duration.ofSeconds(10)).until(() -> all(of(id), Deliveries.State.RETRYING, 3));
        Instant failedAt = clock.instant();
        assertThat(of(id)).allSatisfy(d -> {
            assertThat(d.attempts()).isEqualTo(1);
            assertThat(d.nextAttemptAt()).isEqualTo(failedAt.plusSeconds(30));
        });
        deliveries.sendDue();
        assertThat(of(id)).allSatisfy(d -> assertThat(d.attempts()).as("not due before its wait").isEqualTo(1));
        String retrying = page(id);
        assertThat(retrying).contains("未送出，稍后重发").contains("已试 1 次");

        // waits of 30 s, 1, 2, 4 and 8 min: the sixth try is the last
        long[] waits = {30, 60, 120, 240, 480};
        for (int attempt = 2; attempt <= 6; attempt++) {
            clock.advance(Duration.ofSeconds(waits[attempt - 2]));
            Instant at = clock.instant();
            deliveries.sendDue();
            int expected = attempt;
            await().atMost(Duration.ofSeconds(10)).until(() -> of(id).stream()
                    .allMatch(d -> d.attempts() == expected && d.state() != Deliveries.State.SENDING));
            if (attempt < 6) {
                assertThat(of(id)).allSatisfy(d -> {
                    assertThat(d.state()).isEqualTo(Deliveries.State.RETRYING);
                    assertThat(d.nextAttemptAt()).isEqualTo(at.plusSeconds(waits[expected - 1]));
                });
            }
        }
        clock.advance(Duration.ofHours(1));
        deliveries.sendDue();

        assertThat(of(id)).hasSize(3).allSatisfy(d -> {
            assertThat(d.state()).isEqualTo(Deliveries.State.FAILED);
            assertThat(gateway.callsFor(d.id())).hasSize(6);
        });
        assertThat(page(id)).contains("发送失败").contains("试了 6 次仍未送出").contains("张建国").contains("李丽华")
                .doesNotContain("13800");
    }

    private String page(long id) throws Exception {
        UserDetails leader = halls.signIn(hall.leader());
        return mvc.perform(get("/incidents/{id}", id).with(user(leader))).andReturn().getResponse().getContentAsString();
    }

    @Test
    void r19_3_completedEventPublicationsAreDeletedNotKept() {
        long id = incidents.report(hall.siteId(), "test", "r19-3-registry", "入口劝返：登记表", "详情");
        await().atMost(Duration.ofSeconds(10)).until(() -> of(id).size() == 3
                && jdbc.sql("SELECT count(*) FROM notifications WHERE incident_id = :id").param("id", id).query(Integer.class).single() == 3);
        await().atMost(Duration.ofSeconds(10)).until(() -> publications(id) == 0);
        assertThat(jdbc.sql("SELECT count(*) FROM event_publication WHERE completion_date IS NOT NULL")
                .query(Integer.class).single()).as("no completed publication is kept").isZero();
    }
}
