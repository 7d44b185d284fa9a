package org.hallsafe.screening;

import java.util.UUID;

import org.hallsafe.HallSafeTest;
import org.hallsafe.TestAccounts;
import org.hallsafe.TestHall;
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

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The gate's page and its JSON API reject bad input field by field, store nothing half, and never store twice. */
@HallSafeTest
class GatePageAndApiTest {

    @Autowired MockMvc mvc;
    @Autowired TestHall halls;
    @Autowired JdbcClient jdbc;

    private TestHall.Hall hall;
    private UserDetails screener;

    @BeforeEach
    void setUp() {
        hall = halls.create();
        screener = halls.signIn(hall.screener());
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private int stored() {
        return jdbc.sql("SELECT count(*) FROM screenings WHERE site_id = :site").param("site", hall.siteId())
                .query(Integer.class).single();
    }

    @Test
    void keepsWhatTheScreenerTypedAndSaysWhatIsWrongBesideEachField() throws Exception {
        String html = mvc.perform(post("/screening/gate").with(user(screener)).with(csrf())
                        .param("submissionId", UUID.randomUUID().toString()).param("personType", "CITIZEN")
                        .param("name", "马丽").param("docType", "ID_CARD").param("docNo", "430902199001011235")
                        .param("phone", "13800001111").param("mask", "DISPOSABLE_MEDICAL").param("temperature", "45.1")
                        .param("noSymptoms", "true"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(html).contains("身份证号校验位不对，请核对最后一位").contains("体温应在34.0到43.0 °C之间");
        assertThat(html).contains("value=\"马丽\"").contains("value=\"430902199001011235\"").contains("value=\"45.1\"")
                .contains("value=\"13800001111\"");
        assertThat(stored()).isZero();

        String missing = mvc.perform(post("/screening/gate").with(user(screener)).with(csrf())
                        .param("submissionId", UUID.randomUUID().toString()).param("personType", "CITIZEN")
                        .param("name", "马丽").param("docType", "PASSPORT").param("docNo", "E12345678")
                        .param("phone", "13800001111").param("mask", "DISPOSABLE_MEDICAL").param("noSymptoms", "true"))
                .andReturn().getResponse().getContentAsString();
        assertThat(missing).contains("请填写体温").contains("value=\"E12345678\"");
        assertThat(stored()).isZero();
    }

    @Test
    void recordsAReadingThroughTheApiOnceHoweverOftenItIsSent() throws Exception {
        String first17 = "43090319870707002";
        String body = """
                {"submissionId":"%s","personType":"CITIZEN","name":"孙娟","docType":"ID_CARD","docNo":"%s",
                 "phone":"13611112222","mask":"N95_KN95","temperature":36.4,"noSymptoms":true}"""
                .formatted(UUID.randomUUID(), first17 + IdNumber.checkCharacter(first17));
        String one = mvc.perform(post("/api/v1/screening/screenings").with(httpBasic(hall.screener(), TestAccounts.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.decision").value("ADMITTED"))
                .andReturn().getResponse().getContentAsString();
        String two = mvc.perform(post("/api/v1/screening/screenings").with(httpBasic(hall.screener(), TestAccounts.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andReturn().getResponse().getContentAsString();
        assertThat(two).isEqualTo(one);
        assertThat(stored()).isEqualTo(1);
    }

    @Test
    void answersBadApiInputWithEveryFieldAndStoresNothing() throws Exception {
        mvc.perform(post("/api/v1/screening/screenings").with(httpBasic(hall.screener(), TestAccounts.PASSWORD))
                        .header("Accept-Language", "zh-CN").contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"submissionId":"%s","personType":"CITIZEN","name":"孙娟","docType":"ID_CARD",
                                 "docNo":"430902199001011235","phone":"13611112222","noSymptoms":true,"temperature":45.1}"""
                                .formatted(UUID.randomUUID())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.docNo").value("身份证号校验位不对，请核对最后一位"))
                .andExpect(jsonPath("$.errors.mask").value("请选择口罩情况"))
                .andExpect(jsonPath("$.errors.temperature").value("体温应在34.0到43.0 °C之间，保留一位小数"));
        assertThat(stored()).isZero();
    }

    @Test
    void fillsTheFormForAReturningCitizenAndLeavesItAloneForANewOne() throws Exception {
        String first17 = "43092219690101004";
        String docNo = first17 + IdNumber.checkCharacter(first17);
        mvc.perform(post("/api/v1/screening/screenings").with(httpBasic(hall.screener(), TestAccounts.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"submissionId":"%s","personType":"CITIZEN","name":"冯海燕","docType":"ID_CARD","docNo":"%s",
                         "phone":"18812345678","mask":"OTHER","temperature":36.1,"noSymptoms":true}""".formatted(UUID.randomUUID(), docNo)))
                .andExpect(status().isCreated());

        String known = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/screening/gate/citizen")
                        .with(user(screener)).header("HX-Request", "true").param("docType", "ID_CARD").param("docNo", docNo))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(known).contains("value=\"冯海燕\"").contains("188****5678").doesNotContain("18812345678");
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/screening/gate/citizen")
                        .with(user(screener)).param("docType", "PASSPORT").param("docNo", "E99999999"))
                .andExpect(status().isNoContent());
    }

    @Test
    void screensAStaffMemberFoundByCardNumber() throws Exception {
        long staffId = hall.staffIds().get(4);
        String choices = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/screening/gate/staff")
                        .with(user(screener)).param("q", "周明")).andReturn().getResponse().getContentAsString();
        assertThat(choices).contains("value=\"" + staffId + "\"").contains("周明");
        mvc.perform(post("/screening/gate").with(user(screener)).with(csrf())
                        .param("submissionId", UUID.randomUUID().toString()).param("personType", "STAFF")
                        .param("staffId", String.valueOf(staffId)).param("mask", "N95_KN95").param("temperature", "36.3")
                        .param("noSymptoms", "true"))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("SELECT person_name FROM screenings WHERE site_id = :site AND staff_id = :staff")
                .param("site", hall.siteId()).param("staff", staffId).query(String.class).single()).isEqualTo("周明");
    }

    @Test
    void revealsAFullDocumentNumberOnlyToPermittedRolesAndLogsIt() throws Exception {
        String first17 = "43098119550505006";
        String docNo = first17 + IdNumber.checkCharacter(first17);
        String created = mvc.perform(post("/api/v1/screening/screenings").with(httpBasic(hall.screener(), TestAccounts.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"submissionId":"%s","personType":"CITIZEN","name":"韩磊","docType":"ID_CARD","docNo":"%s",
                         "phone":"18712345678","mask":"OTHER","temperature":36.0,"noSymptoms":true}""".formatted(UUID.randomUUID(), docNo)))
                .andReturn().getResponse().getHeader("Location");
        String id = created.substring(created.lastIndexOf('/') + 1);

        mvc.perform(post("/screening/ledger/{id}/reveal/doc", id).with(user(screener)).with(csrf())).andExpect(status().isForbidden());
        UserDetails leader = halls.signIn(hall.leader());
        mvc.perform(post("/screening/ledger/{id}/reveal/doc", id).with(user(leader)).with(csrf()))
                .andExpect(status().isOk()).andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content().string(docNo));
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> jdbc.sql(
                "SELECT count(*) FROM audit_log WHERE action = 'PERSONAL_DATA_READ' AND actor = :actor AND target_type = 'citizen'")
                .param("actor", hall.leader()).query(Integer.class).single() == 1);
    }

    @Test
    void refusesABackFillFromAScreenerThroughTheApiToo() throws Exception {
        String first17 = "43092219881212005";
        mvc.perform(post("/api/v1/screening/screenings").with(httpBasic(hall.screener(), TestAccounts.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"submissionId":"%s","personType":"CITIZEN","name":"卫东","docType":"ID_CARD","docNo":"%s",
                                 "phone":"13611113333","mask":"OTHER","temperature":36.2,"noSymptoms":true,
                                 "screenedAt":"2026-11-01T09:00:00","backfillReason":"改早时间"}"""
                                .formatted(UUID.randomUUID(), first17 + IdNumber.checkCharacter(first17))))
                .andExpect(status().isForbidden());
        assertThat(stored()).isZero();
    }
}
