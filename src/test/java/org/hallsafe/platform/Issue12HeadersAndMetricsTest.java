package org.hallsafe.platform;

import java.util.List;

import org.hallsafe.HallSafeTest;
import org.hallsafe.TestAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Issue #12, item 14: the security headers, secure cookies over HTTPS, and metrics for the bureau only. */
@HallSafeTest
class Issue12HeadersAndMetricsTest {

    @Autowired MockMvc mvc;
    @Autowired TestAccounts accounts;

    @Test
    void r12_14_everyAnswerCarriesAContentSecurityPolicyWithoutInlineScriptAndTheOtherHeaders() throws Exception {
        for (String path : List.of("/login", "/appointments/book", "/api/v1/staff", "/actuator/health")) {
            MvcResult r = mvc.perform(get(path)).andReturn();
            String csp = r.getResponse().getHeader("Content-Security-Policy");
            assertThat(csp).as(path).isNotNull()
                    .contains("default-src 'self'", "script-src 'self';", "style-src 'self';", "frame-ancestors 'none'",
                            "form-action 'self'", "base-uri 'self'", "object-src 'none'")
                    .doesNotContain("unsafe-inline", "unsafe-eval");
            assertThat(r.getResponse().getHeader("Referrer-Policy")).as(path).isEqualTo("same-origin");
            assertThat(r.getResponse().getHeader("Permissions-Policy")).as(path)
                    .contains("camera=(self)", "geolocation=()", "microphone=()", "payment=()");
            assertThat(r.getResponse().getHeader("X-Frame-Options")).as(path).isEqualTo("DENY");
        }
        assertThat(mvc.perform(get("/swagger-ui/index.html")).andReturn().getResponse().getHeader("Content-Security-Policy"))
                .as("only the API documentation's styles may be inline").contains("style-src 'self' 'unsafe-inline';")
                .contains("script-src 'self';");
    }

    @Test
    void r12_14_hstsAndSecureSessionCookieOnlyOverHttps() throws Exception {
        String user = accounts.create(Role.STAFF);
        MvcResult plain = mvc.perform(post("/login").param("username", user).param("password", TestAccounts.PASSWORD)
                .with(csrf())).andReturn();
        assertThat(plain.getResponse().getHeader("Strict-Transport-Security")).isNull();
        assertThat(plain.getResponse().getHeaders("Set-Cookie")).isNotEmpty()
                .allSatisfy(c -> assertThat(c).doesNotContainIgnoringCase("secure"));

        MvcResult secure = mvc.perform(post("/login").param("username", user).param("password", TestAccounts.PASSWORD)
                .with(csrf()).secure(true)).andReturn();
        assertThat(secure.getResponse().getHeader("Strict-Transport-Security"))
                .isEqualTo("max-age=31536000 ; includeSubDomains");
        assertThat(secure.getResponse().getHeaders("Set-Cookie")).isNotEmpty()
                .allSatisfy(c -> assertThat(c).containsIgnoringCase("; Secure").containsIgnoringCase("HttpOnly"));
        mvc.perform(get("/login").secure(true))
                .andExpect(header().string("Strict-Transport-Security", "max-age=31536000 ; includeSubDomains"));
        // with the default forward-headers strategy (none) a client cannot claim HTTPS with a header of its own
        assertThat(mvc.perform(get("/login").header("X-Forwarded-Proto", "https")).andReturn().getResponse()
                .getHeader("Strict-Transport-Security")).isNull();
    }

    @Test
    void r12_14_metricsOnlyForTheBureauAdministratorAndHealthWithoutDetails() throws Exception {
        String bureau = accounts.create(Role.BUREAU_ADMIN);
        for (String path : List.of("/actuator/prometheus", "/actuator/metrics", "/actuator/info")) {
            mvc.perform(get(path)).andExpect(status().isUnauthorized());
            for (Role role : Role.values()) {
                if (role != Role.BUREAU_ADMIN) {
                    mvc.perform(get(path).with(httpBasic(accounts.create(role), TestAccounts.PASSWORD)))
                            .andExpect(status().isForbidden());
                }
            }
        }
        mvc.perform(get("/actuator/prometheus").with(httpBasic(bureau, TestAccounts.PASSWORD))).andExpect(status().isOk());
        assertThat(Role.ADMIN.permissions()).doesNotContain(Permissions.METRICS_VIEW);
        assertThat(Role.BUREAU_ADMIN.permissions()).contains(Permissions.METRICS_VIEW);
        String health = mvc.perform(get("/actuator/health")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(health).contains("\"status\":\"UP\"").doesNotContain("components", "details", "db");
    }
}
