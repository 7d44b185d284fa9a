package org.hallsafe.platform;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.hallsafe.HallSafeTest;
import org.hallsafe.MutableClock;
import org.hallsafe.TestAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Sign-in, lock-out, CSRF, passwords and the role × page matrix (issue #2, R-ORG-1). */
@HallSafeTest
class SecurityTest {

    /** Each page and the roles that may open it; every other role gets 403. */
    private static final Map<String, Set<Role>> PAGES = Map.ofEntries(
            Map.entry("/screening/gate", Set.of(Role.BUREAU_ADMIN, Role.ADMIN, Role.SCREENER, Role.OFFICE)),
            Map.entry("/screening/gate/backfill", Set.of(Role.BUREAU_ADMIN, Role.ADMIN, Role.OFFICE)),
            Map.entry("/screening/today", Set.of(Role.BUREAU_ADMIN, Role.ADMIN, Role.LEADER, Role.OFFICE, Role.SECTION_HEAD, Role.SCREENER)),
            Map.entry("/screening/ledger", Set.of(Role.BUREAU_ADMIN, Role.ADMIN, Role.LEADER, Role.OFFICE)),
            Map.entry("/screening/settings", Set.of(Role.BUREAU_ADMIN, Role.ADMIN)),
            Map.entry("/incidents", Set.of(Role.BUREAU_ADMIN, Role.ADMIN, Role.LEADER, Role.OFFICE)),
            Map.entry("/staffhealth/me", Set.of(Role.values())),
            Map.entry("/staffhealth", Set.of(Role.BUREAU_ADMIN, Role.ADMIN, Role.LEADER, Role.OFFICE, Role.SECTION_HEAD, Role.CANTEEN)),
            Map.entry("/hygiene", Set.of(Role.BUREAU_ADMIN, Role.ADMIN, Role.LEADER, Role.OFFICE, Role.SECTION_HEAD, Role.STAFF, Role.CANTEEN,
                    Role.WINDOW, Role.CLEANER)),
            Map.entry("/hygiene/coverage", Set.of(Role.BUREAU_ADMIN, Role.ADMIN, Role.LEADER, Role.OFFICE, Role.SECTION_HEAD)),
            Map.entry("/hygiene/zones", Set.of(Role.BUREAU_ADMIN, Role.ADMIN, Role.OFFICE)),
            Map.entry("/canteen", Set.of(Role.BUREAU_ADMIN, Role.ADMIN, Role.LEADER, Role.OFFICE, Role.CANTEEN)),
            Map.entry("/canteen/purchases/new", Set.of(Role.BUREAU_ADMIN, Role.ADMIN, Role.CANTEEN)),
            Map.entry("/canteen/door", Set.of(Role.BUREAU_ADMIN, Role.ADMIN, Role.CANTEEN)),
            Map.entry("/staffhealth/schedules", Set.of(Role.BUREAU_ADMIN, Role.ADMIN)),
            Map.entry("/org/staff", Set.of(Role.BUREAU_ADMIN, Role.ADMIN, Role.LEADER, Role.OFFICE, Role.SECTION_HEAD)),
            Map.entry("/org/departments", Set.of(Role.BUREAU_ADMIN, Role.ADMIN, Role.LEADER, Role.OFFICE, Role.SECTION_HEAD)),
            Map.entry("/org/windows", Set.of(Role.BUREAU_ADMIN, Role.ADMIN, Role.LEADER, Role.OFFICE, Role.SECTION_HEAD)),
            Map.entry("/org/leadership", Set.of(Role.BUREAU_ADMIN, Role.ADMIN, Role.LEADER, Role.OFFICE, Role.SECTION_HEAD)),
            Map.entry("/org/measures", Set.of(Role.BUREAU_ADMIN, Role.ADMIN, Role.LEADER, Role.OFFICE, Role.SECTION_HEAD)),
            Map.entry("/org/staff/new", Set.of(Role.BUREAU_ADMIN, Role.ADMIN)),
            Map.entry("/org/measures/R-SCR/owners", Set.of(Role.BUREAU_ADMIN, Role.ADMIN)),
            Map.entry("/org/sites", Set.of(Role.BUREAU_ADMIN)),
            Map.entry("/admin/accounts", Set.of(Role.BUREAU_ADMIN, Role.ADMIN)),
            Map.entry("/audit", Set.of(Role.BUREAU_ADMIN, Role.ADMIN)));

    @Autowired MockMvc mvc;
    @Autowired TestAccounts testAccounts;
    @Autowired Accounts accounts;
    @Autowired MutableClock clock;
    @Autowired JdbcClient jdbc;

    @Test
    void sendsAnonymousVisitorsToSignIn() throws Exception {
        mvc.perform(get("/org/staff")).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/login"));
        mvc.perform(get("/login")).andExpect(status().isOk());
    }

    @Test
    void eachRoleReachesExactlyItsPages() throws Exception {
        for (Role role : Role.values()) {
            UserDetails person = testAccounts.signedIn(role);
            // the leadership group and its office land on the overview (issue 16 item 1); everyone else on the home page
            if (role == Role.LEADER || role == Role.OFFICE) {
                mvc.perform(get("/").with(user(person))).andExpect(redirectedUrl("/overview"));
            } else {
                mvc.perform(get("/").with(user(person))).andExpect(status().isOk());
            }
            for (var page : PAGES.entrySet()) {
                int expected = page.getValue().contains(role) ? 200 : 403;
                int actual = mvc.perform(get(page.getKey()).with(user(person))).andReturn().getResponse().getStatus();
                assertThat(actual).as("%s opening %s", role, page.getKey()).isEqualTo(expected);
            }
        }
    }

    @Test
    void refusesAFormPostWithoutCsrfToken() throws Exception {
        UserDetails admin = testAccounts.signedIn(Role.ADMIN);
        mvc.perform(post("/org/departments").with(user(admin)).param("kind", "SECTION").param("name", "无令牌科"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/org/departments").with(user(admin)).with(csrf()).param("kind", "SECTION").param("name", "有令牌科"))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("SELECT count(*) FROM departments WHERE name = '无令牌科'").query(Integer.class).single()).isZero();
    }

    @Test
    void locksTheAccountAfterFiveWrongPasswordsEvenAgainstTheRightOne() throws Exception {
        String username = testAccounts.create(Role.STAFF);
        for (int i = 0; i < 5; i++) {
            mvc.perform(formLogin("/login").user(username).password("Wrong-Password-" + i))
                    .andExpect(unauthenticated()).andExpect(redirectedUrl("/login?error"));
        }
        mvc.perform(formLogin("/login").user(username).password(TestAccounts.PASSWORD))
                .andExpect(unauthenticated()).andExpect(redirectedUrl("/login?error"));

        clock.advance(Duration.ofMinutes(14));
        mvc.perform(formLogin("/login").user(username).password(TestAccounts.PASSWORD)).andExpect(unauthenticated());
        clock.advance(Duration.ofMinutes(2));
        mvc.perform(formLogin("/login").user(username).password(TestAccounts.PASSWORD)).andExpect(authenticated());
    }

    @Test
    void refusesWeakPasswords() {
        assertThatThrownBy(() -> accounts.create(1L, "weak-" + System.nanoTime(), "弱", Role.STAFF, "short1A!"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("password.tooShort");
        assertThatThrownBy(() -> accounts.create(1L, "weak2-" + System.nanoTime(), "弱", Role.STAFF, "alllowercaseletters"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("password.tooSimple");
    }

    @Test
    void hasNoAccountWithADefaultPasswordAndOffersASetupLinkInstead() throws Exception {
        for (String guess : List.of("admin", "password", "123456", "HallSafe-Demo-2026", "Admin@123456")) {
            mvc.perform(formLogin("/login").user("admin").password(guess)).andExpect(unauthenticated());
        }
        assertThat(jdbc.sql("SELECT count(*) FROM accounts WHERE username IN ('admin','leader','office','head','screener','staff','canteen')").query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM setup_tokens WHERE used_at IS NULL").query(Integer.class).single())
                .as("a one-time setup link was written to the log").isPositive();
    }

    @Test
    void refusesDemoAccountsWhenDemoModeIsOff() throws Exception {
        String username = "demo-" + System.nanoTime();
        accounts.createDemo(1L, username, "演示", Role.LEADER, "HallSafe-Demo-2026");
        mvc.perform(formLogin("/login").user(username).password("HallSafe-Demo-2026"))
                .andExpect(unauthenticated()).andExpect(redirectedUrl("/login?error"));
    }

    @Test
    void answersTheApiWithProblemDetailsAndNoSession() throws Exception {
        mvc.perform(get("/api/v1/staff")).andExpect(status().isUnauthorized())
                .andExpect(header().string("Content-Type", "application/problem+json;charset=UTF-8"));
        String staff = testAccounts.create(Role.STAFF);
        mvc.perform(get("/api/v1/staff").with(org.springframework.security.test.web.servlet.request
                        .SecurityMockMvcRequestPostProcessors.httpBasic(staff, TestAccounts.PASSWORD)))
                .andExpect(status().isForbidden());
    }

    @Test
    void switchingAnAccountOffEndsItsOpenSessions() throws Exception {
        String username = testAccounts.create(Role.STAFF);
        var login = mvc.perform(formLogin("/login").user(username).password(TestAccounts.PASSWORD)).andReturn();
        jakarta.servlet.http.Cookie session = login.getResponse().getCookie("SESSION");
        assertThat(session).as("the session cookie of Spring Session").isNotNull();
        mvc.perform(get("/").cookie(session)).andExpect(status().isOk());

        accounts.setEnabled(1L, accounts.findByUsername(username).orElseThrow().id(), false);

        mvc.perform(get("/").cookie(session)).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
    }
}
