package org.hallsafe.platform;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hallsafe.HallSafeApplication;
import org.hallsafe.TestAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 19, item 9: graceful shutdown. A node of its own (its own context, server and embedded database), three open
 * live streams over real HTTP, then the node is stopped.
 */
class GracefulShutdownIssue19Test {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    @Test
    void r19_9_aNodeWithOpenLivePagesStopsWithinTenSeconds() throws Exception {
        ConfigurableApplicationContext node = startNode();
        boolean closed = false;
        try {
            int port = ((WebServerApplicationContext) node).getWebServer().getPort();
            String username = node.getBean(TestAccounts.class).create(Role.STAFF);
            List<LiveStream> streams = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                streams.add(openLive(signIn(port, username), port, true));
            }

            long start = System.nanoTime();
            CompletableFuture<Void> stopping = CompletableFuture.runAsync(node::close);
            stopping.get(10, TimeUnit.SECONDS);
            closed = true;
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            System.out.println("r19_9: the node stopped in " + millis + " ms with 3 live streams open");

            assertThat(millis).isLessThan(10_000);
            await().atMost(Duration.ofSeconds(2)).until(() -> streams.stream().allMatch(s -> s.ended));
        } finally {
            if (!closed) {
                node.close();
            }
        }
    }

    @Test
    void r19_9_aPageReconnectingWhileTheNodeStopsIsEndedAtOnce() throws Exception {
        ConfigurableApplicationContext node = startNode();
        try {
            int port = ((WebServerApplicationContext) node).getWebServer().getPort();
            HttpClient browser = signIn(port, node.getBean(TestAccounts.class).create(Role.STAFF));
            // the live streams have been ended, the web server is not yet waiting for the requests in flight
            node.getBean(LiveUpdates.class).stop();

            LiveStream late = openLive(browser, port, false);

            // an open stream here would hold the graceful shutdown for its whole time-out
            await().atMost(Duration.ofSeconds(2)).until(() -> late.ended);
        } finally {
            node.close();
        }
    }

    private static ConfigurableApplicationContext startNode() {
        return new SpringApplicationBuilder(HallSafeApplication.class).run(
                "--server.port=0", "--hallsafe.db.persistent=false", "--spring.profiles.active=test",
                "--hallsafe.crypto.key=dGVzdC1rZXktZm9yLWhhbGxzYWZlLXRlc3RzLW9ubHk=");
    }

    private static HttpClient signIn(int port, String username) throws Exception {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String page = client.send(HttpRequest.newBuilder(url(port, "/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = CSRF.matcher(page);
        assertThat(csrf.find()).as("the sign-in page's CSRF token").isTrue();
        String form = "username=" + enc(username) + "&password=" + enc(TestAccounts.PASSWORD) + "&_csrf=" + enc(csrf.group(1));
        HttpResponse<String> signedIn = client.send(HttpRequest.newBuilder(url(port, "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.headers().firstValue("Location").orElse("")).doesNotContain("error");
        return client;
    }

    private static LiveStream openLive(HttpClient client, int port, boolean awaitConnected) throws Exception {
        return LiveStream.open(client, url(port, "/live"), awaitConnected);
    }

    private static URI url(int port, String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

}
