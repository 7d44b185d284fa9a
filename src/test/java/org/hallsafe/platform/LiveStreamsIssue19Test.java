package org.hallsafe.platform;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hallsafe.HallSafeTest;
import org.hallsafe.TestAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 19, item 5: live streams end with the account. Real HTTP on the random port: a form sign-in, then the
 * server-sent event stream read line by line.
 */
@HallSafeTest
class LiveStreamsIssue19Test {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    @LocalServerPort
    int port;
    @Autowired
    TestAccounts testAccounts;
    @Autowired
    Accounts accounts;
    @Autowired
    LiveUpdates liveUpdates;
    @Autowired
    JdbcClient jdbc;

    @Test
    void r19_5_switchingTheAccountOffEndsItsStreamAndTheReconnectIsRefused() throws Exception {
        String username = testAccounts.create(Role.STAFF);
        Browser browser = signIn(username);
        LiveStream stream = browser.openLive();

        accounts.setEnabled(1L, accounts.findByUsername(username).orElseThrow().id(), false);

        await().atMost(Duration.ofSeconds(5)).until(() -> stream.ended);
        assertThat(browser.liveStatus()).isEqualTo(401);
    }

    @Test
    void r19_5_resettingThePasswordEndsItsStreamAndTheReconnectIsRefused() throws Exception {
        String username = testAccounts.create(Role.STAFF);
        Browser browser = signIn(username);
        LiveStream stream = browser.openLive();

        accounts.changePassword(1L, accounts.findByUsername(username).orElseThrow().id(), "Another-Password-2027");

        await().atMost(Duration.ofSeconds(5)).until(() -> stream.ended);
        assertThat(browser.liveStatus()).isEqualTo(401);
    }

    @Test
    void r19_5_anEndedAccountMessageFromAnotherNodeEndsTheStreamHere() throws Exception {
        String username = testAccounts.create(Role.STAFF);
        LiveStream stream = signIn(username).openLive();
        long id = accounts.findByUsername(username).orElseThrow().id();

        // what another node's Accounts sends: the account's id only, through the channel every node listens on
        jdbc.sql("SELECT pg_notify('hallsafe_live', :payload)").param("payload", "ended||" + id).query(Object.class).list();

        await().atMost(Duration.ofSeconds(5)).until(() -> stream.ended);
    }

    @Test
    void r19_5_anOpenStreamGetsAHeartbeatAndOtherAccountsStreamsStayOpen() throws Exception {
        LiveStream mine = signIn(testAccounts.create(Role.STAFF)).openLive();
        String other = testAccounts.create(Role.STAFF);
        LiveStream theirs = signIn(other).openLive();

        accounts.setEnabled(1L, accounts.findByUsername(other).orElseThrow().id(), false);
        await().atMost(Duration.ofSeconds(5)).until(() -> theirs.ended);

        liveUpdates.heartbeat();
        await().atMost(Duration.ofSeconds(5)).until(() -> mine.lines.contains(":heartbeat"));
        assertThat(mine.ended).isFalse();
    }

    private Browser signIn(String username) throws Exception {
        Browser browser = new Browser(HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build());
        String page = browser.client.send(HttpRequest.newBuilder(url("/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = CSRF.matcher(page);
        assertThat(csrf.find()).as("the sign-in page's CSRF token").isTrue();
        String form = "username=" + enc(username) + "&password=" + enc(TestAccounts.PASSWORD) + "&_csrf=" + enc(csrf.group(1));
        HttpResponse<String> signedIn = browser.client.send(HttpRequest.newBuilder(url("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.headers().firstValue("Location").orElse("")).doesNotContain("error");
        return browser;
    }

    private URI url(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private final class Browser {
        final HttpClient client;

        Browser(HttpClient client) {
            this.client = client;
        }

        LiveStream openLive() throws Exception {
            return LiveStream.open(client, url("/live"), true);
        }

        /** What a reconnect gets: the status of a fresh request for the stream (closed at once if it opens). */
        int liveStatus() throws Exception {
            HttpResponse<java.io.InputStream> response = client.send(HttpRequest.newBuilder(url("/live"))
                    .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofInputStream());
            response.body().close();
            return response.statusCode();
        }
    }

}
