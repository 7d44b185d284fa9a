package org.hallsafe.appointments;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.hallsafe.HallSafeTest;
import org.hallsafe.TestAccounts;
import org.hallsafe.appointments.AppointmentForms.Channel;
import org.hallsafe.appointments.AppointmentForms.Status;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Issue 19, item 6: a check-in by booking code sent many times at once with one submission id (a tablet's retries, two
 * nodes) stores one screening, checks the booking in once, and answers every copy as it answered the first.
 */
@HallSafeTest
class Issue19GateReplayTest {

    private static final int COPIES = 20;

    @LocalServerPort int port;
    @Autowired Fixture fixture;
    @Autowired Bookings bookings;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    /** The copies arrive spread over the first one's work, so some come just as it commits; five bookings in turn. */
    @Test
    void r19_6_parallelReplaysOfACheckInByBookingCodeAnswerTheFirstResult() throws Exception {
        Fixture.Ready r = fixture.create(4, 40);
        for (String time : List.of("09:00", "09:30", "10:00", "10:30", "11:00")) {
            fixture.at(r.monday().minusDays(3), "10:00");
            replayOverHttp(r, booked(r, time));
        }
    }

    private void replayOverHttp(Fixture.Ready r, Bookings.Booking b) throws Exception {
        String body = """
                {"submissionId":"%s","personType":"CITIZEN","mask":"DISPOSABLE_MEDICAL","temperature":36.4,
                 "noSymptoms":true,"bookingCode":"%s"}""".formatted(UUID.randomUUID(), b.code());
        String auth = "Basic " + Base64.getEncoder().encodeToString((r.hall().screener() + ":" + TestAccounts.PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/screening/screenings"))
                .header("Content-Type", "application/json").header("Authorization", auth)
                .timeout(java.time.Duration.ofSeconds(90)).POST(HttpRequest.BodyPublishers.ofString(body)).build();

        // one call first: parallel first sign-ins of an account count against its allowance of unchecked passwords
        HttpRequest warmUp = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/screening/today"))
                .header("Authorization", auth).timeout(java.time.Duration.ofSeconds(90)).GET().build();
        assertThat(http.send(warmUp, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);

        List<String> answers = atOnce(() -> {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() + " " + response.body();
        });

        assertThat(answers.get(0)).startsWith("201 ").contains("\"decision\":\"ADMITTED\"");
        assertThat(answers).as("every copy answers as the first").containsOnly(answers.get(0));
        assertCheckedInOnce(r, b, id -> answers.get(0).contains("\"id\":" + id + ","));
    }

    @Test
    void r19_6_parallelReplaysOfTheGateFormByBookingCodeAnswerTheFirstResult() throws Exception {
        Fixture.Ready r = fixture.create(4, 40);
        Bookings.Booking b = booked(r, "09:30");
        UserDetails screener = fixture.halls().signIn(r.hall().screener());
        String submission = UUID.randomUUID().toString();

        List<String> answers = atOnce(() -> {
            var response = mvc.perform(post("/screening/gate").with(user(screener)).with(csrf())
                    .param("submissionId", submission).param("personType", "CITIZEN").param("mask", "DISPOSABLE_MEDICAL")
                    .param("temperature", "36.4").param("noSymptoms", "true").param("bookingCode", b.code()))
                    .andReturn().getResponse();
            return response.getStatus() + " " + response.getRedirectedUrl();
        });

        assertThat(answers.get(0)).startsWith("302 /screening/gate?last=");
        assertThat(answers).as("every copy answers as the first").containsOnly(answers.get(0));
        assertCheckedInOnce(r, b, id -> answers.get(0).endsWith("?last=" + id));
    }

    private Bookings.Booking booked(Fixture.Ready r, String time) {
        Bookings.Booking b = bookings.book(r.site(), Fixture.form(r.business(), fixture.slot(r, r.window1(), time), "陈静",
                Fixture.idNumber(), Fixture.phone(), Channel.WEB));
        fixture.at(r.monday(), "08:50");
        return b;
    }

    private void assertCheckedInOnce(Fixture.Ready r, Bookings.Booking b, java.util.function.LongPredicate answerNames) {
        Bookings.Booking arrived = bookings.byId(r.site(), b.id());
        assertThat(arrived.status()).isEqualTo(Status.ARRIVED);
        assertThat(answerNames.test(arrived.screeningId())).as("the answer names the stored screening").isTrue();
        assertThat(jdbc.sql("SELECT count(*) FROM screenings WHERE site_id = :site AND screened_at >= :at")
                .param("site", r.site()).param("at", java.sql.Timestamp.from(fixture.time(r.monday(), "08:50")))
                .query(Integer.class).single()).as("one screening stored per booking").isEqualTo(checkedIn(r));
    }

    private int checkedIn(Fixture.Ready r) {
        return jdbc.sql("SELECT count(*) FROM bookings WHERE site_id = :site AND status = 'ARRIVED'").param("site", r.site())
                .query(Integer.class).single();
    }

    private static List<String> atOnce(Callable<String> send) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(COPIES);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<String>> futures = new ArrayList<>();
        for (int i = 0; i < COPIES; i++) {
            int stagger = i * 2;
            futures.add(pool.submit(() -> {
                go.await();
                Thread.sleep(stagger);
                return send.call();
            }));
        }
        go.countDown();
        List<String> answers = new ArrayList<>();
        for (Future<String> f : futures) {
            answers.add(f.get(120, TimeUnit.SECONDS));
        }
        pool.shutdown();
        return answers;
    }
}
