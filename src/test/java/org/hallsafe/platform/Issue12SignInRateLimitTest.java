package org.hallsafe.platform;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

import jakarta.servlet.http.HttpServletResponse;
import org.hallsafe.HallSafeTest;
import org.hallsafe.platform.RateLimitProperties.Limit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.LocaleResolver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 12, item 3: sign-in per account. The shared test configuration keeps the per-account limit loose (the lock-out
 * tests guess one account's password in bursts), so this test builds the filter with a tight limit of its own, on the
 * same PostgreSQL buckets.
 */
@HallSafeTest
class Issue12SignInRateLimitTest {

    @Autowired DataSource dataSource;
    @Autowired PersonalData personalData;
    @Autowired MessageSource messages;
    @Autowired LocaleResolver locales;

    private SignInRateLimitFilter filter(String perAccount) {
        RateLimitProperties tight = new RateLimitProperties(true, List.of(), Limit.valueOf(perAccount),
                Limit.valueOf("1000/15m"), Limit.valueOf("10/1h"), Limit.valueOf("10/1h"), Limit.valueOf("60/1h"),
                Limit.valueOf("5/1h"), Limit.valueOf("20/1h"), Limit.valueOf("30/1h"), Limit.valueOf("20/1h"),
                Limit.valueOf("5/24h"), Limit.valueOf("600/10m"));
        return new SignInRateLimitFilter(new RateLimits(tight, personalData, dataSource), messages, locales);
    }

    private static MockHttpServletRequest formSignIn(String username, String address) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/login");
        request.setParameter("username", username);
        request.setParameter("password", "wrong");
        request.setRemoteAddr(address);
        return request;
    }

    @Test
    void r12_3_signInPerAccountAnswers429FromAnyAddress() throws Exception {
        SignInRateLimitFilter filter = filter("3/15m");
        String name = "acct-" + UUID.randomUUID();
        for (int i = 0; i < 3; i++) {
            MockFilterChain chain = new MockFilterChain();
            filter.doFilter(formSignIn(i == 2 ? " " + name.toUpperCase() + " " : name, "10.13.0." + i),
                    new MockHttpServletResponse(), chain);
            assertThat(chain.getRequest()).as("attempt %d goes on to the password check", i).isNotNull();
        }
        MockFilterChain chain = new MockFilterChain();
        MockHttpServletResponse refused = new MockHttpServletResponse();
        filter.doFilter(formSignIn(name, "10.13.0.9"), refused, chain);
        assertThat(chain.getRequest()).as("no password checked").isNull();
        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(Long.parseLong(refused.getHeader("Retry-After"))).isBetween(1L, 15L * 60);
        assertThat(refused.getForwardedUrl()).isEqualTo("/login");

        MockFilterChain other = new MockFilterChain();
        filter.doFilter(formSignIn("acct-" + UUID.randomUUID(), "10.13.0.9"), new MockHttpServletResponse(), other);
        assertThat(other.getRequest()).as("another account").isNotNull();
    }

    @Test
    void r12_3_apiBasicCountsOnlyRefusedPasswordsPerAccount() throws Exception {
        SignInRateLimitFilter filter = filter("3/15m");
        String name = "api-" + UUID.randomUUID();
        for (int i = 0; i < 5; i++) {
            MockFilterChain accepted = new MockFilterChain();
            filter.doFilter(basic(name, "10.13.1.1"), new MockHttpServletResponse(), accepted);
            assertThat(accepted.getRequest()).as("a good password is not counted").isNotNull();
        }
        for (int i = 0; i < 3; i++) {
            filter.doFilter(basic(name, "10.13.1." + (i + 2)), new MockHttpServletResponse(),
                    (request, response) -> ((HttpServletResponse) response).setStatus(401));
        }
        MockHttpServletResponse refused = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();
        filter.doFilter(basic(name, "10.13.1.9"), refused, chain);
        assertThat(chain.getRequest()).isNull();
        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(refused.getHeader("Retry-After")).isNotBlank();
        assertThat(refused.getContentType()).startsWith("application/problem+json");
        assertThat(refused.getContentAsString(StandardCharsets.UTF_8)).contains("\"status\":429").contains("分钟后再试");
    }

    private static MockHttpServletRequest basic(String username, String address) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/appointments/bookings");
        request.addHeader("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString((username + ":wrong").getBytes(StandardCharsets.UTF_8)));
        request.setRemoteAddr(address);
        return request;
    }

    @Test
    void r12_3_aLimitIsWrittenCountSlashPeriod() {
        assertThat(Limit.valueOf("10/1h")).isEqualTo(new Limit(10, java.time.Duration.ofHours(1)));
        assertThat(Limit.valueOf(" 5 / 24h ").period()).isEqualTo(java.time.Duration.ofHours(24));
        assertThatThrownBy(() -> Limit.valueOf("0/1h")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Limit.valueOf("10")).isInstanceOf(IllegalArgumentException.class);
    }
}
