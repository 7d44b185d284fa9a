package org.hallsafe.incident;

import java.time.Duration;
import java.util.List;

import org.hallsafe.HallSafeTest;
import org.hallsafe.MutableClock;
import org.hallsafe.TestHall;
import org.hallsafe.platform.InvalidInputException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** R-SCR-2: every leadership member and the office are told; one acknowledges; nobody in time escalates. */
@HallSafeTest
class IncidentsTest {

    @Autowired Incidents incidents;
    @Autowired Escalation escalation;
    @Autowired TestHall halls;
    @Autowired JdbcClient jdbc;
    @Autowired MutableClock clock;

    private TestHall.Hall hall;

    @BeforeEach
    void setUp() {
        hall = halls.create();
        halls.signIn(hall.screener());
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private List<String> notified(long incident, String kind) {
        return jdbc.sql("""
                SELECT a.username FROM notifications n JOIN accounts a ON a.id = n.account_id
                WHERE n.incident_id = :id AND n.kind = :kind ORDER BY a.username""")
                .param("id", incident).param("kind", kind).query(String.class).list();
    }

    @Test
    void notifiesEveryLeadershipMemberAndTheOfficeOnce() {
        long id = incidents.report(hall.siteId(), "test", "1", "入口劝返：测试", "详情");
        long again = incidents.report(hall.siteId(), "test", "1", "入口劝返：测试", "详情");

        assertThat(again).isEqualTo(id);
        await().atMost(Duration.ofSeconds(10)).until(() -> notified(id, "REPORTED").size() == 3);
        assertThat(notified(id, "REPORTED")).containsExactlyInAnyOrder(hall.leader(), hall.deputy(), hall.officeDirector());
    }

    @Test
    void isAcknowledgedByOneMemberOnlyAndFollowedUpToItsClose() {
        long id = incidents.report(hall.siteId(), "test", "2", "入口劝返：测试二", "详情");
        halls.signIn(hall.deputy());
        incidents.acknowledge(hall.siteId(), id);
        halls.signIn(hall.leader());
        assertThatThrownBy(() -> incidents.acknowledge(hall.siteId(), id)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("incident.alreadyAcknowledged");

        incidents.note(hall.siteId(), id, "已电话联系本人");
        assertThatThrownBy(() -> incidents.close(hall.siteId(), id, " ")).hasMessageContaining("incident.close.required");
        incidents.close(hall.siteId(), id, "已到发热门诊就诊，排除");

        Incidents.Incident done = incidents.get(hall.siteId(), id);
        assertThat(done.status()).isEqualTo(Incidents.Status.CLOSED);
        assertThat(done.acknowledgedBy()).isEqualTo(hall.deputy());
        assertThat(done.closedBy()).isEqualTo(hall.leader());
        assertThat(incidents.record(hall.siteId(), id).notes()).extracting(Incidents.Note::kind, Incidents.Note::writtenBy).containsExactly(
                org.assertj.core.groups.Tuple.tuple("ACKNOWLEDGED", hall.deputy()),
                org.assertj.core.groups.Tuple.tuple("NOTE", hall.leader()),
                org.assertj.core.groups.Tuple.tuple("CLOSED", hall.leader()));
        assertThatThrownBy(() -> incidents.note(hall.siteId(), id, "太晚了")).hasMessageContaining("incident.closed");
    }

    @Test
    void escalatesToTheLeaderWhenNobodyAcknowledgesWithinTenMinutes() {
        long id = incidents.report(hall.siteId(), "test", "3", "入口劝返：测试三", "详情");
        clock.advance(Duration.ofMinutes(9));
        escalation.escalateOverdue();
        assertThat(incidents.get(hall.siteId(), id).escalatedAt()).isNull();

        clock.advance(Duration.ofMinutes(2));
        escalation.escalateOverdue();
        escalation.escalateOverdue();

        assertThat(incidents.get(hall.siteId(), id).escalatedAt()).isNotNull();
        assertThat(incidents.record(hall.siteId(), id).notes()).extracting(Incidents.Note::kind).containsExactly("ESCALATED");
        await().atMost(Duration.ofSeconds(10)).until(() -> notified(id, "ESCALATED").size() == 1);
        assertThat(notified(id, "ESCALATED")).containsExactly(hall.leader());
    }

    @Test
    void doesNotEscalateAnAcknowledgedIncident() {
        long id = incidents.report(hall.siteId(), "test", "4", "入口劝返：测试四", "详情");
        halls.signIn(hall.officeDirector());
        incidents.acknowledge(hall.siteId(), id);
        clock.advance(Duration.ofMinutes(30));
        escalation.escalateOverdue();
        assertThat(incidents.get(hall.siteId(), id).escalatedAt()).isNull();
    }

    @Test
    void keepsWhatIsKnownOfACaseSealedAndLogsEachReading() {
        long id = incidents.report(hall.siteId(), "test", "5", "入口劝返：测试五", "体温：37.9 °C，近14天去过武汉");
        incidents.addDetails(hall.siteId(), id, "密切接触者：李某");
        String row = jdbc.sql("SELECT i::text FROM incidents i WHERE id = :id").param("id", id).query(String.class).single();
        String notes = jdbc.sql("SELECT string_agg(n::text, '|') FROM incident_notes n WHERE incident_id = :id").param("id", id)
                .query(String.class).single();
        assertThat(row + notes).doesNotContain("37.9").doesNotContain("武汉").doesNotContain("李某");

        halls.signIn(hall.leader());
        Incidents.Record record = incidents.record(hall.siteId(), id);
        assertThat(record.details()).contains("37.9").contains("武汉");
        assertThat(record.notes()).extracting(Incidents.Note::body).containsExactly("密切接触者：李某");
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql("""
                SELECT count(*) FROM audit_log WHERE action = 'PERSONAL_DATA_READ' AND actor = :actor AND summary LIKE :what""")
                .param("actor", hall.leader()).param("what", "incident " + id + "%").query(Integer.class).single() == 1);
    }
}
