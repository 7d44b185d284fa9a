package org.hallsafe.platform;

import java.util.List;

import org.hallsafe.HallSafeTest;
import org.hallsafe.TestAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Every page speaks both languages in full; health, readiness, metrics and API docs answer as documented. */
@HallSafeTest
class PagesAndOperationsTest {

    private static final List<String> PAGES = List.of("/", "/org/staff", "/org/staff/new", "/org/departments",
            "/org/departments/new", "/org/windows", "/org/windows/new", "/org/leadership", "/org/measures",
            "/org/measures/R-CAN/owners", "/org/sites", "/org/sites/new", "/admin/accounts", "/audit",
            "/screening/gate", "/screening/gate/backfill", "/screening/today", "/screening/ledger", "/screening/settings",
            "/incidents", "/staffhealth", "/staffhealth/me", "/staffhealth/compliance", "/staffhealth/schedules",
            "/hygiene", "/hygiene/record", "/hygiene/coverage", "/hygiene/waste", "/hygiene/report", "/hygiene/zones",
            "/hygiene/zones/new", "/canteen", "/canteen/suppliers", "/canteen/purchases", "/canteen/purchases/new",
            "/canteen/records", "/canteen/door", "/appointments", "/appointments/desk", "/appointments/slots",
            "/appointments/items", "/appointments/items/new", "/appointments/calendar", "/appointments/figures", "/duty",
            "/duty/roster", "/duty/calls", "/duty/calls/new", "/appointments/book", "/appointments/manage",
            "/agency", "/agency/items", "/agency/cases/new", "/agency/apply", "/agency/status");

    @Autowired MockMvc mvc;
    @Autowired TestAccounts accounts;
    @Autowired JdbcClient jdbc;
    @Autowired org.hallsafe.MutableClock clock;

    @Test
    void rendersEveryPageInChineseAndEnglishWithoutAMissingText() throws Exception {
        UserDetails admin = accounts.signedIn(Role.BUREAU_ADMIN);
        for (String page : PAGES) {
            for (String lang : List.of("zh-CN", "en")) {
                String html = mvc.perform(get(page).param("lang", lang).with(user(admin)))
                        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
                assertThat(html).as("%s in %s", page, lang).doesNotContain("??").contains("lang=\"" + lang + "\"");
            }
        }
    }

    @Test
    void answersHealthAndReadinessOpenlyAndMetricsOnlyToPermittedAccounts() throws Exception {
        mvc.perform(get("/actuator/health")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UP"));
        mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk());
        mvc.perform(get("/actuator/health/liveness")).andExpect(status().isOk());
        mvc.perform(get("/actuator/prometheus")).andExpect(status().isUnauthorized());
        mvc.perform(get("/actuator/prometheus").with(httpBasic(accounts.create(Role.LEADER), TestAccounts.PASSWORD)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/actuator/prometheus").with(httpBasic(accounts.create(Role.BUREAU_ADMIN), TestAccounts.PASSWORD)))
                .andExpect(status().isOk()).andExpect(content().string(org.hamcrest.Matchers.containsString("jvm_memory_used_bytes")));
    }

    @Test
    void documentsTheApiWithOpenApi() throws Exception {
        mvc.perform(get("/v3/api-docs").with(user(accounts.signedIn(Role.ADMIN))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/v1/staff']").exists())
                .andExpect(jsonPath("$.paths['/api/v1/measures']").exists())
                .andExpect(jsonPath("$.paths['/api/v1/screening/screenings']").exists());
    }

    @Test
    void offersTheOneTimeSetupPageOnlyForAValidLink() throws Exception {
        String token = "test-token-" + System.nanoTime();
        jdbc.sql("INSERT INTO setup_tokens (token_hash, expires_at) VALUES (:hash, :expires)")
                .param("hash", FirstAdministrator.hash(token))
                .param("expires", java.sql.Timestamp.from(clock.instant().plus(java.time.Duration.ofHours(1)))).update();

        String valid = mvc.perform(get("/setup/{token}", token)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(valid).contains("创建管理员").contains("name=\"password\"");
        String invalid = mvc.perform(get("/setup/{token}", "not-a-token")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(invalid).contains("此链接已失效").doesNotContain("name=\"password\"");
    }
}
