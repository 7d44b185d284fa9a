package org.hallsafe.display;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hallsafe.HallSafeTest;
import org.hallsafe.TestAccounts;
import org.hallsafe.appointments.Bookings;
import org.hallsafe.platform.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Issue 15, items 4 and 5: the screen key, the screen's stream, the call event, the citizen's stream; no personal data. */
@HallSafeTest
class Issue15DisplayTest {

    @LocalServerPort int port;
    @Autowired DisplayHall halls;
    @Autowired ScreenKeys keys;
    @Autowired Bookings bookings;
    @Autowired TestAccounts accounts;
    @Autowired MockMvc mvc;

    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    /** An open event stream whose lines are collected as they come. */
    final class Stream implements AutoCloseable {
        final List<String> lines = new CopyOnWriteArrayList<>();
        final CompletableFuture<Integer> ended = new CompletableFuture<>();
        final int status;
        private final Thread reader;

        Stream(String path) throws Exception {
            HttpResponse<java.io.InputStream> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofInputStream());
            status = response.statusCode();
            reader = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = in.readLine()) != null) {
                        lines.add(line);
                    }
                } catch (Exception e) {
                    // closed by the test
                }
                ended.complete(lines.size());
            });
            reader.setDaemon(true);
            reader.start();
        }

        boolean saw(String line, Duration within) throws InterruptedException {
            long until = System.nanoTime() + within.toNanos();
            while (System.nanoTime() < until) {
                if (lines.contains(line)) {
                    return true;
                }
                Thread.sleep(20);
            }
            return lines.contains(line);
        }

        @Override
        public void close() {
            reader.interrupt();
        }
    }

    private HttpResponse<String> page(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void r15_4_theKeyPageIsTheHallAdministratorsAndRefusedToOthers() throws Exception {
        DisplayHall.Ready r = halls.create();
        UserDetails admin = halls.halls.signIn(r.hall().admin());
        mvc.perform(get("/admin/screens").with(user(admin))).andExpect(status().isOk());
        for (String someone : List.of(r.hall().officeDirector(), r.hall().screener(), r.hall().leader(),
                accounts.create(Role.STAFF, r.site()))) {
            UserDetails other = halls.halls.signIn(someone);
            mvc.perform(get("/admin/screens").with(user(other))).andExpect(status().isForbidden());
            mvc.perform(post("/admin/screens").with(user(other)).with(csrf()).param("name", "大屏"))
                    .andExpect(status().isForbidden());
            mvc.perform(post("/admin/screens/" + r.keyId() + "/revoke").with(user(other)).with(csrf()))
                    .andExpect(status().isForbidden());
        }
        assertThat(keys.open(r.site(), r.key())).as("nobody but the admin revoked it").isPresent();
    }

    @Test
    void r15_4_aKeyIsShownOnceAsAFullAddressAndStoredOnlyAsItsHash() throws Exception {
        DisplayHall.Ready r = halls.create();
        UserDetails admin = halls.halls.signIn(r.hall().admin());
        var flash = mvc.perform(post("/admin/screens").with(user(admin)).with(csrf()).param("name", "二楼大屏"))
                .andExpect(status().is3xxRedirection()).andReturn().getFlashMap();
        String url = (String) flash.get("screenUrl");
        assertThat(url).matches("http://localhost(:\\d+)?/screen/" + r.code() + "\\?key=[A-Za-z0-9_-]{32}");
        String token = url.substring(url.indexOf("key=") + 4);
        assertThat((String) flash.get("callsUrl")).endsWith("/screen/" + r.code() + "/calls?key=" + token);
        String list = mvc.perform(get("/admin/screens").with(user(admin))).andReturn().getResponse().getContentAsString();
        assertThat(list).contains("二楼大屏").contains("一楼等候区大屏").doesNotContain(token).doesNotContain(r.key());
        assertThat(page("/screen/" + r.code() + "?key=" + token).statusCode()).isEqualTo(200);
        String tooLong = mvc.perform(post("/admin/screens").with(user(admin)).with(csrf()).param("name", "屏".repeat(41)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(tooLong).contains("is-invalid").contains("屏".repeat(41));
    }

    @Test
    void r15_4_anotherHallsKeyAWrongKeyAndNoKeyOpenNothing() throws Exception {
        DisplayHall.Ready a = halls.create();
        DisplayHall.Ready b = halls.create();
        assertThat(page(a.screen()).statusCode()).isEqualTo(200);
        assertThat(page(a.calls()).statusCode()).isEqualTo(200);
        for (String path : List.of("/screen/" + b.code() + "?key=" + a.key(), "/screen/" + b.code() + "/calls?key=" + a.key(),
                "/screen/" + b.code() + "/part/figures?key=" + a.key(), "/screen/" + a.code() + "?key=wrong",
                "/screen/" + a.code(), "/screen/" + a.code() + "/part/calls?key=")) {
            HttpResponse<String> refused = page(path);
            assertThat(refused.statusCode()).as(path).isEqualTo(404);
            assertThat(refused.body()).as(path).doesNotContain("七步洗手法").doesNotContain("综合受理");
        }
        try (Stream other = new Stream("/screen/" + b.code() + "/live?key=" + a.key())) {
            assertThat(other.status).isEqualTo(404);
        }
    }

    @Test
    void r15_4_aRevokedKeyStopsTheScreenAtOnceItsOpenStreamEndsAndItCannotReconnect() throws Exception {
        DisplayHall.Ready r = halls.create();
        try (Stream stream = new Stream("/screen/" + r.code() + "/live?key=" + r.key())) {
            assertThat(stream.status).isEqualTo(200);
            assertThat(stream.saw("event:connected", Duration.ofSeconds(3))).isTrue();
            halls.halls.signIn(r.hall().admin());
            keys.revoke(r.site(), r.keyId());
            SecurityContextHolder.clearContext();
            assertThat(stream.ended.get(3, TimeUnit.SECONDS)).as("the open stream ended").isNotNull();
        }
        assertThat(page(r.screen()).statusCode()).isEqualTo(404);
        assertThat(page(r.calls()).statusCode()).isEqualTo(404);
        try (Stream again = new Stream("/screen/" + r.code() + "/live?key=" + r.key())) {
            assertThat(again.status).isEqualTo(404);
        }
    }

    @Test
    void r15_5_aCallReachesTheScreenAndTheCitizensOwnPageWithinTwoSeconds() throws Exception {
        DisplayHall.Ready r = halls.create();
        halls.screenAtTheGate(r, r.second(), r.people().get(1));
        String mine = mvc.perform(post("/appointments/manage").with(csrf()).param("hall", r.code()).param("code", r.second().code())
                .param("phone", r.people().get(1).phone())).andReturn().getResponse().getContentAsString();
        Matcher m = Pattern.compile("data-stream=\"([^\"]+)\"").matcher(mine);
        assertThat(m.find()).as("the citizen's page, opened with code and phone, listens").isTrue();
        String citizenStream = m.group(1);
        try (Stream screen = new Stream("/screen/" + r.code() + "/live?key=" + r.key());
                Stream citizen = new Stream(citizenStream)) {
            assertThat(screen.saw("event:connected", Duration.ofSeconds(3))).isTrue();
            assertThat(citizen.saw("event:connected", Duration.ofSeconds(3))).isTrue();
            halls.halls.signIn(r.hall().admin());
            long start = System.nanoTime();
            assertThat(bookings.callNext(r.site(), r.window3())).isPresent();
            SecurityContextHolder.clearContext();
            assertThat(screen.saw("event:called", Duration.ofSeconds(2))).as("the screen hears of the call in 2 s").isTrue();
            assertThat(citizen.saw("event:called", Duration.ofSeconds(2))).isTrue();
            assertThat(citizen.saw("data:3", Duration.ofSeconds(1))).as("the window, nothing else").isTrue();
            System.out.printf("r15_5 call to screen and citizen stream: %d ms%n", (System.nanoTime() - start) / 1_000_000);
            assertThat(citizen.lines).noneMatch(l -> l.contains(r.second().code()) || l.contains("司马"));
        }
        String calls = page("/screen/" + r.code() + "/part/calls?key=" + r.key()).body();
        assertThat(calls).contains(r.second().displayCode()).contains("请到 3 号窗口")
                .contains("请 " + String.join(" ", r.second().code().split("")) + " 号到 3 号窗口");
    }

    @Test
    void r15_5_theCitizensStreamOpensOnlyWithTheSecondFactor() throws Exception {
        DisplayHall.Ready r = halls.create();
        String codeOnly = mvc.perform(get("/appointments/manage").param("hall", r.code()).param("code", r.first().code()))
                .andReturn().getResponse().getContentAsString();
        assertThat(codeOnly).doesNotContain("data-stream");
        String wrongPhone = mvc.perform(post("/appointments/manage").with(csrf()).param("hall", r.code()).param("code", r.first().code())
                .param("phone", "13900000000")).andReturn().getResponse().getContentAsString();
        assertThat(wrongPhone).doesNotContain("data-stream");
        String mine = mvc.perform(post("/appointments/manage").with(csrf()).param("hall", r.code()).param("code", r.first().code())
                .param("phone", r.people().get(0).phone())).andReturn().getResponse().getContentAsString();
        Matcher m = Pattern.compile("data-stream=\"/appointments/live/(\\d+)\\.(\\d+)\\.(\\d+)\\.([^\"]+)\"").matcher(mine);
        assertThat(m.find()).isTrue();
        String other = r.second().id() + "";
        for (String forged : List.of(m.group(1) + "." + other + "." + m.group(3) + "." + m.group(4),
                m.group(1) + "." + m.group(2) + "." + (Long.parseLong(m.group(3)) + 86400) + "." + m.group(4),
                r.first().code(), "x.y.z.w")) {
            try (Stream s = new Stream("/appointments/live/" + forged)) {
                assertThat(s.status).as(forged).isEqualTo(404);
            }
        }
    }

    @Test
    void rReq2_noPersonalDataInAnyScreenPagePartOrStream() throws Exception {
        DisplayHall.Ready r = halls.create();
        halls.screenAtTheGate(r, r.first(), r.people().get(0));
        halls.screenAtTheGate(r, r.second(), r.people().get(1));
        StringBuilder seen = new StringBuilder();
        try (Stream screen = new Stream("/screen/" + r.code() + "/live?key=" + r.key())) {
            assertThat(screen.saw("event:connected", Duration.ofSeconds(3))).isTrue();
            halls.halls.signIn(r.hall().admin());
            bookings.callNext(r.site(), r.window1());
            SecurityContextHolder.clearContext();
            assertThat(screen.saw("event:called", Duration.ofSeconds(2))).isTrue();
            for (String path : List.of(r.screen(), r.calls(), "/screen/" + r.code() + "/part/figures?key=" + r.key(),
                    "/screen/" + r.code() + "/part/notices?key=" + r.key(), "/screen/" + r.code() + "/part/calls?key=" + r.key())) {
                HttpResponse<String> p = page(path);
                assertThat(p.statusCode()).as(path).isEqualTo(200);
                seen.append(p.body());
            }
            seen.append(String.join("\n", screen.lines));
        }
        String all = seen.toString();
        assertThat(all).as("the screen shows what it should").contains("七步洗手法").contains("3 号窗口")
                .contains(r.first().displayCode()).contains("今日已检测");
        for (DisplayHall.Person p : r.people()) {
            assertThat(all).doesNotContain(p.name()).doesNotContain(p.name().substring(0, 1) + "*")
                    .doesNotContain(p.idNumber()).doesNotContain(p.phone());
        }
        assertThat(Pattern.compile("\\d{17}[\\dXx]").matcher(all).find()).as("no ID number").isFalse();
        assertThat(Pattern.compile("1[3-9]\\d{9}").matcher(all).find()).as("no phone").isFalse();
        assertThat(Pattern.compile("\\d{3}\\*{4}\\d{4}|\\*{4}\\d{4}").matcher(all).find()).as("no masked phone").isFalse();
    }

    @Test
    void r15_4_screenPagesAndStreamsAreRateLimitedPerAddressAndAWrongKeyCounts() throws Exception {
        DisplayHall.Ready r = halls.create();
        org.springframework.test.web.servlet.request.RequestPostProcessor from = req -> {
            req.setRemoteAddr("10.15.4." + (r.keyId() % 250));
            return req;
        };
        int tries = 0;
        int status = 404;
        while (status == 404 && tries < 700) {
            status = mvc.perform(get("/screen/" + r.code()).param("key", "guess" + tries).with(from))
                    .andReturn().getResponse().getStatus();
            tries++;
        }
        assertThat(status).as("guessing keys is stopped").isEqualTo(429);
        assertThat(tries).as("600 in 10 minutes, refilled evenly").isLessThan(700);
        mvc.perform(get("/screen/" + r.code() + "/live").param("key", r.key()).with(from))
                .andExpect(status().isTooManyRequests());
        mvc.perform(get("/appointments/live/1.2.3.x").with(from)).andExpect(status().isTooManyRequests());
        mvc.perform(get("/screen/" + r.code()).param("key", r.key())).andExpect(status().isOk());
    }
}
