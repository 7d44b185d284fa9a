package org.hallsafe.tracing;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.hallsafe.HallSafeTest;
import org.hallsafe.TestAccounts;
import org.hallsafe.TestHall;
import org.hallsafe.incident.Incidents;
import org.hallsafe.platform.Role;
import org.hallsafe.platform.SignedIn;
import org.hallsafe.platform.TestSmsGateway;
import org.hallsafe.shared.DocumentType;
import org.hallsafe.shared.IdNumber;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Issue 17 item 4: acting on a trace: the contact list by role, the SMS to contacts once each, the incident once. */
@HallSafeTest
class Issue17TraceActionsTest {

    private static int people = 500;

    @Autowired MockMvc mvc;
    @Autowired TestHall halls;
    @Autowired Traces traces;
    @Autowired Incidents incidents;
    @Autowired TestSmsGateway gateway;
    @Autowired JdbcClient jdbc;

    private TestHall.Hall hall;
    private String subjectDoc;
    private String contactPhone;

    @BeforeEach
    void twoCitizensInTheHallTogether() throws Exception {
        hall = halls.create();
        subjectDoc = admit("孙娟", phone());
        contactPhone = phone();
        admit("王芳", contactPhone);
    }

    @AfterEach
    void tidy() {
        gateway.disarm();
        SecurityContextHolder.clearContext();
    }

    private static synchronized String phone() {
        return "135" + String.format("%08d", 17_000_000 + people++);
    }

    private String admit(String name, String phone) throws Exception {
        String first17;
        synchronized (Issue17TraceActionsTest.class) {
            int n = people++;
            first17 = "4309031979" + String.format("%02d%02d%03d", 1 + n % 12, 1 + (n / 12) % 28, n % 1000);
        }
        String docNo = first17 + IdNumber.checkCharacter(first17);
        mvc.perform(post("/api/v1/screening/screenings").with(httpBasic(hall.screener(), TestAccounts.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"submissionId":"%s","personType":"CITIZEN","name":"%s","docType":"ID_CARD","docNo":"%s",
                         "phone":"%s","mask":"N95_KN95","temperature":36.4,"noSymptoms":true}"""
                        .formatted(UUID.randomUUID(), name, docNo, phone)))
                .andExpect(status().isCreated());
        return docNo;
    }

    private long trace() {
        SignedIn office = new SignedIn(0L, hall.siteId(), hall.officeDirector(), "王海燕", Role.OFFICE,
                Role.OFFICE.permissions());
        Traces.Trace trace = traces.start(office, new Traces.TraceRequest(Traces.By.DOCUMENT, DocumentType.ID_CARD,
                subjectDoc, null, null, null, null, "区疾控中心通报该市民核酸阳性"));
        assertThat(trace.contacts()).extracting(Traces.Contact::name).contains("王芳");
        return trace.id();
    }

    /** Every cell's text of the first sheet, row by row. */
    private static List<String> cells(byte[] xlsx) throws Exception {
        List<String> out = new ArrayList<>();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = book.getSheetAt(0);
            for (Row row : sheet) {
                for (Cell cell : row) {
                    out.add(cell.toString());
                }
            }
        }
        return out;
    }

    @Test
    void r17_4_theExportMasksPhonesForALeaderAndShowsThemToTheOffice() throws Exception {
        long id = trace();
        String masked = contactPhone.substring(0, 3) + "****" + contactPhone.substring(7);

        byte[] forLeader = mvc.perform(get("/tracing/" + id + "/contacts.xlsx").with(user(halls.signIn(hall.leader()))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        List<String> leaderCells = cells(forLeader);
        assertThat(leaderCells).contains("王芳", masked).doesNotContain(contactPhone);
        assertThat(String.join(" ", leaderCells)).contains("密切接触名单");

        byte[] forOffice = mvc.perform(get("/api/v1/traces/" + id + "/contacts.xlsx")
                        .with(httpBasic(hall.officeDirector(), TestAccounts.PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(cells(forOffice)).contains("王芳", contactPhone);

        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                "SELECT count(*) FROM audit_log WHERE action = 'EXPORTED' AND target_type = 'trace' AND target_id = :id")
                .param("id", String.valueOf(id)).query(Integer.class).single() == 2);

        TestHall.Hall other = halls.create();
        mvc.perform(get("/api/v1/traces/" + id + "/contacts.xlsx").with(httpBasic(other.officeDirector(), TestAccounts.PASSWORD)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/traces/" + id + "/contacts.xlsx").with(httpBasic(hall.screener(), TestAccounts.PASSWORD)))
                .andExpect(status().isForbidden());
    }

    @Test
    void r17_4_pressingNotifyTwiceSendsEachContactOneSms() throws Exception {
        gateway.take();
        long id = trace();
        int withPhone = jdbc.sql("SELECT count(*)::int FROM trace_contacts WHERE trace_id = :id AND phone_cipher IS NOT NULL")
                .param("id", id).query(Integer.class).single();
        assertThat(withPhone).isPositive();
        var office = halls.signIn(hall.officeDirector());

        mvc.perform(post("/tracing/" + id + "/notify").with(user(office)).with(csrf())).andExpect(status().is3xxRedirection());
        mvc.perform(post("/api/v1/traces/" + id + "/notifications").with(httpBasic(hall.officeDirector(), TestAccounts.PASSWORD)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.sentNow").value(0))
                .andExpect(jsonPath("$.sentBefore").value(withPhone)).andExpect(jsonPath("$.gatewayConfigured").value(true));

        await().atMost(Duration.ofSeconds(10)).until(() -> gateway.calls().stream()
                .filter(c -> c.text().contains("健康监测")).map(TestSmsGateway.Call::phone)
                .filter(contactPhone::equals).count() >= 1);
        Thread.sleep(500); // a second message, were there one, would be sent by now: the outbox sends at once
        assertThat(gateway.calls().stream().map(TestSmsGateway.Call::phone).filter(contactPhone::equals).count())
                .as("one SMS to the contact however often 通知 is pressed").isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*)::int FROM deliveries WHERE source = 'trace' AND source_id = :id")
                .param("id", String.valueOf(id)).query(Integer.class).single()).isEqualTo(withPhone);

        String page = mvc.perform(post("/tracing/" + id + "/notify").with(user(office)).with(csrf()))
                .andReturn().getFlashMap().get("notified").toString();
        assertThat(page).contains("sentNow=0").contains("sentBefore=" + withPhone);

        mvc.perform(post("/api/v1/traces/" + id + "/notifications").with(httpBasic(hall.leader(), TestAccounts.PASSWORD)))
                .andExpect(status().isForbidden());
    }

    @Test
    void r17_4_withoutAGatewayNothingIsSentAndThePageSaysSo() throws Exception {
        long id = trace();
        mvc.perform(post("/api/v1/traces/" + id + "/notifications").with(httpBasic(hall.officeDirector(), TestAccounts.PASSWORD)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.sentNow").value(0))
                .andExpect(jsonPath("$.gatewayConfigured").value(false));
        assertThat(jdbc.sql("SELECT count(*)::int FROM trace_contacts WHERE trace_id = :id AND notified_at IS NOT NULL")
                .param("id", id).query(Integer.class).single()).isZero();
    }

    @Test
    void r17_4_theIncidentCarriesTheTraceAndIsReportedOnce() throws Exception {
        long id = trace();
        int contacts = jdbc.sql("SELECT count(*)::int FROM trace_contacts WHERE trace_id = :id").param("id", id)
                .query(Integer.class).single();
        String first = mvc.perform(post("/api/v1/traces/" + id + "/incident").with(httpBasic(hall.leader(), TestAccounts.PASSWORD)))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.reportedNow").value(true))
                .andReturn().getResponse().getContentAsString();
        long incident = ((Number) JsonPath.read(first, "$.incidentId")).longValue();
        mvc.perform(post("/tracing/" + id + "/incident").with(user(halls.signIn(hall.officeDirector()))).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/api/v1/traces/" + id + "/incident").with(httpBasic(hall.officeDirector(), TestAccounts.PASSWORD)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.incidentId").value(incident))
                .andExpect(jsonPath("$.reportedNow").value(false));

        assertThat(jdbc.sql("SELECT incident_id FROM traces WHERE id = :id").param("id", id).query(Long.class).single())
                .isEqualTo(incident);
        assertThat(jdbc.sql("SELECT count(*)::int FROM incidents WHERE site_id = :site AND source = 'trace'")
                .param("site", hall.siteId()).query(Integer.class).single()).isEqualTo(1);
        halls.signIn(hall.leader());
        String details = incidents.record(hall.siteId(), incident).details();
        assertThat(details).contains("/tracing/" + id).contains("共找到接触者 " + contacts + " 名").contains("孙娟");
    }
}
