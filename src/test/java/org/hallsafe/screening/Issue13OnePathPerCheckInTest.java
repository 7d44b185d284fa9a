package org.hallsafe.screening;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.Validator;
import org.hallsafe.HallSafeTest;
import org.hallsafe.TestHall;
import org.hallsafe.incident.Incidents;
import org.hallsafe.organization.StaffDirectory;
import org.hallsafe.platform.ActivityLog;
import org.hallsafe.platform.FormShape;
import org.hallsafe.platform.LiveUpdates;
import org.hallsafe.platform.Permissions;
import org.hallsafe.platform.PersonalData;
import org.hallsafe.platform.Role;
import org.hallsafe.platform.SignedIn;
import org.hallsafe.screening.Gate.Mask;
import org.hallsafe.screening.Gate.PersonType;
import org.hallsafe.shared.DocumentType;
import org.hallsafe.shared.IdNumber;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.ui.ExtendedModelMap;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.web.servlet.mvc.support.RedirectAttributesModelMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13, item 4: one path per write. A check-in at the gate, from the page or the API, reads the hall's settings
 * once, looks the citizen up once and checks the form's shape once, with the page's or API's {@code @Valid} (it read
 * the settings four times, looked the citizen up twice and checked the shape in the page or API and again in the
 * desk). The desk here is the application's own, built from its beans, with counting settings, citizen file and form
 * check.
 */
@HallSafeTest
class Issue13OnePathPerCheckInTest {

    @Autowired TestHall halls;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;
    @Autowired ActivityLog activity;
    @Autowired PersonalData personalData;
    @Autowired Incidents incidents;
    @Autowired StaffDirectory staff;
    @Autowired LiveUpdates live;
    @Autowired MessageSource messages;
    @Autowired ApplicationEventPublisher events;
    @Autowired ObjectProvider<ExpectedVisitors> visitors;
    @Autowired Validator validator;
    @Autowired GateDesk realDesk;
    @Autowired Ledger ledger;
    @Autowired Today today;
    @Autowired Questionings questionings;
    @Autowired GateWrites writes;

    private TestHall.Hall hall;
    private int settingsReads;
    private int citizenLookUps;
    private int formChecks;
    private GateDesk desk;

    @BeforeEach
    void setUp() {
        hall = halls.create();
        halls.signIn(hall.screener());
        GateSettings settings = new GateSettings(jdbc, clock, activity) {
            @Override
            GateDesk.Settings of(long siteId) {
                settingsReads++;
                return super.of(siteId);
            }

            @Override
            GateDesk.Settings lockedOf(long siteId, String lockKey) {
                settingsReads++; // issue 18: the same read, in one statement with the submission's lock
                return super.lockedOf(siteId, lockKey);
            }
        };
        CitizenFile citizens = new CitizenFile(jdbc, clock, personalData) {
            @Override
            boolean known(long siteId, DocumentType type, String docNo) {
                citizenLookUps++;
                return super.known(siteId, type, docNo);
            }
        };
        FormShape shape = new FormShape(validator) {
            @Override
            public Map<String, String> problemsOf(Object form, Map<String, String> ruleProblems) {
                formChecks++;
                return super.problemsOf(form, ruleProblems);
            }
        };
        desk = new GateDesk(jdbc, clock, personalData, incidents, staff, live, messages, events, visitors, shape,
                settings, citizens, writes);
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    /** A returning citizen without a phone: the one case where the rules ask whether the citizen is on file. */
    private GateForm returning(String idNumber) {
        return new GateForm(UUID.randomUUID(), PersonType.CITIZEN, null, "郑凯", DocumentType.ID_CARD, idNumber, "",
                Mask.DISPOSABLE_MEDICAL, new BigDecimal("36.5"), List.of(), true, "", null, null, "", null);
    }

    private void counted(int settings, int lookUps, int checks) {
        assertThat(settingsReads).as("reads of the hall's settings").isEqualTo(settings);
        assertThat(citizenLookUps).as("look-ups of the citizen").isEqualTo(lookUps);
        assertThat(formChecks).as("checks of the form").isEqualTo(checks);
        settingsReads = 0;
        citizenLookUps = 0;
        formChecks = 0;
    }

    @Test
    void r13_4_aCheckInReadsTheSettingsOnceLooksTheCitizenUpOnceAndChecksTheFormOnce() {
        String idNumber = "43090419880808" + "101";
        idNumber += IdNumber.checkCharacter(idNumber);
        realDesk.record(hall.siteId(), new GateForm(UUID.randomUUID(), PersonType.CITIZEN, null, "郑凯",
                DocumentType.ID_CARD, idNumber, "13900001111", Mask.DISPOSABLE_MEDICAL, new BigDecimal("36.4"),
                List.of(), true, "", null, null, "", null)); // on file now, with a phone

        // the page and the API: their @Valid checked the shape (Spring MVC, before the handler); the desk does not again
        GatePages page = new GatePages(desk, staff, questionings);
        SignedIn who = new SignedIn(1L, hall.siteId(), hall.screener(), "检测员", Role.values()[0],
                Set.of(Permissions.GATE_RECORD));
        String next = page.record(who, returning(idNumber), new BeanPropertyBindingResult(returning(idNumber), "form"),
                new ExtendedModelMap(), new RedirectAttributesModelMap());
        assertThat(next).startsWith("redirect:/screening/gate?last=");
        counted(1, 1, 0);

        var created = new ScreeningApi(desk, ledger, today, questionings).record(who, returning(idNumber));
        assertThat(created.getStatusCode().value()).isEqualTo(201);
        counted(1, 1, 0);

        // another module or a job: the desk checks the shape itself, once
        GateForm sentAgain = returning(idNumber);
        desk.record(hall.siteId(), sentAgain);
        counted(1, 1, 1);
        desk.record(hall.siteId(), sentAgain); // a retry answers as the first did: no check, no look-up
        counted(1, 0, 0);
        assertThat(jdbc.sql("SELECT count(*) FROM screenings WHERE site_id = :site").param("site", hall.siteId())
                .query(Integer.class).single()).isEqualTo(4);
    }
}
