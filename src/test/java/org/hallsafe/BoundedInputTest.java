package org.hallsafe;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.hallsafe.incident.Incidents;
import org.hallsafe.platform.Downloads;
import org.hallsafe.shared.IdNumber;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 12, item 7: every text field has a bound that fits its meaning, checked on the form (message beside the
 * field, what was typed kept), in the API (problem details naming the field) and by a CHECK in the table; control
 * characters are refused; a value of only spaces, no-break or zero-width characters is blank; exports never fail on a
 * long cell.
 */
@HallSafeTest
class BoundedInputTest {

    /** Text columns without a length bound, each with the reason. Every other text column of every table has one. */
    static final Map<String, String> UNBOUNDED = Map.of(
            "event_publication.*", "Spring Modulith's own registry: class names and serialized events written by the framework",
            "audit_log.*", "append-only audit log (items 9 and 10 own its writer); a refused row would lose an audit entry, "
                    + "and its values come from inputs that are bounded");

    /** An invisible-only value: no-break space, ideographic space, zero-width space and joiner, byte-order mark. */
    static final String INVISIBLE = "\u00A0\u3000\u200B\u200D\uFEFF ";

    @Autowired MockMvc mvc;
    @Autowired TestHall halls;
    @Autowired JdbcClient jdbc;
    @Autowired DataSource dataSource;
    @Autowired Incidents incidents;
    @Autowired org.hallsafe.platform.Accounts accounts;

    private TestHall.Hall hall;
    private UserDetails admin;

    @BeforeEach
    void setUp() {
        hall = halls.create();
        admin = halls.signIn(hall.admin());
        SecurityContextHolder.clearContext();
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private int count(String sql) {
        return jdbc.sql(sql).param("site", hall.siteId()).query(Integer.class).single();
    }

    private static String idNumber() {
        String first17 = "4309031988" + String.format("%02d%02d", 1 + (int) (System.nanoTime() % 12), 10) + "123";
        return first17 + IdNumber.checkCharacter(first17);
    }

    private MockHttpServletRequestBuilder form(String path) {
        return post(path).with(user(admin)).with(csrf()).header("Accept-Language", "zh-CN");
    }

    private MockHttpServletRequestBuilder api(String path, String json) {
        return post(path).with(httpBasic(hall.admin(), TestAccounts.PASSWORD)).header("Accept-Language", "zh-CN")
                .contentType(MediaType.APPLICATION_JSON).content(json);
    }

    private String gateJson(String nameJson) {
        return """
                {"submissionId":"%s","personType":"CITIZEN","name":%s,"docType":"ID_CARD","docNo":"%s",
                 "phone":"13611112222","mask":"N95_KN95","temperature":36.4,"noSymptoms":true}"""
                .formatted(UUID.randomUUID(), nameJson, idNumber());
    }

    // ---- screening: the gate's name through the API and on the page

    @Test
    void r12_7_gateNameThroughTheApiIsRefusedWhenTooLongAndNothingIsStored() throws Exception {
        mvc.perform(api("/api/v1/screening/screenings", gateJson("\"" + "张".repeat(100_000) + "\"")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.name").value("最多50个字，请精简"));
        mvc.perform(api("/api/v1/screening/screenings", gateJson("\"" + "张".repeat(51) + "\"")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.name").value("最多50个字，请精简"));
        assertThat(count("SELECT count(*) FROM screenings WHERE site_id = :site")).isZero();

        mvc.perform(api("/api/v1/screening/screenings", gateJson("\"" + "张".repeat(50) + "\"")))
                .andExpect(status().isCreated());
        assertThat(count("SELECT count(*) FROM screenings WHERE site_id = :site")).isEqualTo(1);
    }

    @Test
    void r12_7_gateApiRefusesControlCharactersAndTakesInvisibleOnlyNamesAsBlank() throws Exception {
        mvc.perform(api("/api/v1/screening/screenings", gateJson("\"张\\u0000三\"")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.name").value(org.hamcrest.Matchers.startsWith("含有不可见的控制字符")));
        mvc.perform(api("/api/v1/screening/screenings", gateJson("\"张\\u001b[31m三\"")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.name").value(org.hamcrest.Matchers.startsWith("含有不可见的控制字符")));
        mvc.perform(api("/api/v1/screening/screenings", gateJson("\"" + INVISIBLE + "\"")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.name").value("此项必填"));
        assertThat(count("SELECT count(*) FROM screenings WHERE site_id = :site")).isZero();
    }

    @Test
    void r12_7_gatePageSaysWhyBesideTheFieldAndKeepsWhatWasTyped() throws Exception {
        String name = "马".repeat(51);
        String html = mvc.perform(form("/screening/gate").param("submissionId", UUID.randomUUID().toString())
                        .param("personType", "CITIZEN").param("name", name).param("docType", "ID_CARD")
                        .param("docNo", idNumber()).param("phone", "13800001111").param("mask", "DISPOSABLE_MEDICAL")
                        .param("temperature", "36.5").param("noSymptoms", "true"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("最多50个字，请精简").contains("value=\"" + name + "\"").contains("maxlength=\"50\"");

        String control = mvc.perform(form("/screening/gate").param("submissionId", UUID.randomUUID().toString())
                        .param("personType", "CITIZEN").param("name", "马\u0007丽").param("docType", "ID_CARD")
                        .param("docNo", idNumber()).param("phone", "13800001111").param("mask", "DISPOSABLE_MEDICAL")
                        .param("temperature", "36.5").param("noSymptoms", "true"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(control).contains("含有不可见的控制字符");
        assertThat(count("SELECT count(*) FROM screenings WHERE site_id = :site")).isZero();
    }

    // ---- organization

    @Test
    void r12_7_organizationApiNamesTheTooLongFieldAndStoresAnInvisibleOnlyPhoneAsEmpty() throws Exception {
        int before = count("SELECT count(*) FROM departments WHERE site_id = :site");
        mvc.perform(api("/api/v1/departments", "{\"kind\":\"SECTION\",\"name\":\"" + "科".repeat(41) + "\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.name").value("最多40个字，请精简"));
        mvc.perform(api("/api/v1/departments", "{\"kind\":\"SECTION\",\"name\":\"" + INVISIBLE + "\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.name").value("此项必填"));
        assertThat(count("SELECT count(*) FROM departments WHERE site_id = :site")).isEqualTo(before);

        mvc.perform(api("/api/v1/departments", "{\"kind\":\"SECTION\",\"name\":\"办公室D2\",\"phone\":\"" + INVISIBLE + "\"}"))
                .andExpect(status().isCreated());
        assertThat(jdbc.sql("SELECT phone FROM departments WHERE site_id = :site AND name = '办公室D2'")
                .param("site", hall.siteId()).query(String.class).single()).isEmpty();
    }

    @Test
    void r12_7_departmentFormKeepsTheTypedDutiesAndSaysWhy() throws Exception {
        String duties = "负责".repeat(251);
        String html = mvc.perform(form("/org/departments").param("kind", "SECTION").param("name", "窗口管理科D2")
                        .param("duties", duties))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("最多500个字，请精简").contains(duties);
        assertThat(count("SELECT count(*) FROM departments WHERE site_id = :site AND name = '窗口管理科D2'")).isZero();
    }

    // ---- platform

    @Test
    void r12_7_accountFormRefusesATooLongDisplayName() throws Exception {
        String name = "王".repeat(51);
        String username = "d2-" + System.nanoTime() % 1_000_000;
        String html = mvc.perform(form("/admin/accounts").param("username", username).param("displayName", name)
                        .param("role", "STAFF").param("password", "Bounded-Input-2026"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("最多50个字，请精简").contains("value=\"" + name + "\"");
        // the first administrator's setup page reaches the service with a plain parameter: refused there too
        assertThatThrownBy(() -> accounts.create(hall.siteId(), username, name, org.hallsafe.platform.Role.STAFF,
                "Bounded-Input-2026")).isInstanceOf(org.hallsafe.platform.InvalidInputException.class)
                .hasMessageContaining("displayName");
        assertThat(jdbc.sql("SELECT count(*) FROM accounts WHERE username = :u").param("u", username)
                .query(Integer.class).single()).isZero();
    }

    // ---- hygiene

    @Test
    void r12_7_zoneFormRefusesTooLongAndInvisibleOnlyNames() throws Exception {
        String name = "区".repeat(41);
        String html = mvc.perform(form("/hygiene/zones").param("name", name).param("zoneType", "OTHER")
                        .param("methods", "WIPE").param("intervalMinutes", "120"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("最多40个字，请精简").contains("value=\"" + name + "\"").contains("maxlength=\"40\"");
        String blank = mvc.perform(form("/hygiene/zones").param("name", INVISIBLE).param("zoneType", "OTHER")
                        .param("methods", "WIPE").param("intervalMinutes", "120"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(blank).contains("此项必填");
        assertThat(count("SELECT count(*) FROM zones WHERE site_id = :site")).isZero();
    }

    // ---- canteen

    @Test
    void r12_7_canteenPurchaseRefusesATooLongItemAndKeepsWhatWasTyped() throws Exception {
        String item = "土豆".repeat(31);
        String html = mvc.perform(form("/canteen/purchases").param("submissionId", UUID.randomUUID().toString())
                        .param("deliveredOn", "2026-12-01").param("inspector", "李验收").param("certificatesChecked", "true")
                        .param("itemName", item).param("itemCategory", "VEGETABLE").param("itemQuantity", "20")
                        .param("itemUnit", "公斤").param("itemBatch", "").param("itemProducedOn", "")
                        .param("itemShelfLife", "").param("itemQuarantineNo", "").param("itemResult", "ACCEPTED")
                        .param("itemReason", ""))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("内容太长，请精简").contains("value=\"" + item + "\"");
        assertThat(count("SELECT count(*) FROM purchases WHERE site_id = :site")).isZero();
    }

    @Test
    void r12_7_canteenSupplierFormRefusesATooLongName() throws Exception {
        String name = "供".repeat(61);
        String html = mvc.perform(form("/canteen/suppliers").param("name", name).param("contact", ""))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("最多60个字，请精简").contains("value=\"" + name + "\"");
        assertThat(count("SELECT count(*) FROM suppliers WHERE site_id = :site")).isZero();
    }

    // ---- incident

    @Test
    void r12_7_incidentNoteIsBoundedAndRefusesControlCharactersButKeepsLines() throws Exception {
        halls.signIn(hall.leader());
        long id = incidents.report(hall.siteId(), "d2-test", UUID.randomUUID().toString(), "测试事件", "");
        SecurityContextHolder.clearContext();
        String notes = "SELECT count(*) FROM incident_notes WHERE incident_id = " + id + " AND kind = 'NOTE' AND :site > 0";

        mvc.perform(form("/incidents/{id}/notes".replace("{id}", String.valueOf(id))).param("body", "记".repeat(2001)))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("problem", "validation.tooLong"));
        mvc.perform(form("/incidents/" + id + "/notes").param("body", "已联系\u0000家属"))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("problem", "validation.text.control"));
        mvc.perform(form("/incidents/" + id + "/notes").param("body", INVISIBLE))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("problem", "validation.required"));
        assertThat(count(notes)).isZero();

        mvc.perform(form("/incidents/" + id + "/notes").param("body", "已联系家属\n\t明日复查"))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("done", "incident.note.done"));
        assertThat(count(notes)).isEqualTo(1);
    }

    // ---- staff health

    @Test
    void r12_7_staffCheckRefusesATooLongSymptomNote() throws Exception {
        long staffId = hall.staffIds().get(4);
        String note = "咳".repeat(501);
        String html = mvc.perform(form("/staffhealth/staff/" + staffId + "/check")
                        .param("submissionId", UUID.randomUUID().toString()).param("temperature", "36.5")
                        .param("noSymptoms", "true").param("symptomNote", note))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("最多500个字，请精简");
        assertThat(count("SELECT count(*) FROM staff_checks WHERE site_id = :site")).isZero();
    }

    // ---- appointments and duty

    @Test
    void r12_7_bookingRulesRefuseATooLongReminderText() throws Exception {
        String text = "提醒".repeat(251);
        String html = mvc.perform(form("/appointments/settings").param("slotMinutes", "30").param("windowCapacity", "4")
                        .param("hallCap", "40").param("perPersonDaily", "2").param("daysAhead", "14")
                        .param("noShowMinutes", "30").param("_postponed", "on").param("_smsVerification", "on")
                        .param("postponedMessage", "").param("hotline", "0737-4221234")
                        .param("reminderDayText", text).param("reminderHourText", "{time}"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("最多500个字，请精简").contains("value=\"" + text + "\"").contains("maxlength=\"500\"");
        assertThat(count("SELECT count(*) FROM appointment_settings WHERE site_id = :site AND char_length(reminder_day_text) > 500"))
                .isZero();
    }

    @Test
    void r12_7_dutyCallThroughTheApiIsBoundedButKeepsLinesInTheAnswer() throws Exception {
        String call = """
                {"submissionId":"%s","phone":"13900001111","matter":%s,"answer":"第一步\\n第二步\\t带身份证","outcome":"ANSWERED"}""";
        mvc.perform(api("/api/v1/appointments/consultations", call.formatted(UUID.randomUUID(), "\"" + "问".repeat(501) + "\"")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.matter").value("最多500个字，请精简"));
        mvc.perform(api("/api/v1/appointments/consultations", call.formatted(UUID.randomUUID(), "\"" + INVISIBLE + "\"")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.matter").value("此项必填"));
        assertThat(count("SELECT count(*) FROM consultations WHERE site_id = :site")).isZero();

        mvc.perform(api("/api/v1/appointments/consultations", call.formatted(UUID.randomUUID(), "\"社保卡怎么补办\"")))
                .andExpect(status().isCreated());
        assertThat(count("SELECT count(*) FROM consultations WHERE site_id = :site AND answer LIKE '%\n%'")).isEqualTo(1);
    }

    @Test
    void r12_7_dutyCallPageKeepsTheTypedAnswerAndSaysWhy() throws Exception {
        String answer = "答".repeat(2001);
        String html = mvc.perform(form("/duty/calls").param("submissionId", UUID.randomUUID().toString())
                        .param("phone", "13900001111").param("matter", "咨询").param("answer", answer)
                        .param("outcome", "ANSWERED"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains(answer).contains("maxlength=\"2000\"");
        assertThat(count("SELECT count(*) FROM consultations WHERE site_id = :site")).isZero();
    }

    // ---- exports

    @Test
    void r12_7_aSpreadsheetCellLongerThanExcelHoldsIsCutNotAFailure() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Downloads.sheet(out, "test", List.of("a"), List.of(List.of("长".repeat(40_000))));
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            assertThat(book.getSheetAt(0).getRow(2).getCell(0).getStringCellValue()).hasSize(Downloads.CELL_MAX);
        }
        assertThat(Downloads.cell("😀".repeat(20_000))).hasSizeLessThanOrEqualTo(Downloads.CELL_MAX)
                .doesNotEndWith("\uD83D");
    }

    // ---- the tables

    /** Every text column of every table: bounded by varchar(n), a char_length CHECK or an IN list, or allow-listed. */
    @Test
    void r12_7_everyTextColumnOfEveryTableHasALengthBound() {
        List<String> unbounded = new ArrayList<>();
        for (Column c : textColumns()) {
            if (c.maxLength() == null && !checkBounds().containsKey(c.key()) && !enumChecked(c)
                    && !UNBOUNDED.containsKey(c.table() + ".*") && !UNBOUNDED.containsKey(c.key())) {
                unbounded.add(c.key());
            }
        }
        assertThat(unbounded).as("text columns without a length bound: add a CHECK (char_length(col) <= n) in a migration, "
                + "or list them in UNBOUNDED with the reason").isEmpty();
    }

    /** A direct write of one character too many into any bounded column is refused by its CHECK; the bound fits. */
    @Test
    void r12_7_theTableRefusesAnOverLongValueInEveryBoundedColumn() throws SQLException {
        Map<String, Integer> bounds = checkBounds();
        assertThat(bounds).hasSizeGreaterThan(100).containsEntry("citizens.name", 50)
                .containsEntry("purchase_items.name", 60).containsEntry("consultations.matter", 500)
                .containsEntry("appointment_settings.reminder_day_text", 500).containsEntry("bookings.code", 16);
        try (Connection con = dataSource.getConnection()) {
            con.setAutoCommit(false);
            try (Statement st = con.createStatement()) {
                for (Map.Entry<String, Integer> b : bounds.entrySet()) {
                    String table = b.getKey().substring(0, b.getKey().indexOf('.'));
                    String column = b.getKey().substring(b.getKey().indexOf('.') + 1);
                    // a copy of the table with its CHECKs, every other column nullable and unchecked, so only this bound speaks
                    st.execute("CREATE TEMP TABLE probe (LIKE " + table + " INCLUDING CONSTRAINTS) ON COMMIT DROP");
                    for (String other : strings(con, "SELECT attname FROM pg_attribute WHERE attrelid = 'probe'::regclass AND attnum > 0 AND attnotnull")) {
                        st.execute("ALTER TABLE probe ALTER COLUMN " + other + " DROP NOT NULL");
                    }
                    for (String other : strings(con, "SELECT conname FROM pg_constraint WHERE conrelid = 'probe'::regclass AND contype = 'c' AND conname <> '"
                            + table + "_" + column + "_len'")) {
                        st.execute("ALTER TABLE probe DROP CONSTRAINT \"" + other + "\"");
                    }
                    st.execute("INSERT INTO probe (" + column + ") VALUES (repeat('字', " + b.getValue() + "))");
                    assertThatThrownBy(() -> st.execute("INSERT INTO probe (" + column + ") VALUES (repeat('字', " + (b.getValue() + 1) + "))"))
                            .as(b.getKey()).isInstanceOf(SQLException.class)
                            .hasMessageContaining(table + "_" + column + "_len");
                    con.rollback();
                }
            }
        }
    }

    @Test
    void r12_7_aDirectInsertIntoTheRealTableIsRefused() {
        assertThatThrownBy(() -> jdbc.sql("INSERT INTO hall_calendar_days (site_id, day, open, note) VALUES (:site, DATE '2027-01-01', false, repeat('节', 101))")
                .param("site", hall.siteId()).update()).hasMessageContaining("hall_calendar_days_note_len");
        assertThatThrownBy(() -> jdbc.sql("INSERT INTO departments (site_id, kind, name) VALUES (:site, 'SECTION', repeat('科', 41))")
                .param("site", hall.siteId()).update()).hasMessageContaining("departments_name_len");
    }

    private static List<String> strings(Connection con, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement st = con.createStatement(); var rs = st.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    record Column(String table, String column, Integer maxLength) {
        String key() {
            return table + "." + column;
        }
    }

    private List<Column> textColumns() {
        // the schema the app's own tables live in (the search path's first), not the probe's pg_temp
        return jdbc.sql("""
                SELECT c.table_name, c.column_name, c.character_maximum_length
                FROM information_schema.columns c
                JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
                WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE'
                  AND c.data_type IN ('text', 'character varying', 'character')
                ORDER BY 1, 2""")
                .query((rs, n) -> new Column(rs.getString(1), rs.getString(2), (Integer) rs.getObject(3))).list();
    }

    private List<String[]> checks() {
        return jdbc.sql("""
                SELECT rel.relname, pg_get_constraintdef(con.oid)
                FROM pg_constraint con JOIN pg_class rel ON rel.oid = con.conrelid
                WHERE con.contype = 'c' AND rel.relnamespace = current_schema()::regnamespace""")
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).list();
    }

    private static final Pattern LENGTH = Pattern.compile("char_length\\((\\w+)\\) <= (\\d+)");

    /** table.column -> the bound of its char_length CHECK. */
    private Map<String, Integer> checkBounds() {
        Map<String, Integer> bounds = new LinkedHashMap<>();
        for (String[] c : checks()) {
            Matcher m = LENGTH.matcher(c[1]);
            while (m.find()) {
                bounds.put(c[0] + "." + m.group(1), Integer.parseInt(m.group(2)));
            }
        }
        return bounds;
    }

    /** A column whose CHECK allows only a list of words ({@code col IN ('A','B')}) is bounded by that list. */
    private boolean enumChecked(Column col) {
        Set<String> defs = new TreeSet<>();
        checks().stream().filter(c -> c[0].equals(col.table())).forEach(c -> defs.add(c[1]));
        return defs.stream().anyMatch(d -> d.matches("(?s)CHECK \\(\\(+" + col.column() + "\\)? = ANY \\(ARRAY\\[.*"));
    }
}
