package org.hallsafe.screening;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.hallsafe.HallSafeTest;
import org.hallsafe.MutableClock;
import org.hallsafe.TestHall;
import org.hallsafe.incident.Incidents;
import org.hallsafe.platform.InvalidInputException;
import org.hallsafe.screening.Gate.Decision;
import org.hallsafe.screening.Gate.Mask;
import org.hallsafe.screening.Gate.PersonType;
import org.hallsafe.screening.Gate.Symptom;
import org.hallsafe.shared.DocumentType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** R-SCR-1..3 at the service: idempotent readings, the re-measure, back-fills, and true records. */
@HallSafeTest
class GateDeskTest {

    @Autowired GateDesk desk;
    @Autowired GateSettings gateSettings;
    @Autowired TestHall halls;
    @Autowired JdbcClient jdbc;
    @Autowired MutableClock clock;
    @Autowired Incidents incidents;

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

    static GateForm citizen(String name, String idNumber, Mask mask, String temperature, Symptom... symptoms) {
        return new GateForm(UUID.randomUUID(), PersonType.CITIZEN, null, name, DocumentType.ID_CARD, idNumber,
                "13912345678", mask, new BigDecimal(temperature), List.of(symptoms), symptoms.length == 0, "", null,
                null, "", null);
    }

    /** A valid ID card number from its first 17 digits. */
    static String id(String first17) {
        return first17 + org.hallsafe.shared.IdNumber.checkCharacter(first17);
    }

    private int rows(String where) {
        return jdbc.sql("SELECT count(*) FROM screenings WHERE site_id = :site AND " + where)
                .param("site", hall.siteId()).query(Integer.class).single();
    }

    @Test
    void rScr1_storesOneRecordWhenTheSameSubmissionArrivesTenTimesAtOnce() throws Exception {
        GateForm form = citizen("刘洋", id("43090219850612123"),
                Mask.NONE, "36.6");
        ExecutorService pool = Executors.newFixedThreadPool(10);
        List<Callable<GateDesk.Result>> sends = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            sends.add(() -> {
                halls.signIn(hall.screener());
                return desk.record(hall.siteId(), form);
            });
        }
        List<Long> ids = new ArrayList<>();
        for (Future<GateDesk.Result> f : pool.invokeAll(sends)) {
            ids.add(f.get().id());
        }
        pool.shutdown();

        assertThat(ids).containsOnly(ids.get(0));
        assertThat(rows("submission_id = '" + form.submissionId() + "'")).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM incidents WHERE site_id = :site").param("site", hall.siteId())
                .query(Integer.class).single()).as("one refusal, one report").isEqualTo(1);
    }

    @Test
    void keepsBothReadingsOfAReMeasureAndLetsTheLaterOneDecide() {
        GateForm first = citizen("陈静", id("43090319920315002"),
                Mask.DISPOSABLE_MEDICAL, "37.6");
        GateDesk.Result pending = desk.record(hall.siteId(), first);
        assertThat(pending.decision()).isEqualTo(Decision.RECHECK);
        assertThat(pending.recheckFrom()).isEqualTo(pending.screenedAt().plus(Duration.ofMinutes(5)));
        assertThat(desk.pendingRechecks(hall.siteId())).extracting(GateDesk.PendingRecheck::id).containsExactly(pending.id());

        GateForm tooSoon = recheck(pending.id(), "36.9");
        assertThatThrownBy(() -> desk.record(hall.siteId(), tooSoon)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("gate.recheck.tooEarly");

        clock.advance(Duration.ofMinutes(5));
        GateDesk.Result second = desk.record(hall.siteId(), recheck(pending.id(), "36.9"));
        assertThat(second.decision()).isEqualTo(Decision.ADMITTED);
        assertThat(second.name()).isEqualTo("陈静");
        assertThat(rows("person_name = '陈静'")).isEqualTo(2);
        assertThat(desk.pendingRechecks(hall.siteId())).isEmpty();
        assertThatThrownBy(() -> desk.record(hall.siteId(), recheck(pending.id(), "36.8")))
                .hasMessageContaining("gate.recheck.done");
    }

    @Test
    void refusesAtTheReMeasureWhenTheFeverStays() {
        GateDesk.Result pending = desk.record(hall.siteId(), citizen("黄伟", id("43092119800101001"), Mask.N95_KN95, "37.3"));
        clock.advance(Duration.ofMinutes(6));
        GateDesk.Result second = desk.record(hall.siteId(), recheck(pending.id(), "37.4"));
        assertThat(second.decision()).isEqualTo(Decision.REFUSED);
        assertThat(second.reasons()).containsExactly("FEVER");
        assertThat(second.incidentId()).isNotNull();
    }

    @Test
    void stampsTheServerTimeAndMarksABackFilledRecordAsSuch() {
        GateDesk.Result now = desk.record(hall.siteId(), citizen("吴敏", id("43092219751224004"), Mask.OTHER, "36.4"));
        assertThat(now.screenedAt()).isEqualTo(clock.instant());
        assertThat(now.backfilled()).isFalse();

        GateForm paper = citizen("吴敏", id("43092219751224004"), Mask.OTHER, "36.5");
        GateForm backfill = new GateForm(paper.submissionId(), paper.personType(), null, paper.name(), paper.docType(),
                paper.docNo(), "", paper.mask(), paper.temperature(), List.of(), true, "", null,
                java.time.LocalDateTime.now(clock).minusHours(3), "停电时记在纸质台账上", null);
        assertThatThrownBy(() -> desk.record(hall.siteId(), backfill)).as("a screener does not back-fill")
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
        halls.signIn(hall.officeDirector());
        GateDesk.Result late = desk.record(hall.siteId(), backfill);
        assertThat(late.backfilled()).isTrue();
        assertThat(late.screenedAt()).isBefore(clock.instant());
        assertThat(jdbc.sql("SELECT recorded_at FROM screenings WHERE id = :id").param("id", late.id())
                .query(java.sql.Timestamp.class).single().toInstant()).isEqualTo(clock.instant());
    }

    @Test
    void findsAReturningCitizenByDocumentAndKeepsTheirPhone() {
        String id = id("43092319881111003");
        desk.record(hall.siteId(), citizen("杨超", id, Mask.DISPOSABLE_MEDICAL, "36.2"));

        var known = desk.findCitizen(hall.siteId(), DocumentType.ID_CARD, id.toLowerCase());
        assertThat(known).hasValueSatisfying(c -> {
            assertThat(c.name()).isEqualTo("杨超");
            assertThat(c.phoneMasked()).isEqualTo("139****5678");
        });
        String row = jdbc.sql("SELECT c::text FROM citizens c WHERE site_id = :site").param("site", hall.siteId())
                .query(String.class).single();
        assertThat(row).doesNotContain(id).doesNotContain("13912345678");
        String reading = jdbc.sql("SELECT s::text FROM screenings s WHERE site_id = :site").param("site", hall.siteId())
                .query(String.class).single();
        assertThat(reading).doesNotContain("36.2").doesNotContain(id);
    }

    @Test
    void usesTheSymptomsAndThresholdTheHallConfigured() {
        gateSettings.save(hall.siteId(), new BigDecimal("37.0"), 3, EnumSet.of(Symptom.FEVER, Symptom.COUGH));
        GateDesk.Result result = desk.record(hall.siteId(), citizen("周婷", id("43098119990909002"), Mask.DISPOSABLE_MEDICAL, "37.0"));
        assertThat(result.decision()).isEqualTo(Decision.RECHECK);
        assertThat(result.recheckFrom()).isEqualTo(result.screenedAt().plus(Duration.ofMinutes(3)));
        assertThatThrownBy(() -> desk.record(hall.siteId(), citizen("周婷", id("43098119990909002"), Mask.DISPOSABLE_MEDICAL, "36.5", Symptom.COLD)))
                .hasMessageContaining("gate.symptoms.notAsked");
    }

    private static GateForm recheck(long firstId, String temperature) {
        return new GateForm(UUID.randomUUID(), null, null, "", null, "", "", Mask.DISPOSABLE_MEDICAL,
                new BigDecimal(temperature), List.of(), true, "", firstId, null, "", null);
    }
}
