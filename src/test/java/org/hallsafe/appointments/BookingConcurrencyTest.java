package org.hallsafe.appointments;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.hallsafe.HallSafeTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * R-SVC-3 "never overbooked": many people booking the same few places at once, through the public JSON API over real
 * HTTP, against PostgreSQL. Capacity holds exactly; everyone else is told "full"; nothing fails.
 */
@HallSafeTest
class BookingConcurrencyTest {

    @LocalServerPort int port;
    @Autowired Fixture fixture;
    @Autowired JdbcClient jdbc;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    /** 200 people at once, 20 on each of 10 slots of 5 places: exactly 50 bookings, 150 answers "full". */
    @RepeatedTest(3)
    void twoHundredPeopleBookingTenSlotsOfFivePlacesGetExactlyFifty() throws Exception {
        Fixture.Ready r = fixture.create(5, 1000);
        List<Long> ten = jdbc.sql("SELECT id FROM slots WHERE site_id = :site AND window_id = :w ORDER BY starts_at LIMIT 10")
                .param("site", r.site()).param("w", r.window1()).query(Long.class).list();
        assertThat(ten).hasSize(10);
        Map<Integer, AtomicInteger> statuses = burst(r, 200, i -> ten.get(i % 10), r.business());

        assertThat(statuses).as("answers by status").containsOnlyKeys(201, 409);
        assertThat(statuses.get(201)).as("booked").hasValue(50);
        assertThat(statuses.get(409)).as("told full").hasValue(150);
        assertThat(jdbc.sql("SELECT count(*) FROM bookings WHERE site_id = :site AND status = 'BOOKED'")
                .param("site", r.site()).query(Integer.class).single()).isEqualTo(50);
        assertThat(jdbc.sql("SELECT booked FROM slots WHERE id IN (:ids)").param("ids", ten).query(Integer.class).list())
                .containsOnly(5);
        assertThat(jdbc.sql("""
                SELECT count(*) FROM slots s WHERE s.id IN (:ids)
                  AND s.booked <> (SELECT count(*) FROM bookings b WHERE b.slot_id = s.id AND b.status = 'BOOKED')""")
                .param("ids", ten).query(Integer.class).single()).as("counters match the bookings").isZero();
    }

    /** Two windows of 5 places at the same time under a hall cap of 6: the hall never holds more than 6. */
    @Test
    void theHallCapBoundsAllWindowsTogether() throws Exception {
        Fixture.Ready r = fixture.create(5, 6);
        long a = fixture.slot(r, r.window1(), "09:00");
        long b = fixture.slot(r, r.window5(), "09:00");
        Map<Integer, AtomicInteger> statuses = burst(r, 40, i -> i % 2 == 0 ? a : b,
                -1);
        assertThat(statuses.get(201)).hasValue(6);
        assertThat(statuses.get(409)).hasValue(34);
        assertThat(jdbc.sql("SELECT booked FROM hall_slots WHERE site_id = :site AND starts_at = :t").param("site", r.site())
                .param("t", java.sql.Timestamp.from(fixture.time(r.monday(), "09:00"))).query(Integer.class).single()).isEqualTo(6);
    }

    /** The same person pressing "book" on ten phones at once holds one booking of the item. */
    @Test
    void onePersonAtOnceOnTenPhonesGetsOneBooking() throws Exception {
        Fixture.Ready r = fixture.create(5, 100);
        String id = Fixture.idNumber();
        List<Long> slotIds = jdbc.sql("SELECT id FROM slots WHERE site_id = :site AND window_id = :w ORDER BY starts_at LIMIT 10")
                .param("site", r.site()).param("w", r.window1()).query(Long.class).list();
        ExecutorService pool = Executors.newFixedThreadPool(10);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            long slot = slotIds.get(i);
            answers.add(pool.submit(() -> {
                go.await();
                return post(r, body(UUID.randomUUID(), r.business(), slot, "孙立新", id, "13807371234")).statusCode();
            }));
        }
        go.countDown();
        List<Integer> codes = new ArrayList<>();
        for (Future<Integer> f : answers) {
            codes.add(f.get(60, TimeUnit.SECONDS));
        }
        pool.shutdown();
        assertThat(codes.stream().filter(c -> c == 201).count()).isEqualTo(1);
        assertThat(codes.stream().filter(c -> c == 400).count()).isEqualTo(9);
        assertThat(jdbc.sql("SELECT sum(booked) FROM slots WHERE site_id = :site").param("site", r.site())
                .query(Integer.class).single()).as("no place held by a refused request").isEqualTo(1);
    }

    private Map<Integer, AtomicInteger> burst(Fixture.Ready r, int people, java.util.function.IntFunction<Long> slotOf,
            long item) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(people);
        CountDownLatch go = new CountDownLatch(1);
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < people; i++) {
            long slot = slotOf.apply(i);
            long itemId = item > 0 ? item : slot == fixture.slot(r, r.window1(), "09:00") ? r.business() : r.socialCard();
            String body = body(UUID.randomUUID(), itemId, slot, "测试" + i, Fixture.idNumber(),
                    "139" + String.format("%08d", i));
            done.add(pool.submit(() -> {
                go.await();
                HttpResponse<String> response = post(r, body);
                statuses.computeIfAbsent(response.statusCode(), k -> new AtomicInteger()).incrementAndGet();
                if (response.statusCode() == 409) {
                    assertThat(response.body()).contains("\"title\":\"full\"");
                }
                return null;
            }));
        }
        go.countDown();
        for (Future<?> f : done) {
            f.get(120, TimeUnit.SECONDS);
        }
        pool.shutdown();
        return statuses;
    }

    private static String body(UUID submission, long item, long slot, String name, String id, String phone) {
        return """
                {"submissionId":"%s","itemId":%d,"slotId":%d,"name":"%s","docType":"ID_CARD","docNo":"%s","phone":"%s","consent":true}"""
                .formatted(submission, item, slot, name, id, phone);
    }

    private HttpResponse<String> post(Fixture.Ready r, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/api/v1/appointments/public/bookings?hall=" + r.code()))
                .header("Content-Type", "application/json").timeout(java.time.Duration.ofSeconds(90))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
