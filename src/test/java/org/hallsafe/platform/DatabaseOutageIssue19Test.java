package org.hallsafe.platform;

import java.io.IOException;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.hallsafe.Browser;
import org.hallsafe.BrowserTest;
import org.hallsafe.HallSafeApplication;
import org.hallsafe.TestAccounts;
import org.hallsafe.TestHall;
import org.hallsafe.shared.IdNumber;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 19, item 1: outages answered honestly. A node of its own whose embedded PostgreSQL keeps its data, so the test
 * can stop the database under the running application and start it again on the same port and directory.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DatabaseOutageIssue19Test {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    private static final String UNAVAILABLE_ZH = "服务暂时不可用，您的内容未保存，请稍后重试。";

    private Path dataDir;
    private int dbPort;
    private ConfigurableApplicationContext node;
    private int port;
    private final List<EmbeddedDatabase> databases = new ArrayList<>();

    @BeforeAll
    void startNode() throws IOException {
        dataDir = Files.createTempDirectory("hallsafe-outage");
        try (ServerSocket free = new ServerSocket(0)) {
            dbPort = free.getLocalPort();
        }
        node = new SpringApplicationBuilder(HallSafeApplication.class).run(
                "--server.port=0", "--spring.profiles.active=test", "--hallsafe.db.persistent=true",
                "--hallsafe.data-dir=" + dataDir, "--hallsafe.db.port=" + dbPort,
                "--hallsafe.crypto.key=dGVzdC1rZXktZm9yLWhhbGxzYWZlLXRlc3RzLW9ubHk=");
        port = ((WebServerApplicationContext) node).getWebServer().getPort();
        databases.add(node.getBean(EmbeddedDatabase.class));
    }

    @AfterAll
    void stopNode() throws IOException {
        node.close();
        for (EmbeddedDatabase database : databases) {
            database.close();
        }
    }

    private void stopDatabase() throws IOException {
        databases.get(databases.size() - 1).close();
    }

    private void startDatabase() throws IOException {
        databases.add(EmbeddedDatabase.start(dataDir, true, dbPort));
    }

    @Test
    void r19_1_theApplicationsPoolCarriesTheTimeOuts() throws Exception {
        awaitReady();
        HikariDataSource pool = node.getBean(DataSource.class).unwrap(HikariDataSource.class);
        assertThat(pool.getConnectionTimeout()).isEqualTo(1200);
        assertThat(pool.getValidationTimeout()).isEqualTo(1000);
        try (Connection c = pool.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SHOW statement_timeout")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("30s");
        }
    }

    @Test
    void r19_1_withTheDatabaseGonePagesApisAndSignInAnswer503WithinThreeSecondsAndReadinessComesBackByItself()
            throws Exception {
        awaitReady();
        TestHall.Hall hall = node.getBean(TestHall.class).create();
        HttpClient signedIn = signIn(hall.screener());
        HttpClient fresh = client();
        String csrf = csrf(fresh);
        assertThat(send(client(), get("/actuator/health/readiness")).statusCode()).isEqualTo(200);

        stopDatabase();
        try {
            HttpResponse<String> readiness = timed(client(), get("/actuator/health/readiness"));
            assertThat(readiness.statusCode()).isEqualTo(503);
            assertThat(readiness.body()).contains("DOWN");
            assertThat(timed(client(), get("/actuator/health")).statusCode()).isEqualTo(503);

            // the staff API with the right password: 503, never 401 (a client that does not retry on 401 loses it)
            HttpResponse<String> api = timed(client(), post("/api/v1/screening/screenings", reading())
                    .header("Authorization", basic(hall.screener())).header("Content-Type", "application/json"));
            assertProblem503(api);
            assertThat(api.headers().firstValue("WWW-Authenticate")).isEmpty();
            // the citizens' API
            assertProblem503(timed(client(), get("/api/v1/appointments/public/items")));

            // a page of a signed-in person, the public booking page, in Chinese and in English
            HttpResponse<String> page = timed(signedIn, get("/screening/gate"));
            assertThat(page.statusCode()).isEqualTo(503);
            assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
            assertThat(page.body()).contains(UNAVAILABLE_ZH);
            HttpResponse<String> booking = timed(client(), get("/appointments/book"));
            assertThat(booking.statusCode()).isEqualTo(503);
            assertThat(booking.body()).contains(UNAVAILABLE_ZH);
            HttpResponse<String> english = timed(client(), get("/appointments/book?lang=en"));
            assertThat(english.body()).contains("The service is temporarily unavailable. Your entry was not saved");

            // the sign-in form with the right password: 503, not "wrong user name or password"
            HttpResponse<String> form = timed(fresh, post("/login", "username=" + enc(hall.screener()) + "&password="
                    + enc(TestAccounts.PASSWORD) + "&_csrf=" + enc(csrf))
                    .header("Content-Type", "application/x-www-form-urlencoded"));
            assertThat(form.statusCode()).isEqualTo(503);
            assertThat(form.headers().firstValue("Location")).isEmpty();
            assertThat(form.body()).contains(UNAVAILABLE_ZH);
        } finally {
            startDatabase();
        }

        // back by itself, without restarting the node: ready again, the same session and password work
        awaitReady();
        assertThat(send(signedIn, get("/screening/gate")).statusCode()).isEqualTo(200);
        HttpResponse<String> api = send(client(), post("/api/v1/screening/screenings", reading())
                .header("Authorization", basic(hall.screener())).header("Content-Type", "application/json"));
        assertThat(api.statusCode()).isEqualTo(201);
    }

    @Test
    @BrowserTest
    void r19_1_theGateKeepsWhatWasTypedThroughA503AndTheResendStoresOneRecord_andASwitchedOffAccountGoesToSignIn()
            throws Exception {
        awaitReady();
        TestHall.Hall hall = node.getBean(TestHall.class).create();
        JdbcClient jdbc = node.getBean(JdbcClient.class);
        String docNo = "43090219760304002" + IdNumber.checkCharacter("43090219760304002");
        try (Browser screener = new Browser(port)) {
            screener.asPhone();
            screener.signIn(hall.screener(), TestAccounts.PASSWORD);
            screener.open("/screening/gate");
            screener.type(By.id("docNo"), docNo);
            screener.type(By.id("name"), "郑秀英");
            screener.type(By.id("phone"), "13712340001");
            screener.click(By.cssSelector("label[for=mask-DISPOSABLE_MEDICAL]"));
            screener.type(By.id("temperature"), "36.5");
            screener.click(By.cssSelector("label[for=noSymptoms]"));

            stopDatabase();
            try {
                // issue 20: the reading the 503 refused waits in the phone's storage, the form is ready for the next
                screener.click(By.id("record"));
                assertThat(screener.text(By.id("outbox-count"))).isEqualTo("未上传 1 条");
                assertThat(screener.text(By.id("outbox-saved"))).contains("郑秀英");
                assertThat(screener.driver().findElement(By.id("docNo")).getAttribute("value")).isEmpty();
                screener.screenshot("r19-1-gate-phone-unsaved");
            } finally {
                startDatabase();
            }
            awaitReady();

            // the first press may have been stored before the answer was lost: sent again, it is stored once
            ((org.openqa.selenium.JavascriptExecutor) screener.driver()).executeScript(
                    "document.getElementById('outbox-send').click();"); // or the retry timer has sent it already
            screener.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("outbox-done"), "郑秀英"));
            assertThat(screener.text(By.id("outbox-done"))).contains("准入");
            screener.click(By.id("record")); // an empty form now: refused by the page, nothing stored
            assertThat(jdbc.sql("SELECT count(*) FROM screenings WHERE site_id = ?").param(hall.siteId())
                    .query(Long.class).single()).isEqualTo(1L);

            // issue 19, item 5: the account switched off, the live stream's reconnect is refused: the sign-in page
            Accounts accounts = node.getBean(Accounts.class);
            screener.open("/screening/gate");
            Thread.sleep(500); // the live stream connects after the page has loaded
            accounts.setEnabled(hall.siteId(), accounts.findByUsername(hall.screener()).orElseThrow().id(), false);
            screener.waitFor(ExpectedConditions.urlContains("/login"));

            // the page a citizen or the staff see while the database is away, on a phone and at a desk
            stopDatabase();
            try {
                screener.open("/appointments/book");
                assertThat(screener.text(By.cssSelector("#unavailable .alert"))).isEqualTo(UNAVAILABLE_ZH);
                assertThat(((org.openqa.selenium.JavascriptExecutor) screener.driver()).executeScript(
                        "return getComputedStyle(document.querySelector('nav')).backgroundColor;"))
                        .as("Bootstrap's style sheet loads while the database is away").isNotEqualTo("rgba(0, 0, 0, 0)");
                screener.screenshot("r19-1-unavailable-phone");
                screener.driver().manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
                screener.open("/appointments/book?lang=en");
                assertThat(screener.text(By.cssSelector("#unavailable .alert"))).contains("Your entry was not saved");
                screener.screenshot("r19-1-unavailable-desk-en");
                assertThat(screener.console()).noneMatch(line -> line.contains("Content Security Policy"));
            } finally {
                startDatabase();
            }
        }
    }

    private void awaitReady() {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> send(client(), get("/actuator/health/readiness")).statusCode() == 200);
    }

    private void assertProblem503(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(response.headers().firstValue("Retry-After")).contains("10");
        assertThat(response.body()).contains("\"status\":503");
    }

    private static String reading() {
        return "{\"submissionId\":\"" + java.util.UUID.randomUUID() + "\",\"personType\":\"CITIZEN\",\"docType\":\"ID_CARD\","
                + "\"docNo\":\"43090319820817003" + IdNumber.checkCharacter("43090319820817003") + "\",\"name\":\"钱伟\","
                + "\"phone\":\"13712340002\",\"mask\":\"DISPOSABLE_MEDICAL\",\"temperature\":36.5,\"noSymptoms\":true}";
    }

    private static String basic(String username) {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + TestAccounts.PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
    }

    /** Sends and checks the answer came within 3 s. */
    private static HttpResponse<String> timed(HttpClient client, HttpRequest.Builder request) throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> response = send(client, request);
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.println("r19_1: " + response.request().method() + " " + response.request().uri().getPath() + " -> "
                + response.statusCode() + " in " + millis + " ms");
        assertThat(millis).as(response.request().uri().getPath()).isLessThan(3000);
        return response;
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest.Builder request) throws Exception {
        return client.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    }

    private HttpRequest.Builder post(String path, String body) {
        return get(path).POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private static HttpClient client() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    private String csrf(HttpClient client) throws Exception {
        Matcher csrf = CSRF.matcher(send(client, get("/login")).body());
        assertThat(csrf.find()).as("the sign-in page's CSRF token").isTrue();
        return csrf.group(1);
    }

    private HttpClient signIn(String username) throws Exception {
        HttpClient client = client();
        String csrf = csrf(client);
        HttpResponse<String> signedIn = send(client, post("/login", "username=" + enc(username) + "&password="
                + enc(TestAccounts.PASSWORD) + "&_csrf=" + enc(csrf))
                .header("Content-Type", "application/x-www-form-urlencoded"));
        assertThat(signedIn.headers().firstValue("Location").orElse("")).doesNotContain("error");
        return client;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
