package org.hallsafe.platform;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

import org.hallsafe.HallSafeTest;
import org.hallsafe.MutableClock;
import org.hallsafe.TestHall;
import org.hallsafe.shared.IdNumber;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 18, item 1: a gate tablet records check-ins with a device token the hall's administrator made, sent as
 * {@code Authorization: Bearer …}, instead of a person's password; a revoked token is refused with 401.
 */
@HallSafeTest
class Issue18DeviceTokensTest {

    @Autowired MockMvc mvc;
    @Autowired TestHall halls;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;
    @Autowired ActivityLog activity;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private static String checkIn(String first17) {
        return """
                {"submissionId":"%s","personType":"CITIZEN","name":"孙娟","docType":"ID_CARD","docNo":"%s",
                 "phone":"13611112222","mask":"N95_KN95","temperature":36.4,"noSymptoms":true}"""
                .formatted(UUID.randomUUID(), first17 + IdNumber.checkCharacter(first17));
    }

    private String make(UserDetails admin, String name) throws Exception {
        var flash = mvc.perform(post("/admin/devices").with(user(admin)).with(csrf()).param("name", name))
                .andExpect(status().is3xxRedirection()).andReturn().getFlashMap();
        return (String) flash.get("token");
    }

    @Test
    void r18_1_aTokenMadeByTheAdminRecordsCheckInsAsTheTabletAndARevokedOneIsRefused() throws Exception {
        TestHall.Hall hall = halls.create();
        UserDetails admin = halls.signIn(hall.admin());
        String token = make(admin, "东门入口平板");
        assertThat(token).matches("[A-Za-z0-9_-]{32}");
        assertThat(jdbc.sql("SELECT count(*) FROM device_tokens WHERE site_id = :site AND token_hash = :hash")
                .param("site", hall.siteId()).param("hash", DeviceTokens.hash(token)).query(Integer.class).single())
                .as("kept only as its hash").isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM device_tokens WHERE name = :t OR token_hint = :t")
                .param("t", token).query(Integer.class).single()).isZero();

        // used: the check-in is recorded in the token's hall, as the tablet
        String id = mvc.perform(post("/api/v1/screening/screenings").header("Authorization", "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON).content(checkIn("43090319870707112")))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.decision").value("ADMITTED"))
                .andReturn().getResponse().getContentAsString().replaceAll("(?s).*\"id\":(\\d+).*", "$1");
        assertThat(jdbc.sql("SELECT screener FROM screenings WHERE site_id = :site AND id = :id")
                .param("site", hall.siteId()).param("id", Long.parseLong(id)).query(String.class).single())
                .matches("device-\\d+:东门入口平板");
        // a device records at the gate and nothing else: no ledger, no administration
        mvc.perform(get("/api/v1/screening/screenings").header("Authorization", "Bearer " + token))
                .andExpect(status().isForbidden());

        String page = mvc.perform(get("/admin/devices").with(user(admin))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("东门入口平板").contains(token.substring(0, 4) + "…").doesNotContain(token)
                .doesNotContain("从未使用"); // its last use is shown

        // revoked: refused at once on this node
        long deviceId = jdbc.sql("SELECT id FROM device_tokens WHERE site_id = :site").param("site", hall.siteId())
                .query(Long.class).single();
        mvc.perform(post("/admin/devices/{id}/revoke", deviceId).with(user(admin)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/api/v1/screening/screenings").header("Authorization", "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON).content(checkIn("43090319870707113")))
                .andExpect(status().isUnauthorized()).andExpect(jsonPath("$.status").value(401));
        mvc.perform(post("/api/v1/screening/screenings").header("Authorization", "Bearer not-a-token")
                        .contentType(MediaType.APPLICATION_JSON).content(checkIn("43090319870707114")))
                .andExpect(status().isUnauthorized());
        assertThat(jdbc.sql("SELECT count(*) FROM screenings WHERE site_id = :site").param("site", hall.siteId())
                .query(Integer.class).single()).isEqualTo(1);
        assertThat(mvc.perform(get("/admin/devices").with(user(admin))).andReturn().getResponse().getContentAsString())
                .contains("已停用");
    }

    @Test
    void r18_1_anotherNodeStopsTakingARevokedTokenWhenItsShortMemoryOfItRunsOut() throws Exception {
        TestHall.Hall hall = halls.create();
        UserDetails admin = halls.signIn(hall.admin());
        String token = make(admin, "西门平板");
        DeviceTokens otherNode = new DeviceTokens(jdbc, activity, clock, Duration.ofSeconds(30));
        assertThat(otherNode.authenticate(token)).hasValueSatisfying(d -> {
            assertThat(d.siteId()).isEqualTo(hall.siteId());
            assertThat(d.getAuthorities()).extracting(Object::toString)
                    .containsExactlyInAnyOrder(Permissions.GATE_RECORD, Permissions.GATE_TODAY);
        });

        long deviceId = jdbc.sql("SELECT id FROM device_tokens WHERE site_id = :site").param("site", hall.siteId())
                .query(Long.class).single();
        mvc.perform(post("/admin/devices/{id}/revoke", deviceId).with(user(admin)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(otherNode.authenticate(token)).as("still remembered there, within 30 s").isPresent();
        ((MutableClock) clock).advance(Duration.ofSeconds(31));
        assertThat(otherNode.authenticate(token)).as("read again, and refused").isEmpty();
    }

    @Test
    void r18_1_aTabletNameIsRequiredAndBoundedAndAnotherHallsTokenCannotBeRevoked() throws Exception {
        TestHall.Hall hall = halls.create();
        TestHall.Hall other = halls.create();
        UserDetails admin = halls.signIn(hall.admin());
        String page = mvc.perform(post("/admin/devices").with(user(admin)).with(csrf()).param("name", "平".repeat(41)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("is-invalid").contains("平".repeat(41));
        make(halls.signIn(other.admin()), "别的大厅");
        long othersId = jdbc.sql("SELECT id FROM device_tokens WHERE site_id = :site").param("site", other.siteId())
                .query(Long.class).single();
        mvc.perform(post("/admin/devices/{id}/revoke", othersId).with(user(admin)).with(csrf()))
                .andExpect(status().isNotFound());
        assertThat(jdbc.sql("SELECT revoked_at IS NULL FROM device_tokens WHERE id = :id").param("id", othersId)
                .query(Boolean.class).single()).isTrue();
        mvc.perform(get("/admin/devices").with(user(halls.signIn(hall.screener())))).andExpect(status().isForbidden());
    }
}
