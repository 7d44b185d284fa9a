package org.hallsafe.platform;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.hallsafe.HallSafeTest;
import org.hallsafe.MutableClock;
import org.hallsafe.TestAccounts;
import org.hallsafe.TestHall;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Issue #12, items 1, 2, 9 and part of 14: who may change which account, lock-out, sign-in names, passwords. */
@HallSafeTest
class AccountsIssue12Test {

    private static final String API = "/api/v1/departments";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Autowired MockMvc mvc;
    @Autowired TestAccounts testAccounts;
    @Autowired TestHall testHall;
    @Autowired Accounts accounts;
    @Autowired UserDetailsService users;
    @Autowired MutableClock clock;
    @Autowired JdbcClient jdbc;
    @Autowired SignInChecks signInChecks;
    @Autowired PasswordEncoder passwordEncoder;
    @Autowired HallSafeProperties properties;
    @LocalServerPort int port;

    // ---- item 1: role hierarchy

    @Test
    void r12_1_hallAdminCannotResetOrSwitchOffTheBureauAdmin() throws Exception {
        String bureau = testAccounts.create(Role.BUREAU_ADMIN);
        long bureauId = id(bureau);
        String hashBefore = hash(bureau);
        UserDetails hallAdmin = testAccounts.signedIn(Role.ADMIN);

        mvc.perform(post("/admin/accounts/{id}/password", bureauId).with(user(hallAdmin)).with(csrf())
                .param("password", "Taken-Over-2026x")).andExpect(status().isForbidden());
        mvc.perform(post("/admin/accounts/{id}/enabled", bureauId).with(user(hallAdmin)).with(csrf())
                .param("enabled", "false")).andExpect(status().isForbidden());

        assertThat(hash(bureau)).isEqualTo(hashBefore);
        assertThat(accounts.find(bureauId).orElseThrow().enabled()).isTrue();
        mvc.perform(formLogin("/login").user(bureau).password("Taken-Over-2026x")).andExpect(unauthenticated());
        assertNothingAuditedFor(bureauId);
        String page = mvc.perform(get("/admin/accounts").with(user(hallAdmin))).andReturn().getResponse().getContentAsString();
        assertThat(page).contains(bureau).doesNotContain("/admin/accounts/" + bureauId + "/");
    }

    @Test
    void r12_1_hallAdminCannotActOnAnotherAdministratorButOnLowerRanks() throws Exception {
        UserDetails hallAdmin = testAccounts.signedIn(Role.ADMIN);
        String other = testAccounts.create(Role.ADMIN);
        String staff = testAccounts.create(Role.STAFF);

        mvc.perform(post("/admin/accounts/{id}/password", id(other)).with(user(hallAdmin)).with(csrf())
                .param("password", "Taken-Over-2026x")).andExpect(status().isForbidden());
        mvc.perform(post("/admin/accounts/{id}/enabled", id(other)).with(user(hallAdmin)).with(csrf())
                .param("enabled", "false")).andExpect(status().isForbidden());
        assertThat(accounts.findByUsername(other).orElseThrow().enabled()).isTrue();

        mvc.perform(post("/admin/accounts/{id}/password", id(staff)).with(user(hallAdmin)).with(csrf())
                .param("password", "Fresh-Staff-2026x")).andExpect(status().is3xxRedirection());
        mvc.perform(formLogin("/login").user(staff).password("Fresh-Staff-2026x")).andExpect(authenticated());
        mvc.perform(post("/admin/accounts/{id}/enabled", id(staff)).with(user(hallAdmin)).with(csrf())
                .param("enabled", "false")).andExpect(status().is3xxRedirection());
        assertThat(accounts.findByUsername(staff).orElseThrow().enabled()).isFalse();
        assertNothingAuditedFor(id(other));
    }

    @Test
    void r12_1_nobodyGrantsARoleEqualToOrAboveTheirOwn() throws Exception {
        UserDetails hallAdmin = testAccounts.signedIn(Role.ADMIN);
        for (Role role : List.of(Role.ADMIN, Role.BUREAU_ADMIN)) {
            String username = "grant-" + role.name().toLowerCase().replace("_", "") + System.nanoTime() % 1_000_000;
            mvc.perform(post("/admin/accounts").with(user(hallAdmin)).with(csrf()).param("username", username)
                    .param("displayName", "越权").param("role", role.name()).param("password", "Granted-Role-2026x"))
                    .andExpect(status().isForbidden());
            assertThat(accounts.findByUsername(username)).as(role.name()).isEmpty();
        }
        String page = mvc.perform(get("/admin/accounts").with(user(hallAdmin))).andReturn().getResponse().getContentAsString();
        assertThat(page).doesNotContain("value=\"ADMIN\"").doesNotContain("value=\"BUREAU_ADMIN\"").contains("value=\"LEADER\"");

        UserDetails bureau = testAccounts.signedIn(Role.BUREAU_ADMIN);
        String made = "grant-ok" + System.nanoTime() % 1_000_000;
        mvc.perform(post("/admin/accounts").with(user(bureau)).with(csrf()).param("username", made)
                .param("displayName", "管理员").param("role", "ADMIN").param("password", "Granted-Role-2026x"))
                .andExpect(status().is3xxRedirection());
        assertThat(accounts.findByUsername(made).orElseThrow().role()).isEqualTo(Role.ADMIN);
    }

    @Test
    void r12_1_onlyABureauAdminChangesABureauAdmin() throws Exception {
        String target = testAccounts.create(Role.BUREAU_ADMIN);
        UserDetails bureau = testAccounts.signedIn(Role.BUREAU_ADMIN);
        mvc.perform(post("/admin/accounts/{id}/password", id(target)).with(user(bureau)).with(csrf())
                .param("password", "Bureau-Reset-2026x")).andExpect(status().is3xxRedirection());
        mvc.perform(formLogin("/login").user(target).password("Bureau-Reset-2026x")).andExpect(authenticated());

        // the service refuses too, whichever page or job calls it
        testHall.signIn(testAccounts.create(Role.ADMIN));
        try {
            assertThatThrownBy(() -> accounts.changePassword(1L, id(target), "Taken-Over-2026x"))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> accounts.setEnabled(1L, id(target), false)).isInstanceOf(AccessDeniedException.class);
        } finally {
            org.springframework.security.core.context.SecurityContextHolder.clearContext();
        }
    }

    // ---- item 2: lock-out under a parallel burst

    @Test
    void r12_2_parallelBurstChecksAtMostFivePasswords() throws Exception {
        String username = testAccounts.create(Role.ADMIN);
        atProductionCost(username);
        String hash = hash(username);
        AtomicInteger checks = new AtomicInteger();
        signInChecks.setPasswordEncoder(counting(hash, checks));
        ExecutorService pool = Executors.newFixedThreadPool(46);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Boolean>> wrong = new ArrayList<>();
            List<Future<Boolean>> right = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                String guess = "Wrong-Guess-" + i + "x";
                boolean form = i % 2 == 0;
                wrong.add(pool.submit(() -> {
                    start.await();
                    return form ? formSignsIn(username, guess) : basicSignsIn(username, guess);
                }));
            }
            for (int i = 0; i < 6; i++) {
                boolean form = i % 2 == 0;
                right.add(pool.submit(() -> {
                    start.await();
                    // inside the burst: as soon as the allowance is used up, while guesses are still running
                    try {
                        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(2)).until(() -> lockedUntil(username) != null);
                    } catch (org.awaitility.core.ConditionTimeoutException notLocked) {
                        // never locked: the guesses below then show it
                    }
                    return form ? formSignsIn(username, TestAccounts.PASSWORD) : basicSignsIn(username, TestAccounts.PASSWORD);
                }));
            }
            start.countDown();
            for (Future<Boolean> f : wrong) {
                assertThat(f.get(60, TimeUnit.SECONDS)).isFalse();
            }
            for (Future<Boolean> f : right) {
                assertThat(f.get(60, TimeUnit.SECONDS)).as("the right password during the lock").isFalse();
            }
        } finally {
            pool.shutdownNow();
            signInChecks.setPasswordEncoder(passwordEncoder);
        }
        assertThat(checks.get()).as("passwords checked by BCrypt").isBetween(1, properties.security().maxFailedSignIns());

        assertThat(basicStatus(username, TestAccounts.PASSWORD)).isEqualTo(401);
        assertThat(formSignsIn(username, TestAccounts.PASSWORD)).isFalse();
        clock.advance(properties.security().lockDuration().minusMinutes(1));
        assertThat(basicStatus(username, TestAccounts.PASSWORD)).isEqualTo(401);
        clock.advance(Duration.ofMinutes(2));
        assertThat(basicStatus(username, TestAccounts.PASSWORD)).isEqualTo(200);
        assertThat(formSignsIn(username, TestAccounts.PASSWORD)).isTrue();
    }

    /**
     * A client that sends 20 requests at once with the right password (a gate tablet starting up) is not locked out
     * by its own requests: the attempts past the allowance wait for the checks running beside them. Still at most
     * five passwords are checked.
     */
    @RepeatedTest(3)
    void r12_2_aBurstOfRightPasswordsFromOneClientAllSignIn() throws Exception {
        String username = testAccounts.create(Role.ADMIN);
        atProductionCost(username);
        AtomicInteger checks = new AtomicInteger();
        signInChecks.setPasswordEncoder(counting(hash(username), checks));
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return basicStatus(username, TestAccounts.PASSWORD);
                }));
            }
            start.countDown();
            List<Integer> got = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                got.add(answer.get(60, TimeUnit.SECONDS));
            }
            assertThat(got).containsOnly(200);
        } finally {
            pool.shutdownNow();
            signInChecks.setPasswordEncoder(passwordEncoder);
        }
        assertThat(checks.get()).as("passwords checked by BCrypt").isBetween(1, properties.security().maxFailedSignIns());
        assertThat(lockedUntil(username)).isNull();
    }

    @Test
    void r12_2_aRightPasswordDuringALockNeitherSignsInNorClearsTheLock() throws Exception {
        String username = testAccounts.create(Role.ADMIN);
        for (int i = 0; i < 5; i++) {
            assertThat(formSignsIn(username, "Wrong-Guess-" + i + "x")).isFalse();
        }
        var lock = lockedUntil(username);
        assertThat(lock).isNotNull();
        mvc.perform(formLogin("/login").user(username).password(TestAccounts.PASSWORD))
                .andExpect(unauthenticated()).andExpect(redirectedUrl("/login?error"));
        mvc.perform(get(API).with(httpBasic(username, TestAccounts.PASSWORD))).andExpect(status().isUnauthorized());
        assertThat(lockedUntil(username)).isEqualTo(lock);
    }

    @Test
    void r12_2_aRememberedPasswordDoesNotOpenALockedAccount() throws Exception {
        String username = testAccounts.create(Role.ADMIN);
        mvc.perform(get(API).with(httpBasic(username, TestAccounts.PASSWORD))).andExpect(status().isOk());
        for (int i = 0; i < 5; i++) {
            mvc.perform(get(API).with(httpBasic(username, "Wrong-Guess-" + i + "x"))).andExpect(status().isUnauthorized());
        }
        mvc.perform(get(API).with(httpBasic(username, TestAccounts.PASSWORD))).andExpect(status().isUnauthorized());
    }

    @Test
    void r12_2_fourWrongThenRightSignsInAndStartsTheCountAgain() throws Exception {
        String username = testAccounts.create(Role.STAFF);
        for (int i = 0; i < 4; i++) {
            assertThat(formSignsIn(username, "Wrong-Guess-" + i + "x")).isFalse();
        }
        assertThat(formSignsIn(username, TestAccounts.PASSWORD)).isTrue();
        assertThat(lockedUntil(username)).isNull();
        assertThat(jdbc.sql("SELECT failed_sign_ins FROM accounts WHERE username = :u").param("u", username)
                .query(Integer.class).single()).isZero();
    }

    @Test
    void r12_2_signInPageSaysTheSameForWrongLockedAndSwitchedOff() throws Exception {
        String locked = testAccounts.create(Role.STAFF);
        for (int i = 0; i < 5; i++) {
            formSignsIn(locked, "Wrong-Guess-" + i + "x");
        }
        String off = testAccounts.create(Role.STAFF);
        accounts.setEnabled(1L, id(off), false);

        mvc.perform(formLogin("/login").user(locked).password(TestAccounts.PASSWORD)).andExpect(redirectedUrl("/login?error"));
        mvc.perform(formLogin("/login").user(off).password(TestAccounts.PASSWORD)).andExpect(redirectedUrl("/login?error"));
        mvc.perform(formLogin("/login").user(off).password("Wrong-Guess-x")).andExpect(redirectedUrl("/login?error"));
        mvc.perform(get(API).with(httpBasic(off, TestAccounts.PASSWORD))).andExpect(status().isUnauthorized());

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(audited(locked, "SIGN_IN_REFUSED_LOCKED")).isPositive();
            assertThat(audited(off, "SIGN_IN_REFUSED_DISABLED")).isPositive();
        });
    }

    // ---- item 9: a sign-in cannot fill the database

    @Test
    void r12_9_megabyteUserNameIsCutBeforeAnythingIsStored() throws Exception {
        String prefix = "huge" + System.nanoTime();
        String formName = prefix + "f" + "x".repeat(1_900_000);
        String basicName = prefix + "b" + "x".repeat(1_900_000);

        MvcResult form = mvc.perform(post("/login").with(csrf()).param("username", formName).param("password", "Whatever-2026x"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login?error")).andReturn();
        String shown = mvc.perform(get("/login").cookie(form.getResponse().getCookie("SESSION")))
                .andReturn().getResponse().getContentAsString();
        assertThat(shown).contains("value=\"" + formName.substring(0, SignInNames.MAX_LENGTH) + SignInNames.CUT_MARKER + "\"");
        mvc.perform(get(API).with(httpBasic(basicName, "Whatever-2026x"))).andExpect(status().isUnauthorized());

        String formActor = formName.substring(0, SignInNames.MAX_LENGTH) + SignInNames.CUT_MARKER;
        String basicActor = basicName.substring(0, SignInNames.MAX_LENGTH) + SignInNames.CUT_MARKER;
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(audited(formActor, "SIGN_IN_FAILED")).isEqualTo(1);
            assertThat(audited(basicActor, "SIGN_IN_FAILED")).isEqualTo(1);
            assertThat(jdbc.sql("SELECT count(*) FROM event_publication WHERE completion_date IS NULL AND serialized_event LIKE :p")
                    .param("p", "%" + prefix + "%").query(Integer.class).single()).isZero();
        });
        assertThat(jdbc.sql("SELECT coalesce(max(length(serialized_event)), 0) FROM event_publication WHERE serialized_event LIKE :p")
                .param("p", "%" + prefix + "%").query(Integer.class).single()).isLessThan(2_000);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE actor LIKE :p AND length(actor) > :max")
                .param("p", prefix + "%").param("max", SignInNames.MAX_LENGTH + 1).query(Integer.class).single()).isZero();
    }

    @Test
    void r12_9_controlCharactersInAUserNameAreAuditedSafely() throws Exception {
        String name = "nul" + System.nanoTime() + "\u0000x";
        mvc.perform(post("/login").with(csrf()).param("username", name).param("password", "Whatever-2026x"))
                .andExpect(redirectedUrl("/login?error"));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(audited(name.replace('\u0000', '?'), "SIGN_IN_FAILED")).isEqualTo(1));
    }

    // ---- item 14 (part): passwords and failed sign-ins of unknown names

    @Test
    void r12_14_commonDemoAndHallNamePasswordsAreRefusedBesideTheField() throws Exception {
        var hall = testHall.create();
        UserDetails hallAdmin = users.loadUserByUsername(hall.admin());
        String hallName = jdbc.sql("SELECT name FROM sites WHERE id = :id").param("id", hall.siteId()).query(String.class).single();
        String[][] cases = {
                {"Admin@123456", "这个密码太常见"},
                {PasswordPolicy.DEMO_PASSWORD, "这是公开的演示密码"},
                {hallName + "-Pass-2026x", "密码不能包含大厅的名称"},
                {"Aa1-" + "x".repeat(80), "密码太长"},
                {"Aa1-" + "密".repeat(30), "密码太长"}};
        for (String[] c : cases) {
            String username = "deny" + System.nanoTime() % 1_000_000;
            String body = mvc.perform(post("/admin/accounts").with(user(hallAdmin)).with(csrf()).param("username", username)
                            .param("displayName", "新人").param("role", "STAFF").param("password", c[0]))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            assertThat(body).as(c[0]).contains(c[1]).contains("value=\"" + username + "\"");
            assertThat(accounts.findByUsername(username)).isEmpty();
        }
        String staff = testAccounts.create(Role.STAFF, hall.siteId());
        mvc.perform(post("/admin/accounts/{id}/password", id(staff)).with(user(hallAdmin)).with(csrf())
                        .param("password", "Aa1-" + "x".repeat(100)))
                .andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                        .attribute("passwordError", "password.tooLong"));
        assertThatThrownBy(() -> accounts.create(hall.siteId(), "deny-demo" + System.nanoTime() % 1000, "演示",
                Role.STAFF, PasswordPolicy.DEMO_PASSWORD)).hasMessageContaining("password.demo");
    }

    @Test
    void r12_14_overLongPasswordAtSignInFailsLikeAWrongOne() throws Exception {
        String username = testAccounts.create(Role.ADMIN);
        String tooLong = TestAccounts.PASSWORD + "x".repeat(100);
        mvc.perform(formLogin("/login").user(username).password(tooLong)).andExpect(redirectedUrl("/login?error"));
        mvc.perform(formLogin("/login").user("nobody" + System.nanoTime()).password(tooLong)).andExpect(redirectedUrl("/login?error"));
        mvc.perform(get(API).with(httpBasic(username, tooLong))).andExpect(status().isUnauthorized());
        mvc.perform(get(API).with(httpBasic(username, TestAccounts.PASSWORD))).andExpect(status().isOk());
    }

    @Test
    void r12_14_failedSignInsOfUnknownNamesAreOnlyTheBureausToSee() throws Exception {
        String ghost = "ghost" + System.nanoTime();
        formSignsIn(ghost, "Whatever-2026x");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(audited(ghost, "SIGN_IN_FAILED")).isEqualTo(1));

        UserDetails hallAdmin = testAccounts.signedIn(Role.ADMIN);
        assertThat(mvc.perform(get("/audit").param("actor", ghost).with(user(hallAdmin))).andReturn().getResponse()
                .getContentAsString()).doesNotContain(ghost + "<");
        UserDetails bureau = testAccounts.signedIn(Role.BUREAU_ADMIN);
        assertThat(mvc.perform(get("/audit").param("actor", ghost).with(user(bureau))).andReturn().getResponse()
                .getContentAsString()).contains(ghost + "<");
    }

    // ---- helpers

    private boolean formSignsIn(String username, String password) throws Exception {
        MvcResult result = mvc.perform(formLogin("/login").user(username).password(password)).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(302);
        return "/".equals(result.getResponse().getRedirectedUrl());
    }

    private boolean basicSignsIn(String username, String password) throws Exception {
        int status = basicStatus(username, password);
        assertThat(status).isIn(200, 401);
        return status == 200;
    }

    /** HTTP Basic over a real connection to the server on its random port. */
    private int basicStatus(String username, String password) throws Exception {
        String credentials = Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + API))
                        .header("Authorization", "Basic " + credentials).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private PasswordEncoder counting(String hash, AtomicInteger checks) {
        return new PasswordEncoder() {
            @Override
            public String encode(CharSequence raw) {
                return passwordEncoder.encode(raw);
            }

            @Override
            public boolean matches(CharSequence raw, String encoded) {
                if (hash.equals(encoded)) {
                    checks.incrementAndGet();
                }
                return passwordEncoder.matches(raw, encoded);
            }
        };
    }

    private long id(String username) {
        return accounts.findByUsername(username).orElseThrow().id();
    }

    /**
     * The tests' accounts are hashed cheaply (hallsafe.security.password-strength 4): a burst is raced against checks
     * that each take as long as in production, so the lock-out is proven with real BCrypt times (issue 13, item 7).
     */
    private void atProductionCost(String username) {
        String hash = "{bcrypt}" + new org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder(10).encode(TestAccounts.PASSWORD);
        assertThat(jdbc.sql("UPDATE accounts SET password_hash = :h WHERE username = :u").param("h", hash)
                .param("u", username).update()).isEqualTo(1);
    }

    private String hash(String username) {
        return jdbc.sql("SELECT password_hash FROM accounts WHERE username = :u").param("u", username).query(String.class).single();
    }

    private java.sql.Timestamp lockedUntil(String username) {
        return jdbc.sql("SELECT locked_until FROM accounts WHERE username = :u").param("u", username)
                .query(java.sql.Timestamp.class).optional().orElse(null);
    }

    private int audited(String actor, String action) {
        return jdbc.sql("SELECT count(*) FROM audit_log WHERE actor = :actor AND action = :action")
                .param("actor", actor).param("action", action).query(Integer.class).single();
    }

    /** Waits for a later audit row to land, then checks that no account change was audited for the target. */
    private void assertNothingAuditedFor(long accountId) {
        String marker = "marker" + System.nanoTime();
        formSignsIn0(marker);
        await().atMost(Duration.ofSeconds(10)).until(() -> audited(marker, "SIGN_IN_FAILED") == 1);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE target_type = 'account' AND target_id = :id AND action IN ('ACCOUNT_PASSWORD_CHANGED', 'ACCOUNT_ENABLED', 'ACCOUNT_DISABLED')")
                .param("id", String.valueOf(accountId)).query(Integer.class).single()).isZero();
    }

    private void formSignsIn0(String username) {
        try {
            formSignsIn(username, "Whatever-2026x");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
