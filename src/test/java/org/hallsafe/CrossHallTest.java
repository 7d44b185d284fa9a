package org.hallsafe;

import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

import org.hallsafe.appointments.AppointmentForms;
import org.hallsafe.appointments.Catalogue;
import org.hallsafe.appointments.Slots;
import org.hallsafe.canteen.Canteen;
import org.hallsafe.canteen.CanteenForms;
import org.hallsafe.duty.Duty;
import org.hallsafe.duty.DutyForms;
import org.hallsafe.hygiene.Hygiene;
import org.hallsafe.hygiene.HygieneForms;
import org.hallsafe.incident.Incidents;
import org.hallsafe.organization.Directory;
import org.hallsafe.organization.Forms;
import org.hallsafe.organization.PlanMeasure;
import org.hallsafe.platform.CurrentUser;
import org.hallsafe.shared.IdNumber;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 12, item 13: hall B's administrator names hall A's ids in paths, form fields and JSON; every such request
 * answers 404 (or, for a choice inside a form, a message beside the field), changes nothing in hall A and writes no
 * audit entry. The tables refuse such references too: every foreign key between two tables of halls includes site_id.
 */
@HallSafeTest
class CrossHallTest {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired TestHall halls;
    @Autowired UserDetailsService users;
    @Autowired Directory directory;
    @Autowired Catalogue catalogue;
    @Autowired org.hallsafe.organization.HallCalendar calendar;
    @Autowired Slots slots;
    @Autowired Duty duty;
    @Autowired Hygiene hygiene;
    @Autowired Canteen canteen;
    @Autowired Incidents incidents;
    @Autowired java.time.Clock clock;

    /** Hall A's rows that hall B tries to reach. */
    record HallA(TestHall.Hall hall, long window, long item, long slot, long post, long call, long calendarDay,
            long zone, long supplier, long incident, long account) {
    }

    private static HallA a;
    private static TestHall.Hall b;
    private static long bWindow;
    private static long bItem;

    private UserDetails bAdmin;

    @BeforeEach
    void halls() {
        if (a == null) {
            a = hallA();
            b = halls.create();
            halls.signIn(b.admin());
            bWindow = directory.saveWindow(b.siteId(), null, new Forms.WindowForm(2, "B综合窗口", "", b.sectionId()));
            bItem = catalogue.saveItem(b.siteId(), null, new AppointmentForms.ItemForm("B事项", 15, "", "", false,
                    List.of(bWindow)));
            SecurityContextHolder.clearContext();
        }
        bAdmin = users.loadUserByUsername(b.admin());
    }

    private HallA hallA() {
        TestHall.Hall hall = halls.create();
        long site = hall.siteId();
        halls.signIn(hall.admin());
        long window = directory.saveWindow(site, null, new Forms.WindowForm(1, "A综合窗口", "一楼", hall.sectionId()));
        long item = catalogue.saveItem(site, null, new AppointmentForms.ItemForm("A事项", 30, "", "", false, List.of(window)));
        catalogue.saveHours(site, new AppointmentForms.HoursForm(window, List.of(DayOfWeek.MONDAY),
                LocalTime.of(9, 0), LocalTime.of(11, 0), null, null));
        LocalDate monday = LocalDate.now(clock).plusWeeks(8).with(DayOfWeek.MONDAY);
        slots.generate(site, new AppointmentForms.GenerateForm(monday, monday, List.of(window), 4, 40, null));
        long slot = jdbc.sql("SELECT id FROM slots WHERE site_id = :site ORDER BY id LIMIT 1").param("site", site)
                .query(Long.class).single();
        duty.addPost(site, new DutyForms.RosterForm(monday, window, "", hall.staffIds().get(4), ""));
        long post = jdbc.sql("SELECT id FROM duty_roster WHERE site_id = :site").param("site", site).query(Long.class).single();
        long call = duty.log(site, new DutyForms.ConsultationForm(UUID.randomUUID(), window, "来电人", "13800001111",
                item, "问材料", "已答", DutyForms.Outcome.CALL_BACK, "回电", null, null, ""));
        calendar.saveDay(site, monday.plusDays(1), false, null, null, "休");
        long day = jdbc.sql("SELECT id FROM hall_calendar_days WHERE site_id = :site").param("site", site).query(Long.class).single();
        long zone = hygiene.saveZone(site, null, new HygieneForms.ZoneForm("A入口", HygieneForms.ZoneType.ENTRANCE,
                hall.sectionId(), List.of(HygieneForms.Method.WIPE), null, 120, null));
        long supplier = canteen.saveSupplier(site, new CanteenForms.SupplierForm("A供应商", ""));
        long incident = incidents.report(site, "test", "cross-hall", "A的事件", "详情");
        long account = ((CurrentUser) users.loadUserByUsername(hall.screener())).accountId();
        SecurityContextHolder.clearContext();
        return new HallA(hall, window, item, slot, post, call, day, zone, supplier, incident, account);
    }

    // ---- organization and accounts

    @Test
    void r12_13_hallBCannotEditHallAsSectionsWindowsStaffOrAccounts() throws Exception {
        long aSite = a.hall().siteId();
        long aStaff = a.hall().staffIds().get(4);
        String windowsBefore = snapshot("SELECT number || name || coalesce(section_id, 0) FROM service_windows WHERE site_id = " + aSite);
        String staffBefore = snapshot("SELECT name || card_no || coalesce(department_id, 0) || coalesce(window_id, 0) || (retired_at IS NULL) FROM staff WHERE site_id = " + aSite);
        String accountsBefore = snapshot("SELECT username || password_hash || enabled FROM accounts WHERE site_id = " + aSite);
        long bWindows = count("SELECT count(*) FROM service_windows WHERE site_id = " + b.siteId());
        int audits = audits();

        refused(post("/org/windows/{id}", a.window()).param("number", "9").param("name", "改名"));
        refused(post("/org/windows").param("number", "77").param("name", "借A科室").param("sectionId", String.valueOf(a.hall().sectionId())));
        refused(post("/org/windows/{id}/retire", a.window()));
        refused(post("/org/departments/{id}", a.hall().sectionId()).param("kind", "SECTION").param("name", "改名"));
        refused(post("/org/departments/{id}/retire", a.hall().sectionId()));
        refused(post("/org/staff/{id}", aStaff).param("name", "改名").param("cardNo", "X1")
                .param("departmentId", String.valueOf(b.sectionId())));
        refused(post("/org/staff").param("name", "借A窗口").param("cardNo", "X2").param("windowId", String.valueOf(a.window()))
                .param("phone", "13900001234"));
        refused(post("/org/staff/{id}/retire", aStaff));
        refused(post("/org/staff/{id}/reveal/phone", aStaff));
        refused(post("/org/leadership").param("staffId", String.valueOf(aStaff)).param("role", "MEMBER"));
        refused(post("/org/measures/{code}/owners", PlanMeasure.values()[0].code())
                .param("section", String.valueOf(a.hall().sectionId())));
        refused(post("/admin/accounts/{id}/password", a.account()).param("password", "Taken-Over-2026!"));
        refused(post("/admin/accounts/{id}/enabled", a.account()).param("enabled", "false"));
        refusedApi(put("/api/v1/windows/{id}", a.window()), "{\"number\":9,\"name\":\"改名\"}");
        refusedApi(put("/api/v1/staff/{id}", aStaff), "{\"name\":\"改名\",\"cardNo\":\"X3\",\"departmentId\":" + b.sectionId() + "}");
        refusedApi(put("/api/v1/measures/{code}/owners", PlanMeasure.values()[0].code()), "[" + a.hall().sectionId() + "]");

        assertThat(snapshot("SELECT number || name || coalesce(section_id, 0) FROM service_windows WHERE site_id = " + aSite))
                .isEqualTo(windowsBefore);
        assertThat(snapshot("SELECT name || card_no || coalesce(department_id, 0) || coalesce(window_id, 0) || (retired_at IS NULL) FROM staff WHERE site_id = " + aSite))
                .isEqualTo(staffBefore);
        assertThat(snapshot("SELECT username || password_hash || enabled FROM accounts WHERE site_id = " + aSite))
                .isEqualTo(accountsBefore);
        assertThat(count("SELECT count(*) FROM service_windows WHERE site_id = " + b.siteId())).isEqualTo(bWindows);
        assertThat(count("SELECT count(*) FROM measure_owners WHERE site_id = " + b.siteId() + " AND department_id = "
                + a.hall().sectionId())).isZero();
        assertNoAuditSince(audits);
    }

    // ---- appointments and duty

    @Test
    void r12_13_hallBCannotLogCallsOrSetHoursOrPostsOnHallAsWindowsAndItems() throws Exception {
        long aSite = a.hall().siteId();
        String hoursBefore = snapshot("SELECT weekday::text || starts::text || ends::text FROM opening_hours WHERE window_id = " + a.window());
        int audits = audits();

        refused(post("/duty/calls").param("submissionId", UUID.randomUUID().toString())
                .param("windowId", String.valueOf(a.window())).param("itemId", String.valueOf(a.item()))
                .param("phone", "13800002222").param("matter", "越权").param("outcome", "ANSWERED"));
        refused(post("/duty/calls").param("submissionId", UUID.randomUUID().toString())
                .param("itemId", String.valueOf(a.item())).param("phone", "13800002222").param("matter", "越权")
                .param("outcome", "ANSWERED"));
        refusedApi(post("/api/v1/appointments/consultations"), "{\"submissionId\":\"" + UUID.randomUUID()
                + "\",\"windowId\":" + a.window() + ",\"itemId\":" + a.item()
                + ",\"phone\":\"13800002222\",\"matter\":\"越权\",\"outcome\":\"ANSWERED\"}");
        refused(post("/appointments/calendar/hours").param("windowId", String.valueOf(a.window())).param("days", "TUESDAY")
                .param("amStarts", "08:00").param("amEnds", "12:00"));
        refused(post("/duty/roster").param("day", LocalDate.now(clock).plusDays(3).toString())
                .param("windowId", String.valueOf(a.window())).param("staffId", String.valueOf(b.staffIds().get(4))));
        refused(post("/duty/roster").param("day", LocalDate.now(clock).plusDays(3).toString())
                .param("windowId", String.valueOf(bWindow)).param("staffId", String.valueOf(a.hall().staffIds().get(4))));
        refused(post("/duty/roster/{id}/delete", a.post()));
        refused(post("/duty/calls/{id}/follow-up-done", a.call()));
        refused(post("/appointments/items/{id}", a.item()).param("name", "改名").param("minutes", "10").param("_agency", "on")
                .param("windowIds", String.valueOf(bWindow)));
        refused(post("/appointments/items/{id}/retire", a.item()));
        refused(post("/appointments/calendar/days/{id}/delete", a.calendarDay()));
        refused(post("/appointments/slots/generate").param("from", LocalDate.now(clock).plusDays(1).toString())
                .param("to", LocalDate.now(clock).plusDays(7).toString()).param("windowIds", String.valueOf(a.window()))
                .param("capacity", "4").param("hallCap", "40"));
        refused(post("/appointments/slots/{id}/capacity", a.slot()).param("capacity", "1"));
        refused(post("/appointments/window/{id}/next", a.window()));
        // a choice inside a form may also come back with the message beside the field, never as done
        mvc.perform(post("/appointments/items").with(user(bAdmin)).with(csrf()).param("name", "借A窗口")
                        .param("minutes", "10").param("_agency", "on").param("windowIds", String.valueOf(a.window())))
                .andExpect(status().isOk());
        mvc.perform(post("/appointments/desk").with(user(bAdmin)).with(csrf())
                        .param("submissionId", UUID.randomUUID().toString()).param("itemId", String.valueOf(bItem))
                        .param("slotId", String.valueOf(a.slot())).param("name", "王五").param("docType", "ID_CARD")
                        .param("docNo", idNumber()).param("phone", "13800003333").param("channel", "PHONE"))
                .andExpect(status().isOk());

        assertThat(count("SELECT count(*) FROM consultations WHERE site_id = " + b.siteId())).isZero();
        assertThat(count("SELECT count(*) FROM consultations WHERE site_id = " + aSite + " AND follow_up_done_at IS NOT NULL")).isZero();
        assertThat(count("SELECT count(*) FROM opening_hours WHERE site_id = " + b.siteId())).isZero();
        assertThat(snapshot("SELECT weekday::text || starts::text || ends::text FROM opening_hours WHERE window_id = " + a.window())).isEqualTo(hoursBefore);
        assertThat(count("SELECT count(*) FROM duty_roster WHERE site_id = " + b.siteId())).isZero();
        assertThat(count("SELECT count(*) FROM duty_roster WHERE id = " + a.post())).isOne();
        assertThat(count("SELECT count(*) FROM service_items WHERE id = " + a.item() + " AND name = 'A事项' AND retired_at IS NULL")).isOne();
        assertThat(count("SELECT count(*) FROM service_items WHERE site_id = " + b.siteId())).isOne();
        assertThat(count("SELECT count(*) FROM hall_calendar_days WHERE id = " + a.calendarDay())).isOne();
        assertThat(count("SELECT count(*) FROM slots WHERE site_id = " + b.siteId())).isZero();
        assertThat(count("SELECT count(*) FROM slots WHERE id = " + a.slot() + " AND capacity = 4 AND booked = 0")).isOne();
        assertThat(count("SELECT count(*) FROM bookings WHERE site_id IN (" + aSite + ", " + b.siteId() + ")")).isZero();
        assertNoAuditSince(audits);
    }

    // ---- hygiene, canteen, incidents, staff health

    @Test
    void r12_13_hallBCannotRecordAgainstHallAsZonesSuppliersIncidentsOrStaff() throws Exception {
        long aSite = a.hall().siteId();
        long aStaff = a.hall().staffIds().get(4);
        int audits = audits();

        refused(post("/hygiene/disinfections").param("submissionId", UUID.randomUUID().toString())
                .param("zoneId", String.valueOf(a.zone())).param("method", "WIPE").param("doneBy", "保洁"));
        refused(post("/hygiene/ventilations").param("zoneId", String.valueOf(a.zone())).param("minutes", "30")
                .param("doneBy", "保洁"));
        refused(post("/hygiene/waste-removals").param("zoneId", String.valueOf(a.zone())).param("bags", "2")
                .param("doneBy", "保洁"));
        refused(post("/hygiene/zones/{id}", a.zone()).param("name", "改名").param("zoneType", "ENTRANCE")
                .param("methods", "WIPE").param("intervalMinutes", "120"));
        refused(post("/hygiene/zones/{id}/retire", a.zone()));
        refused(post("/canteen/purchases").param("submissionId", UUID.randomUUID().toString())
                .param("supplierId", String.valueOf(a.supplier())).param("deliveredOn", LocalDate.now(clock).toString())
                .param("certificatesChecked", "true").param("inspector", "检查员")
                .param("itemName", "大米").param("itemCategory", "GRAIN_OIL").param("itemQuantity", "10")
                .param("itemUnit", "kg").param("itemResult", "ACCEPTED"));
        refused(post("/canteen/suppliers/{id}/certificates", a.supplier()).param("kind", "BUSINESS_LICENCE")
                .param("number", "91430000X").param("expiresOn", LocalDate.now(clock).plusYears(1).toString()));
        refused(post("/incidents/{id}/acknowledge", a.incident()));
        refused(post("/incidents/{id}/notes", a.incident()).param("body", "越权"));
        refused(post("/incidents/{id}/close", a.incident()).param("body", "越权"));
        refused(post("/staffhealth/staff/{id}/check", aStaff).param("submissionId", UUID.randomUUID().toString())
                .param("temperature", "36.5").param("noSymptoms", "true"));
        // a section of another hall in the zone form comes back beside the field
        mvc.perform(post("/hygiene/zones").with(user(bAdmin)).with(csrf()).param("name", "借A科室")
                        .param("zoneType", "ENTRANCE").param("departmentId", String.valueOf(a.hall().sectionId()))
                        .param("methods", "WIPE").param("intervalMinutes", "120"))
                .andExpect(status().isOk());

        assertThat(count("SELECT count(*) FROM disinfections WHERE zone_id = " + a.zone())).isZero();
        assertThat(count("SELECT count(*) FROM ventilations WHERE zone_id = " + a.zone())).isZero();
        assertThat(count("SELECT count(*) FROM waste_removals WHERE zone_id = " + a.zone())).isZero();
        assertThat(count("SELECT count(*) FROM zones WHERE id = " + a.zone() + " AND name = 'A入口' AND retired_at IS NULL")).isOne();
        assertThat(count("SELECT count(*) FROM zones WHERE site_id = " + b.siteId())).isZero();
        assertThat(count("SELECT count(*) FROM purchases WHERE supplier_id = " + a.supplier())).isZero();
        assertThat(count("SELECT count(*) FROM supplier_certificates WHERE supplier_id = " + a.supplier())).isZero();
        assertThat(count("SELECT count(*) FROM incidents WHERE id = " + a.incident() + " AND status = 'OPEN'")).isOne();
        assertThat(count("SELECT count(*) FROM incident_notes WHERE incident_id = " + a.incident())).isZero();
        assertThat(count("SELECT count(*) FROM staff_checks WHERE staff_id = " + aStaff + " OR site_id = " + b.siteId())).isZero();
        assertThat(aSite).isNotEqualTo(b.siteId());
        assertNoAuditSince(audits);
    }

    // ---- screening

    @Test
    void r12_13_hallBCannotQuestionOrRevealHallAsLedgerLines() throws Exception {
        long screening = jdbc.sql("""
                INSERT INTO screenings (site_id, submission_id, person_type, staff_id, person_name, mask, health_cipher,
                    decision, screened_at, recorded_at, screener, incident_id)
                VALUES (:site, gen_random_uuid(), 'STAFF', :staff, '周明', 'NONE', '\\x00', 'REFUSED', now(), now(), 't', :incident)
                RETURNING id""")
                .param("site", a.hall().siteId()).param("staff", a.hall().staffIds().get(4)).param("incident", a.incident())
                .query(Long.class).single();
        int audits = audits();

        refused(post("/screening/gate/{id}/questioning", screening).param("places", "某地").param("contact", "NONE")
                .param("handling", "SENT_HOME"));
        refused(post("/screening/ledger/{id}/reveal/phone", screening));
        refused(get("/screening/ledger/{id}", screening));
        refusedApi(post("/api/v1/screening/screenings/{id}/questioning", screening),
                "{\"places\":\"某地\",\"contact\":\"NONE\",\"handling\":\"SENT_HOME\"}");

        assertThat(count("SELECT count(*) FROM screenings WHERE id = " + screening + " AND questioned_at IS NULL")).isOne();
        assertThat(count("SELECT count(*) FROM incident_notes WHERE incident_id = " + a.incident())).isZero();
        assertNoAuditSince(audits);
    }

    // ---- reading and filtering

    @Test
    void r12_13_hallBCannotOpenOrFilterByHallAsIds() throws Exception {
        int audits = audits();
        String day = LocalDate.now(clock).toString();
        refused(get("/appointments").param("window", String.valueOf(a.window())));
        refused(get("/appointments/calendar").param("window", String.valueOf(a.window())));
        refused(get("/appointments/desk").param("item", String.valueOf(a.item())));
        refused(get("/appointments/items/{id}", a.item()));
        refused(get("/duty/calls").param("item", String.valueOf(a.item())));
        refused(get("/org/staff").param("dept", String.valueOf(a.hall().sectionId())));
        refused(get("/org/windows/{id}/edit", a.window()));
        refused(get("/staffhealth").param("dept", String.valueOf(a.hall().sectionId())));
        refused(get("/hygiene/record").param("zone", String.valueOf(a.zone())));
        refused(get("/incidents/{id}", a.incident()));
        mvc.perform(get("/api/v1/appointments/bookings").param("day", day).param("window", String.valueOf(a.window()))
                .with(user(bAdmin))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/staff").param("departmentId", String.valueOf(a.hall().sectionId()))
                .with(user(bAdmin))).andExpect(status().isNotFound());
        assertNoAuditSince(audits);
    }

    // ---- the tables

    @Test
    void r12_13_everyForeignKeyBetweenHallTablesIncludesTheHall() {
        List<String> loose = jdbc.sql("""
                SELECT c.conname FROM pg_constraint c
                WHERE c.contype = 'f'
                  AND EXISTS (SELECT 1 FROM pg_attribute x WHERE x.attrelid = c.conrelid AND x.attname = 'site_id' AND NOT x.attisdropped)
                  AND EXISTS (SELECT 1 FROM pg_attribute y WHERE y.attrelid = c.confrelid AND y.attname = 'site_id' AND NOT y.attisdropped)
                  AND NOT EXISTS (
                      SELECT 1 FROM unnest(c.conkey, c.confkey) AS k(child, parent)
                      JOIN pg_attribute ca ON ca.attrelid = c.conrelid AND ca.attnum = k.child
                      JOIN pg_attribute pa ON pa.attrelid = c.confrelid AND pa.attnum = k.parent
                      WHERE ca.attname = 'site_id' AND pa.attname = 'site_id')
                ORDER BY 1""").query(String.class).list();
        assertThat(loose).as("foreign keys between two tables of halls that leave the hall out").isEmpty();
        long composite = count("""
                SELECT count(*) FROM pg_constraint c WHERE c.contype = 'f' AND array_length(c.conkey, 1) > 1
                  AND EXISTS (SELECT 1 FROM pg_attribute x WHERE x.attrelid = c.conrelid AND x.attname = 'site_id')""");
        assertThat(composite).isGreaterThanOrEqualTo(40);
    }

    @Test
    void r12_13_theTablesRefuseAReferenceToAnotherHallsRow() {
        long bSite = b.siteId();
        long bStaff = b.staffIds().get(4);
        long aStaff = a.hall().staffIds().get(4);
        String now = "now()";
        List<String> statements = List.of(
                "INSERT INTO opening_hours (site_id, window_id, weekday, starts, ends) VALUES (" + bSite + ", " + a.window() + ", 1, '08:00', '12:00')",
                "INSERT INTO service_item_windows (site_id, item_id, window_id) VALUES (" + bSite + ", " + bItem + ", " + a.window() + ")",
                "UPDATE consultations SET window_id = " + bWindow + " WHERE id = " + a.call(),
                "UPDATE consultations SET item_id = " + bItem + " WHERE id = " + a.call(),
                "INSERT INTO duty_roster (site_id, day, window_id, staff_id, created_at, created_by) VALUES (" + bSite + ", current_date, " + a.window() + ", " + bStaff + ", " + now + ", 't')",
                "INSERT INTO duty_roster (site_id, day, window_id, staff_id, created_at, created_by) VALUES (" + bSite + ", current_date, " + bWindow + ", " + aStaff + ", " + now + ", 't')",
                "UPDATE slots SET window_id = " + bWindow + " WHERE id = " + a.slot(),
                "UPDATE service_windows SET section_id = " + a.hall().sectionId() + " WHERE id = " + bWindow,
                "UPDATE staff SET department_id = " + a.hall().sectionId() + " WHERE id = " + bStaff,
                "UPDATE staff SET window_id = " + a.window() + " WHERE id = " + bStaff,
                "INSERT INTO measure_owners (site_id, measure_code, department_id) VALUES (" + bSite + ", 'x', " + a.hall().sectionId() + ")",
                "INSERT INTO leadership_members (site_id, staff_id, role) VALUES (" + bSite + ", " + aStaff + ", 'MEMBER')",
                "INSERT INTO ventilations (site_id, zone_id, opened_at, minutes, done_by, recorded_by) VALUES (" + bSite + ", " + a.zone() + ", now(), 30, 't', 't')",
                "INSERT INTO waste_removals (site_id, zone_id, bags, removed_at, done_by, recorded_by) VALUES (" + bSite + ", " + a.zone() + ", 1, now(), 't', 't')",
                "INSERT INTO disinfections (site_id, submission_id, zone_id, method, done_at, done_by, recorded_at, recorded_by) VALUES (" + bSite + ", gen_random_uuid(), " + a.zone() + ", 'WIPE', now(), 't', now(), 't')",
                "INSERT INTO zones (site_id, name, zone_type, department_id, methods, interval_minutes) VALUES (" + bSite + ", 'x', 'ENTRANCE', " + a.hall().sectionId() + ", '{WIPE}', 60)",
                "INSERT INTO purchases (site_id, submission_id, supplier_id, delivered_on, certificates_checked, inspector, created_at, created_by) VALUES (" + bSite + ", gen_random_uuid(), " + a.supplier() + ", current_date, true, 't', now(), 't')",
                "INSERT INTO supplier_certificates (site_id, supplier_id, kind, number, expires_on) VALUES (" + bSite + ", " + a.supplier() + ", 'BUSINESS_LICENCE', '1', current_date)",
                "INSERT INTO incident_notes (site_id, incident_id, kind, written_at, written_by) VALUES (" + bSite + ", " + a.incident() + ", 'NOTE', now(), 't')",
                "INSERT INTO notifications (site_id, account_id, incident_id, kind, created_at) VALUES (" + bSite + ", -1, " + a.incident() + ", 'REPORTED', now())",
                "UPDATE staff SET account_id = (SELECT id FROM accounts WHERE username = '" + a.hall().admin() + "') WHERE id = " + bStaff,
                "INSERT INTO notifications (site_id, account_id, incident_id, kind, created_at) SELECT " + a.hall().siteId() + ", id, " + a.incident() + ", 'ESCALATED', now() FROM accounts WHERE username = '" + b.admin() + "'",
                "INSERT INTO staff_presence (site_id, staff_id, kind, at, recorded_by) VALUES (" + bSite + ", " + aStaff + ", 'LEFT', now(), 't')",
                "INSERT INTO mask_events (site_id, staff_id, kind, mask_type, at, recorded_by) VALUES (" + bSite + ", " + aStaff + ", 'PUT_ON', 'N95_KN95', now(), 't')",
                "INSERT INTO hand_events (site_id, staff_id, window_id, kind, at) VALUES (" + bSite + ", " + bStaff + ", " + a.window() + ", 'SANITISE', now())",
                "INSERT INTO canteen_entries (site_id, meal, staff_id, typed, allowed, hands_washed, at, recorded_by) VALUES (" + bSite + ", 'LUNCH', " + aStaff + ", 'x', true, true, now(), 't')");
        for (String sql : statements) {
            assertThatThrownBy(() -> jdbc.sql(sql).update()).as(sql)
                    .isInstanceOf(DataIntegrityViolationException.class)
                    .satisfies(e -> assertThat(sqlState(e)).as(sql).isEqualTo("23503"));
        }
    }

    // ---- helpers

    /** A page request of hall B's administrator with hall A's id: the not-found page, nothing done. */
    private void refused(MockHttpServletRequestBuilder request) throws Exception {
        mvc.perform(request.with(user(bAdmin)).with(csrf())).andExpect(status().isNotFound());
    }

    /** An API call of hall B's administrator with hall A's id: problem details with 404. */
    private void refusedApi(MockHttpServletRequestBuilder request, String json) throws Exception {
        mvc.perform(request.with(user(bAdmin)).with(csrf()).contentType(MediaType.APPLICATION_JSON).content(json))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    /** Audit entries of hall B's administrator, once every event naming them has reached the audit log. */
    private int audits() {
        await().atMost(Duration.ofSeconds(10)).until(() -> count("""
                SELECT count(*) FROM event_publication WHERE completion_date IS NULL AND serialized_event LIKE '%"""
                + b.admin() + "%'") == 0);
        return (int) count("SELECT count(*) FROM audit_log WHERE site_id = " + b.siteId() + " AND actor = '" + b.admin() + "'");
    }

    private void assertNoAuditSince(int before) {
        assertThat(audits()).as("audit entries of hall B's administrator").isEqualTo(before);
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private String snapshot(String sql) {
        return String.join("|", jdbc.sql(sql + " ORDER BY 1").query(String.class).list());
    }

    private static String sqlState(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s) {
                return s.getSQLState();
            }
        }
        return null;
    }

    private static int people;

    private static synchronized String idNumber() {
        people++;
        String first17 = "430903" + (1960 + people % 40) + String.format("%02d%02d", 1 + people % 12, 1 + people % 28)
                + String.format("%03d", 500 + people % 400);
        return first17 + IdNumber.checkCharacter(first17);
    }
}
