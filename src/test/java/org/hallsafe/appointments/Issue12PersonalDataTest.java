package org.hallsafe.appointments;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.hallsafe.HallSafeTest;
import org.hallsafe.MutableClock;
import org.hallsafe.TestAccounts;
import org.hallsafe.appointments.AppointmentForms.Channel;
import org.hallsafe.canteen.Canteen;
import org.hallsafe.duty.Duty;
import org.hallsafe.duty.DutyForms.ConsultationForm;
import org.hallsafe.duty.DutyForms.Outcome;
import org.hallsafe.incident.Incidents;
import org.hallsafe.organization.StaffDirectory;
import org.hallsafe.platform.RetentionJob;
import org.hallsafe.platform.Role;
import org.hallsafe.screening.Gate;
import org.hallsafe.screening.GateDesk;
import org.hallsafe.screening.GateForm;
import org.hallsafe.screening.Ledger;
import org.hallsafe.shared.DocumentType;
import org.hallsafe.shared.IdNumber;
import org.hallsafe.shared.PhoneNumber;
import org.hallsafe.staffhealth.CheckForm;
import org.hallsafe.staffhealth.StaffHealth;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Issue 12, items 11 and 12: personal data anonymised when its time is up; look-ups by full number audited. */
@HallSafeTest
class Issue12PersonalDataTest {

    @Autowired Fixture fixture;
    @Autowired MutableClock clock;
    @Autowired JdbcClient jdbc;
    @Autowired RetentionJob retention;
    @Autowired Bookings bookings;
    @Autowired Duty duty;
    @Autowired GateDesk gate;
    @Autowired Ledger ledger;
    @Autowired StaffHealth health;
    @Autowired Canteen canteen;
    @Autowired Incidents incidents;
    @Autowired StaffDirectory staff;
    @Autowired TestAccounts accounts;
    @Autowired UserDetailsService users;
    @Autowired MockMvc mvc;

    @AfterEach
    void tidyUp() {
        SecurityContextHolder.clearContext();
        clock.set(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS));
    }

    private static GateForm citizen(String name, String idNumber, String temperature) {
        // a fever without a mask is refused outright, which reports an incident
        return new GateForm(UUID.randomUUID(), Gate.PersonType.CITIZEN, null, name, DocumentType.ID_CARD, idNumber,
                "13912345678", new BigDecimal(temperature).compareTo(new BigDecimal("37.3")) >= 0 ? Gate.Mask.NONE
                        : Gate.Mask.DISPOSABLE_MEDICAL, new BigDecimal(temperature), List.of(), true, "", null, null,
                "", null);
    }

    private static GateForm staffReading(long staffId) {
        return new GateForm(UUID.randomUUID(), Gate.PersonType.STAFF, staffId, null, null, null, null,
                Gate.Mask.N95_KN95, new BigDecimal("36.5"), List.of(), true, "", null, null, "", null);
    }

    private Map<String, Object> row(String table, long id) {
        return jdbc.sql("SELECT * FROM " + table + " WHERE id = :id").param("id", id).query().singleRow();
    }

    private Map<LocalDate, Integer> ledgerCountsPerDay(long site) {
        Map<LocalDate, Integer> counts = new java.util.TreeMap<>();
        jdbc.sql("""
                SELECT (screened_at AT TIME ZONE 'Asia/Shanghai')::date, count(*), count(*) FILTER (WHERE decision = 'REFUSED')
                FROM screenings WHERE site_id = :site GROUP BY 1""").param("site", site)
                .query((rs, n) -> counts.put(rs.getDate(1).toLocalDate(), rs.getInt(2) * 1000 + rs.getInt(3))).list();
        return counts;
    }

    @Test
    void r12_11_anonymisesPersonalDataPastItsPeriodKeepsTheLedgerAndAuditsTheCounts() throws Exception {
        Fixture.Ready r = fixture.create(4, 40);
        long site = r.site();
        Instant friday = clock.instant();

        // a booking for the Monday, a duty call, a citizen refused with fever (an incident, closed), a staff reading at
        // the gate, a staff member's own check, and an outsider refused at the canteen door
        fixture.halls().signIn(r.hall().admin());
        String phone = "139" + String.format("%08d", System.nanoTime() % 100_000_000);
        Bookings.Booking booking = bookings.book(site, Fixture.form(r.socialCard(), fixture.slot(r, r.window5(), "09:00"),
                "陈晓明", Fixture.idNumber(), phone, Channel.WEB));
        long call = duty.log(site, new ConsultationForm(UUID.randomUUID(), null, "王先生", phone, null, "社保卡补办要带什么",
                "带身份证", Outcome.ANSWERED, "", null, DocumentType.ID_CARD, ""));
        fixture.halls().signIn(r.hall().screener());
        String idNumber = Fixture.idNumber();
        GateDesk.Result refused = gate.record(site, citizen("刘洋", idNumber, "38.4"));
        long citizenId = jdbc.sql("SELECT citizen_id FROM screenings WHERE id = :id").param("id", refused.id())
                .query(Long.class).single();
        long staffId = r.hall().staffIds().get(4);
        GateDesk.Result staffAtGate = gate.record(site, staffReading(staffId));
        long check = health.recordCheck(site, staffId, new CheckForm(UUID.randomUUID(), new BigDecimal("36.7"), List.of(),
                true, ""), false).id();
        fixture.halls().signIn(r.hall().leader());
        incidents.close(site, refused.incidentId(), "已送发热门诊，家属知情");
        fixture.halls().signIn(r.hall().admin());
        canteen.enter(site, "外来人员赵某 13800001111", true);
        long door = jdbc.sql("SELECT max(id) FROM canteen_entries WHERE site_id = :site AND staff_id IS NULL")
                .param("site", site).query(Long.class).single();

        // 29 days after the booked Monday: a new visitor today is inside the period
        clock.set(fixture.time(r.monday(), "10:00").plus(Duration.ofDays(29)));
        fixture.halls().signIn(r.hall().screener());
        GateDesk.Result today = gate.record(site, citizen("孙丽", Fixture.idNumber(), "36.4"));
        Map<LocalDate, Integer> before = ledgerCountsPerDay(site);

        Map<String, Integer> counts = retention.run().orElseThrow();

        assertThat(counts).containsKeys("screenings", "citizens", "bookings", "consultations", "incidents",
                "canteen_entries", "staff_checks", "staff screenings");
        assertThat(counts.get("screenings")).isPositive();
        Map<String, Object> screening = row("screenings", refused.id());
        assertThat(screening.get("person_name")).isEqualTo("已匿名");
        assertThat(screening.get("doc_masked")).isNull();
        assertThat(screening.get("phone_masked")).isNull();
        assertThat(screening.get("health_cipher")).isNull();
        assertThat(screening.get("decision")).isEqualTo("REFUSED");
        assertThat(screening.get("anonymised_at")).isNotNull();
        Map<String, Object> person = row("citizens", citizenId);
        assertThat(person.get("name")).isEqualTo("已匿名");
        assertThat(person.get("doc_hash")).isNull();
        assertThat(person.get("doc_cipher")).isNull();
        assertThat(person.get("phone_cipher")).isNull();
        assertThat(gate.findCitizen(site, DocumentType.ID_CARD, idNumber)).isEmpty();
        Map<String, Object> booked = row("bookings", booking.id());
        assertThat(booked.get("name")).isEqualTo("已匿名");
        assertThat(booked.get("doc_hash")).isNull();
        assertThat(booked.get("phone_cipher")).isNull();
        assertThat(booked.get("status")).isEqualTo(jdbc.sql("SELECT status FROM bookings WHERE id = :id")
                .param("id", booking.id()).query(String.class).single());
        Map<String, Object> consultation = row("consultations", call);
        assertThat(consultation.get("phone_hash")).isNull();
        assertThat(consultation.get("caller_name")).isEqualTo("已匿名");
        assertThat(consultation.get("matter")).isEqualTo("已匿名");
        assertThat(consultation.get("outcome")).isEqualTo("ANSWERED");
        assertThat(row("canteen_entries", door).get("typed")).isEqualTo("已匿名");
        assertThat(row("incidents", refused.incidentId()).get("title")).isEqualTo("已匿名");
        assertThat(row("incidents", refused.incidentId()).get("details_cipher")).isNull();
        assertThat(jdbc.sql("SELECT count(*) FROM incident_notes WHERE incident_id = :id AND body_cipher IS NOT NULL")
                .param("id", refused.incidentId()).query(Integer.class).single()).isZero();
        assertThat(incidents.record(site, refused.incidentId()).details()).isEmpty();

        // newer, and staff health (180 days), untouched
        assertThat(row("screenings", today.id()).get("health_cipher")).isNotNull();
        assertThat(row("screenings", today.id()).get("person_name")).isEqualTo("孙丽");
        assertThat(row("staff_checks", check).get("health_cipher")).isNotNull();
        assertThat(row("screenings", staffAtGate.id()).get("health_cipher")).isNotNull();

        // the ledger keeps its counts per day and shows the line without the reading
        assertThat(ledgerCountsPerDay(site)).isEqualTo(before);
        Ledger.Line line = ledger.line(site, refused.id());
        assertThat(line.temperature()).isNull();
        assertThat(line.decision()).isEqualTo(Gate.Decision.REFUSED);
        String page = mvc.perform(get("/screening/ledger").param("from", LocalDate.ofInstant(friday, Fixture.ZONE).toString())
                        .param("to", LocalDate.now(clock).toString())
                        .with(user(users.loadUserByUsername(r.hall().officeDirector()))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("已匿名").doesNotContain("刘洋");
        java.io.ByteArrayOutputStream xlsx = new java.io.ByteArrayOutputStream();
        fixture.halls().signIn(r.hall().officeDirector());
        assertThat(ledger.export(site, new Ledger.Filter(LocalDate.ofInstant(friday, Fixture.ZONE), LocalDate.now(clock),
                null, null, null, null, null), "测试大厅", java.util.Locale.SIMPLIFIED_CHINESE, xlsx)).isEqualTo(3);

        // audited with the counts, as the system
        Instant ran = clock.instant();
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql("""
                SELECT count(*) FROM audit_log WHERE action = 'RETENTION_PURGE' AND actor = 'system' AND occurred_at = :at
                  AND summary LIKE '%CITIZENS 28d: %screenings %' AND summary LIKE '%BOOKINGS 28d: bookings %'""")
                .param("at", Timestamp.from(ran)).query(Integer.class).single() == 1);

        // a second run changes nothing and audits nothing
        assertThat(retention.run().orElseThrow().values()).allMatch(n -> n == 0);

        // half a year after the staff check: the staff's readings go, the check and its result stay
        clock.set(friday.plus(Duration.ofDays(181)));
        retention.run().orElseThrow();
        Map<String, Object> staffCheck = row("staff_checks", check);
        assertThat(staffCheck.get("health_cipher")).isNull();
        assertThat(staffCheck.get("abnormal")).isEqualTo(false);
        assertThat(row("screenings", staffAtGate.id()).get("health_cipher")).isNull();
        assertThat(row("screenings", staffAtGate.id()).get("decision")).isEqualTo("ADMITTED");
        assertThat(ledgerCountsPerDay(site)).isEqualTo(before);
    }

    @Test
    void r12_11_showsTheRetentionPeriodsToTheAdministratorOnly() throws Exception {
        String page = mvc.perform(get("/admin/retention").with(user(accounts.signedIn(Role.ADMIN))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("data-class=\"CITIZENS\"").contains(">28<").contains(">180<");
        mvc.perform(get("/admin/retention").with(user(accounts.signedIn(Role.SCREENER)))).andExpect(status().isForbidden());
    }

    private int lookUps(String actor, String subject, String summary) {
        return jdbc.sql("""
                SELECT count(*) FROM audit_log WHERE action = 'PERSONAL_DATA_LOOKUP' AND actor = :actor
                  AND target_type = :subject AND summary = :summary""")
                .param("actor", actor).param("subject", subject).param("summary", summary).query(Integer.class).single();
    }

    @Test
    void r12_12_auditsEveryLookUpByAFullIdOrPhoneNumberWithTheMaskedNumberAndTheCount() throws Exception {
        Fixture.Ready r = fixture.create(4, 40);
        long site = r.site();
        fixture.halls().signIn(r.hall().screener());
        String idNumber = Fixture.idNumber();
        gate.record(site, citizen("周红", idNumber, "36.5"));
        String masked = new IdNumber(idNumber).masked();

        // the gate: a returning citizen by full ID number, page and API
        String screener = r.hall().screener();
        mvc.perform(get("/screening/gate/citizen").param("docType", "ID_CARD").param("docNo", idNumber)
                .with(user(users.loadUserByUsername(screener)))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/screening/citizens").param("docType", "ID_CARD").param("docNo", Fixture.idNumber())
                .with(user(users.loadUserByUsername(screener)))).andExpect(status().isNotFound());
        // the staff search by phone
        String leader = r.hall().leader();
        fixture.halls().signIn(leader);
        var someone = staff.get(site, r.hall().staffIds().get(4));
        String phone = staff.reveal(site, someone.id(), "phone");
        mvc.perform(get("/org/staff").param("q", phone).with(user(users.loadUserByUsername(leader)))).andExpect(status().isOk());
        mvc.perform(get("/org/staff").param("q", "周").with(user(users.loadUserByUsername(leader)))).andExpect(status().isOk());
        // the duty calls by phone
        String office = r.hall().officeDirector();
        fixture.halls().signIn(office);
        String caller = "137" + String.format("%08d", System.nanoTime() % 100_000_000);
        duty.log(site, new ConsultationForm(UUID.randomUUID(), null, "", caller, null, "问材料", "", Outcome.ANSWERED, "",
                null, DocumentType.ID_CARD, ""));
        mvc.perform(get("/duty/calls").param("q", caller).with(user(users.loadUserByUsername(office))))
                .andExpect(status().isOk());

        await().atMost(Duration.ofSeconds(10)).until(() -> lookUps(screener, "citizen", "ID_CARD " + masked + ": 1") == 1);
        assertThat(jdbc.sql("""
                SELECT count(*) FROM audit_log WHERE action = 'PERSONAL_DATA_LOOKUP' AND actor = :actor
                  AND target_type = 'citizen' AND summary LIKE '%: 0'""").param("actor", screener).query(Integer.class).single())
                .isEqualTo(1);
        await().atMost(Duration.ofSeconds(10)).until(() -> lookUps(leader, "staff",
                "phone " + new PhoneNumber(phone).masked() + ": 1") == 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> lookUps(office, "consultation",
                "phone " + new PhoneNumber(caller).masked() + ": 1") == 1);
        // a search by name is no look-up of a number; no full number ever reaches the log
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE actor = :actor AND action = 'PERSONAL_DATA_LOOKUP'")
                .param("actor", leader).query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE summary LIKE :a OR summary LIKE :b OR summary LIKE :c")
                .param("a", "%" + idNumber + "%").param("b", "%" + phone + "%").param("c", "%" + caller + "%")
                .query(Integer.class).single()).isZero();
    }

    @Test
    void r12_12_showsStaffTemperaturesOnTheBoardOnlyToRolesThatNeedThem() throws Exception {
        Fixture.Ready r = fixture.create(4, 40);
        long site = r.site();
        fixture.halls().signIn(r.hall().admin());
        long staffId = r.hall().staffIds().get(4);
        health.recordCheck(site, staffId, new CheckForm(UUID.randomUUID(), new BigDecimal("36.8"), List.of(), true, ""), false);
        String canteenAccount = accounts.create(Role.CANTEEN, site);

        String leaderBoard = mvc.perform(get("/staffhealth").param("dept", "0")
                        .with(user(users.loadUserByUsername(r.hall().leader()))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String canteenBoard = mvc.perform(get("/staffhealth").param("dept", "0")
                        .with(user(users.loadUserByUsername(canteenAccount))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(leaderBoard).contains("36.8 °C").contains("周明");
        assertThat(canteenBoard).contains("周明").doesNotContain("36.8");
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql("""
                SELECT count(*) FROM audit_log WHERE action = 'PERSONAL_DATA_READ' AND actor = :actor AND target_type = 'staffhealth'""")
                .param("actor", r.hall().leader()).query(Integer.class).single() == 1);
    }
}
