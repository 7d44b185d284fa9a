package org.hallsafe.agency;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.hallsafe.HallSafeTest;
import org.hallsafe.MutableClock;
import org.hallsafe.TestAccounts;
import org.hallsafe.TestHall;
import org.hallsafe.appointments.Catalogue;
import org.hallsafe.incident.Incidents;
import org.hallsafe.organization.Directory;
import org.hallsafe.organization.Forms;
import org.hallsafe.organization.HallCalendar;
import org.hallsafe.organization.StaffDirectory;
import org.hallsafe.platform.Accounts;
import org.hallsafe.platform.Deliveries;
import org.hallsafe.platform.LiveUpdates;
import org.hallsafe.platform.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service commitment through the database (issue 14, item 3; R-SVC-4): the hall's calendar with a holiday and a
 * pause for 补正, and the job's warning and overdue incident, each once while two nodes run it at the same moment.
 */
@HallSafeTest
class CommitmentJobTest {

    @Autowired TestHall halls;
    @Autowired TestAccounts accounts;
    @Autowired AgencyCases cases;
    @Autowired MaterialChecks checks;
    @Autowired CaseClocks clocks;
    @Autowired CaseLog log;
    @Autowired CaseTexts texts;
    @Autowired CommitmentJob job;
    @Autowired Catalogue catalogue;
    @Autowired HallCalendar calendar;
    @Autowired Incidents incidents;
    @Autowired StaffDirectory staff;
    @Autowired Accounts accountBook;
    @Autowired Directory directory;
    @Autowired Deliveries deliveries;
    @Autowired LiveUpdates live;
    @Autowired TransactionTemplate transactions;
    @Autowired JdbcClient jdbc;
    @Autowired MutableClock clock;

    TestHall.Hall hall;
    Instant saved;

    static LocalDate dec(int day) {
        return LocalDate.of(2026, 12, day);
    }

    @BeforeEach
    void setUp() {
        saved = clock.instant();
        hall = halls.create();
        halls.signIn(hall.officeDirector());
    }

    @AfterEach
    void tearDown() {
        clock.set(saved);
        SecurityContextHolder.clearContext();
    }

    @Test
    void r14_3_rSvc4_theDueDateSkipsTheHallsHolidayAndAPauseFor补正InTheDatabase() {
        long item = AgencyFixture.item(catalogue, jdbc, hall, 5, null);
        calendar.saveDay(hall.siteId(), dec(16), false, null, null, "测试假日");
        clock.set(AgencyFixture.at(dec(14)));
        AgencyCases.Opened c = AgencyFixture.open(cases, hall, item, "");
        AgencyFixture.receiveAll(checks, hall.siteId(), c.id());
        // accepted Monday 14: Tue 15, (Wed 16 closed), Thu 17, Fri 18, Mon 21, Tue 22
        assertThat(due(c.id())).isEqualTo(dec(22));

        // Thursday 17 the section finds a page to correct: a one-time notice, the clock stops
        clock.set(AgencyFixture.at(dec(17)));
        long first = checks.of(hall.siteId(), c.id()).get(0).id();
        checks.check(hall.siteId(), c.id(), List.of(new MaterialChecks.Mark(first, MaterialChecks.Finding.TO_CORRECT, "盖章不清")));
        checks.sendNotice(hall.siteId(), c.id());
        assertThat(clocks.daysLeft(hall.siteId(), c.id(), AgencyCases.State.SUPPLEMENT, due(c.id()))).isEqualTo(3);
        clock.set(AgencyFixture.at(dec(18)));
        assertThat(clocks.daysLeft(hall.siteId(), c.id(), AgencyCases.State.SUPPLEMENT, due(c.id())))
                .as("the countdown stands still while the case waits on the citizen").isEqualTo(3);

        // the corrected page arrives Monday 21: Fri 18 and Mon 21 were paused, the due date moves two working days
        clock.set(AgencyFixture.at(dec(21)));
        checks.check(hall.siteId(), c.id(), List.of(new MaterialChecks.Mark(first, MaterialChecks.Finding.RECEIVED, "")));
        assertThat(jdbc.sql("SELECT state FROM agency_cases WHERE id = :id").param("id", c.id()).query(String.class).single())
                .isEqualTo("ACCEPTED");
        assertThat(jdbc.sql("SELECT paused_days FROM agency_cases WHERE id = :id").param("id", c.id()).query(Integer.class)
                .single()).isEqualTo(2);
        assertThat(due(c.id())).isEqualTo(dec(24));
        assertThat(clocks.daysLeft(hall.siteId(), c.id(), AgencyCases.State.ACCEPTED, dec(24))).isEqualTo(3);
        assertThat(deliveries.of(hall.siteId(), "agency", String.valueOf(c.id()))).extracting(Deliveries.Status::purpose)
                .as("accepted, supplement needed, and going on again").hasSize(4)
                .anyMatch(p -> p.startsWith("agency.sms.accepted/"));

        // finished on the due date: on time
        clock.set(AgencyFixture.at(dec(24)));
        assertThat(checks.finish(hall.siteId(), c.id())).isTrue();
        assertThat(jdbc.sql("SELECT on_time FROM agency_cases WHERE id = :id").param("id", c.id()).query(Boolean.class)
                .single()).isTrue();
    }

    @Test
    void r14_3_rSvc4_theWarningAndTheOverdueIncidentAreEachRaisedOnceOnTwoNodes() throws Exception {
        String head = accounts.create(Role.SECTION_HEAD, hall.siteId());
        long headStaff = staff.save(hall.siteId(), null, new Forms.StaffForm("陈科长", "H" + System.nanoTime() % 100000,
                hall.sectionId(), null, "科长", "13700001111", "", head));
        long item = AgencyFixture.item(catalogue, jdbc, hall, 3, hall.sectionId());
        clock.set(AgencyFixture.at(dec(14)));
        AgencyCases.Opened c = AgencyFixture.open(cases, hall, item, "");
        AgencyFixture.receiveAll(checks, hall.siteId(), c.id());
        assertThat(due(c.id())).isEqualTo(dec(17));
        SecurityContextHolder.clearContext();
        CommitmentJob other = new CommitmentJob(jdbc, clock, clocks, log, texts, incidents, staff, accountBook, directory,
                catalogue, deliveries, live, transactions);

        clock.set(AgencyFixture.at(dec(15)));
        bothNodes(other);
        assertThat(warnings(c.id())).as("two working days before: nobody is warned yet").isEmpty();

        clock.set(AgencyFixture.at(dec(16)));
        bothNodes(other);
        bothNodes(other);
        assertThat(warnings(c.id())).as("one SMS to the section head").singleElement()
                .satisfies(d -> assertThat(d.recipientName()).isEqualTo("陈科长"));
        assertThat(logged(c.id(), "WARNED")).isEqualTo(1);
        assertThat(overdue(c.id())).isEmpty();

        clock.set(AgencyFixture.at(dec(17)));
        bothNodes(other);
        assertThat(overdue(c.id())).as("due today is not overdue").isEmpty();

        clock.set(AgencyFixture.at(dec(18)));
        bothNodes(other);
        bothNodes(other);
        List<Incidents.Incident> raised = overdue(c.id());
        assertThat(raised).as("one incident to the office").singleElement()
                .satisfies(i -> assertThat(i.title()).contains(CaseCodes.display(c.code())));
        assertThat(jdbc.sql("SELECT overdue_incident_id FROM agency_cases WHERE id = :id").param("id", c.id())
                .query(Long.class).single()).isEqualTo(raised.get(0).id());
        assertThat(logged(c.id(), "OVERDUE")).isEqualTo(1);
        assertThat(warnings(c.id())).hasSize(1);
        assertThat(headStaff).isPositive();

        halls.signIn(hall.officeDirector());
        assertThat(checks.finish(hall.siteId(), c.id())).as("finished after the due date: late").isFalse();
        assertThat(jdbc.sql("SELECT on_time FROM agency_cases WHERE id = :id").param("id", c.id()).query(Boolean.class)
                .single()).isFalse();
    }

    @Test
    void r14_3_withoutASectionHeadTheOfficeIsWarned() {
        long office = staff.search(hall.siteId(), "王海燕", null, false).get(0).id();
        long item = AgencyFixture.item(catalogue, jdbc, hall, 1, null);
        clock.set(AgencyFixture.at(dec(14)));
        AgencyCases.Opened c = AgencyFixture.open(cases, hall, item, "");
        AgencyFixture.receiveAll(checks, hall.siteId(), c.id());
        SecurityContextHolder.clearContext();
        job.check();
        assertThat(warnings(c.id())).singleElement().satisfies(d -> assertThat(d.recipientName()).isEqualTo("王海燕"));
        assertThat(office).isPositive();
    }

    /** The job on this node and on another, at the same moment, against the one database. */
    private void bothNodes(CommitmentJob other) throws Exception {
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            CyclicBarrier start = new CyclicBarrier(2);
            List<CompletableFuture<Integer>> runs = new ArrayList<>();
            for (CommitmentJob node : List.of(job, other)) {
                runs.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    return node.check();
                }, nodes));
            }
            runs.forEach(CompletableFuture::join);
        } finally {
            nodes.shutdownNow();
        }
    }

    private LocalDate due(long caseId) {
        return jdbc.sql("SELECT due_on FROM agency_cases WHERE id = :id").param("id", caseId).query(LocalDate.class).single();
    }

    private List<Deliveries.Status> warnings(long caseId) {
        return deliveries.of(hall.siteId(), "agency", String.valueOf(caseId)).stream()
                .filter(d -> d.purpose().equals("agency.warn")).toList();
    }

    private List<Incidents.Incident> overdue(long caseId) {
        return incidents.list(hall.siteId(), null, 100).stream()
                .filter(i -> i.source().equals("agency") && i.sourceId().equals(String.valueOf(caseId))).toList();
    }

    private int logged(long caseId, String action) {
        return jdbc.sql("SELECT count(*) FROM agency_case_log WHERE case_id = :id AND action = :action")
                .param("id", caseId).param("action", action).query(Integer.class).single();
    }
}
