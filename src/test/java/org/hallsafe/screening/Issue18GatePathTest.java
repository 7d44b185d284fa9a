package org.hallsafe.screening;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.hallsafe.HallSafeTest;
import org.hallsafe.MutableClock;
import org.hallsafe.TestHall;
import org.hallsafe.screening.Gate.Decision;
import org.hallsafe.screening.Gate.Mask;
import org.hallsafe.screening.Gate.PersonType;
import org.hallsafe.shared.DocumentType;
import org.hallsafe.shared.IdNumber;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 18, item 1: a check-in's write is one statement (citizen and reading together) and its answer is built from
 * what was written instead of read back. The answers must be what the stored readings read back as, for every kind of
 * check-in, and the citizen is on file as before.
 */
@HallSafeTest
class Issue18GatePathTest {

    @Autowired TestHall halls;
    @Autowired GateDesk desk;
    @Autowired JdbcClient jdbc;
    @Autowired MutableClock clock;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private static String idNumber(String first17) {
        return first17 + IdNumber.checkCharacter(first17);
    }

    private static GateForm citizen(String name, String docNo, String phone, Mask mask, String temperature, Long recheckOf) {
        return new GateForm(UUID.randomUUID(), PersonType.CITIZEN, null, name, DocumentType.ID_CARD, docNo, phone, mask,
                new BigDecimal(temperature), List.of(), true, "", recheckOf, null, "", null);
    }

    /** The answer of a check-in, and the same reading read back from the database. */
    private GateDesk.Result answeredAsStored(long siteId, GateForm form) {
        GateDesk.Result answer = desk.record(siteId, form);
        assertThat(answer).isEqualTo(desk.get(siteId, answer.id()));
        assertThat(desk.record(siteId, form)).as("sent again: the first answer").isEqualTo(answer);
        return answer;
    }

    @Test
    void r18_1_aCheckInsAnswerIsTheStoredReadingForEveryKindOfCheckIn() {
        TestHall.Hall hall = halls.create();
        halls.signIn(hall.screener());
        long site = hall.siteId();
        String doc = idNumber("43090219750505222");

        GateDesk.Result admitted = answeredAsStored(site, citizen(" 周建国 ", doc, "13900002222", Mask.N95_KN95, "36.5", null));
        assertThat(admitted.decision()).isEqualTo(Decision.ADMITTED);
        assertThat(admitted.name()).isEqualTo("周建国");
        assertThat(jdbc.sql("""
                SELECT c.name || ' ' || c.phone_masked || ' ' || s.phone_masked || ' ' || s.doc_masked
                FROM screenings s JOIN citizens c ON c.id = s.citizen_id WHERE s.id = :id""")
                .param("id", admitted.id()).query(String.class).single())
                .isEqualTo("周建国 139****2222 139****2222 " + DocumentType.ID_CARD.mask(doc));

        // the same citizen again without a phone: the one on file, with the phone on file
        GateDesk.Result returning = answeredAsStored(site, citizen("周建国", doc, "", Mask.N95_KN95, "36.6", null));
        assertThat(jdbc.sql("SELECT count(DISTINCT citizen_id) || ' ' || min(phone_masked) FROM screenings WHERE id IN (:a, :b)")
                .param("a", admitted.id()).param("b", returning.id()).query(String.class).single()).isEqualTo("1 139****2222");

        GateDesk.Result fever = answeredAsStored(site, citizen("吴敏", idNumber("43090219800606333"), "13900003333",
                Mask.DISPOSABLE_MEDICAL, "37.6", null));
        assertThat(fever.decision()).isEqualTo(Decision.RECHECK);
        assertThat(fever.recheckFrom()).isEqualTo(fever.screenedAt().plus(Duration.ofMinutes(5)));
        clock.advance(Duration.ofMinutes(6));
        GateDesk.Result recheck = answeredAsStored(site, citizen("吴敏", idNumber("43090219800606333"), "13900003333",
                Mask.DISPOSABLE_MEDICAL, "36.8", fever.id()));
        assertThat(recheck.decision()).isEqualTo(Decision.ADMITTED);

        GateDesk.Result refused = answeredAsStored(site, citizen("郑强", idNumber("43090219900707444"), "13900004444",
                Mask.NONE, "36.5", null));
        assertThat(refused.decision()).isEqualTo(Decision.REFUSED);
        assertThat(refused.incidentId()).isNotNull();
        assertThat(refused.reasons()).isNotEmpty();

        long staffId = hall.staffIds().get(2);
        GateDesk.Result staff = answeredAsStored(site, new GateForm(UUID.randomUUID(), PersonType.STAFF, staffId, null,
                null, null, null, Mask.N95_KN95, new BigDecimal("36.4"), List.of(), true, "", null, null, "", null));
        assertThat(staff.decision()).isEqualTo(Decision.ADMITTED);
        assertThat(jdbc.sql("SELECT count(*) FROM screenings WHERE site_id = :site").param("site", site)
                .query(Integer.class).single()).isEqualTo(6);
    }
}
