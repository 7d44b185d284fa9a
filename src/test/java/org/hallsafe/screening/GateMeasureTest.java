package org.hallsafe.screening;

import java.time.LocalDate;

import org.hallsafe.HallSafeTest;
import org.hallsafe.MutableClock;
import org.hallsafe.TestHall;
import org.hallsafe.organization.DepartmentKind;
import org.hallsafe.organization.Directory;
import org.hallsafe.organization.Forms;
import org.hallsafe.organization.MeasureStatusProvider.MeasureStatus;
import org.hallsafe.organization.Measures;
import org.hallsafe.organization.PlanMeasure;
import org.hallsafe.screening.Gate.Mask;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hallsafe.screening.GateDeskTest.citizen;
import static org.hallsafe.screening.GateDeskTest.id;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/** Issue 16 item 2: R-SCR on the responsibility matrix, its cell opening the day's gate ledger, on any past day. */
@HallSafeTest
class GateMeasureTest {

    @Autowired GateDesk desk;
    @Autowired Questionings questionings;
    @Autowired Measures measures;
    @Autowired Directory directory;
    @Autowired TestHall halls;
    @Autowired MutableClock clock;
    @Autowired MockMvc mvc;

    private TestHall.Hall hall;
    private long personnel;

    @BeforeEach
    void setUp() {
        hall = halls.create();
        halls.signIn(hall.admin());
        personnel = directory.saveDepartment(hall.siteId(), null,
                new Forms.DepartmentForm(DepartmentKind.SECTION, "人事（财务）科", "", ""));
        halls.signIn(hall.screener());
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private Measures.Cell gateCell(LocalDate day) {
        var matrix = measures.matrix(hall.siteId(), directory.departments(hall.siteId(), DepartmentKind.SECTION, "", false),
                directory.windows(hall.siteId(), "", false), day);
        var row = matrix.rows().stream().filter(r -> r.measure() == PlanMeasure.R_SCR).findFirst().orElseThrow();
        return row.cells().get(matrix.sections().stream().map(s -> s.id()).toList().indexOf(personnel));
    }

    private static String line(long id) {
        return "href=\"/screening/ledger/" + id + "\"";
    }

    @Test
    void r16_2_theGateCellCountsTheDaysReadingsAndOpensExactlyThoseInTheLedger() throws Exception {
        LocalDate yesterday = LocalDate.now(clock).minusDays(1);
        clock.set(yesterday.atTime(10, 0).atZone(clock.getZone()).toInstant());
        long before = desk.record(hall.siteId(), citizen("昨日来客", id("43090219850612101"), Mask.DISPOSABLE_MEDICAL, "36.5")).id();
        clock.reset();
        long admitted = desk.record(hall.siteId(), citizen("钱放行", id("43090219850612102"), Mask.DISPOSABLE_MEDICAL, "36.5")).id();
        GateDesk.Result refused = desk.record(hall.siteId(), citizen("吴劝返", id("43090219850612103"), Mask.NONE, "36.5"));
        long unasked = desk.record(hall.siteId(), citizen("郑未问", id("43090219850612104"), Mask.NONE, "36.6")).id();
        long recheck = desk.record(hall.siteId(), citizen("冯复测", id("43090219850612105"), Mask.DISPOSABLE_MEDICAL, "37.6")).id();
        questionings.question(hall.siteId(), refused.id(),
                new GateDesk.Questioning("无", Gate.Contact.NONE, Gate.Handling.SENT_HOME, ""));
        LocalDate today = LocalDate.now(clock);

        Measures.Cell cell = gateCell(today);
        assertThat(cell.status()).as("admitted and questioned done, a re-measure due, a refusal not questioned overdue")
                .contains(new MeasureStatus(2, 1, 1));
        assertThat(gateCell(yesterday).status()).as("a past day: its own readings").contains(new MeasureStatus(1, 0, 0));

        String ledger = mvc.perform(get(cell.links().get(0).href()).with(user(halls.signIn(hall.admin()))))
                .andReturn().getResponse().getContentAsString();
        assertThat(ledger).contains(line(admitted), line(refused.id()), line(unasked), line(recheck)).doesNotContain(line(before));
        String past = mvc.perform(get(gateCell(yesterday).links().get(0).href()).with(user(halls.signIn(hall.admin()))))
                .andReturn().getResponse().getContentAsString();
        assertThat(past).contains(line(before)).doesNotContain(line(admitted));

    }
}
