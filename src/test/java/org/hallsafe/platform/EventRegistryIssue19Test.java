package org.hallsafe.platform;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.hallsafe.HallSafeTest;
import org.hallsafe.MutableClock;
import org.hallsafe.TestHall;
import org.hallsafe.incident.IncidentReported;
import org.hallsafe.incident.Incidents;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.modulith.events.core.Staleness;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 19, item 3: Spring Modulith's registry, not another one. A publication a dead node left half done is marked
 * failed by the staleness check of any node and handed to its listener again by {@link EventResubmission}; the
 * listener tells nobody twice. A completed publication is deleted.
 */
@HallSafeTest
class EventRegistryIssue19Test {

    @Autowired TestHall halls;
    @Autowired Incidents incidents;
    @Autowired Deliveries deliveries;
    @Autowired JdbcClient jdbc;
    @Autowired MutableClock clock;
    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate transactions;
    @Autowired EventPublicationRegistry registry;
    @Autowired Staleness staleness;
    @Autowired EventResubmission resubmission;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void r19_3_aPublicationADeadNodeLeftProcessingIsResubmittedByAnotherAndItsListenerTellsEachPersonOnce() {
        TestHall.Hall hall = halls.create();
        halls.signIn(hall.screener());
        long id = incidents.report(hall.siteId(), "test", "r19-3-stale", "入口劝返：节点宕机", "详情");
        await().atMost(Duration.ofSeconds(10)).until(() -> sms(hall, id) == 3);
        String like = "%\"incidentId\":" + id + ",%";
        await().atMost(Duration.ofSeconds(10)).until(() -> count(like) == 0);

        // the publication as a node writes it, left PROCESSING by a node that died while its listener ran
        Map<String, Object> row = transactions.execute(status -> {
            events.publishEvent(new IncidentReported(hall.siteId(), id, "入口劝返：节点宕机", false));
            Map<String, Object> written = jdbc.sql("""
                    SELECT listener_id, event_type, serialized_event FROM event_publication
                    WHERE serialized_event LIKE :p AND listener_id LIKE '%IncidentNotifier%'""")
                    .param("p", like).query().singleRow();
            status.setRollbackOnly();
            return written;
        });
        UUID dead = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO event_publication (id, listener_id, event_type, serialized_event, publication_date, status, completion_attempts)
                VALUES (:id, :listener, :type, :event, :at, 'PROCESSING', 1)""")
                .param("id", dead).param("listener", row.get("listener_id")).param("type", row.get("event_type"))
                .param("event", row.get("serialized_event"))
                .param("at", Timestamp.from(clock.instant().minus(Duration.ofMinutes(4)))).update();
        // the leader was not told yet when that node died: the resubmitted listener tells the leader, nobody twice
        jdbc.sql("DELETE FROM deliveries WHERE site_id = :site AND recipient_name = '张建国'").param("site", hall.siteId()).update();

        registry.markStalePublicationsFailed(staleness);
        resubmission.resubmitFailed();
        assertThat(status(dead)).as("4 minutes of processing is not stale yet for another node").isEqualTo("PROCESSING");

        clock.advance(Duration.ofMinutes(2));
        registry.markStalePublicationsFailed(staleness);
        assertThat(status(dead)).isEqualTo("FAILED");
        resubmission.resubmitFailed();

        await().atMost(Duration.ofSeconds(10)).until(() -> count(like) == 0);
        assertThat(deliveries.of(hall.siteId(), "incident", String.valueOf(id)))
                .extracting(Deliveries.Status::recipientName).containsExactlyInAnyOrder("张建国", "李丽华", "王海燕");
    }

    private String status(UUID id) {
        return jdbc.sql("SELECT status FROM event_publication WHERE id = :id").param("id", id).query(String.class).single();
    }

    private int count(String like) {
        return jdbc.sql("SELECT count(*) FROM event_publication WHERE serialized_event LIKE :p").param("p", like)
                .query(Integer.class).single();
    }

    private int sms(TestHall.Hall hall, long id) {
        return deliveries.of(hall.siteId(), "incident", String.valueOf(id)).size();
    }
}
