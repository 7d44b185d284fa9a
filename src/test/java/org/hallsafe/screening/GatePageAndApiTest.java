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
}
