package org.hallsafe.appointments;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
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
import javax.sql.DataSource;

import org.hallsafe.HallSafeTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 18, item 2: in a booking burst nearly every answer is "full". A full slot is answered from a read of its places,
 * without writing (so without waiting for the row of the slot that the winners are updating); a slot with places left
 * is still taken by the conditional UPDATE alone, so exactly its capacity is confirmed.
 */
@HallSafeTest
class Issue18BookingBurstTest {

    @LocalServerPort int port;
    @Autowired Fixture fixture;
    @Autowired JdbcClient jdbc;
    @Autowired DataSource dataSource;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void r18_2_aFullSlotIsRefusedWithoutAWriteEvenWhileItsRowIsLocked() throws Exception {
        Fixture.Ready r = fixture.create(2, 1000);
        long slot = fixture.slot(r, r.window1(), "09:00");
        for (int i = 0; i < 2; i++) {
            assertThat(post(r, slot, "李" + i, Duration.ofSeconds(60)).statusCode()).isEqualTo(201);
        }
        try (Connection other = dataSource.getConnection()) {
            // another transaction holds the slot's row, as a winner of the burst does until it commits: a request that
            // wrote (UPDATE slots ... WHERE booked < capacity) would wait for it; "full" must not
            other.setAutoCommit(false);
            try (Statement s = other.createStatement()) {
                s.execute("SELECT 1 FROM slots WHERE id = " + slot + " FOR UPDATE");
            }
            HttpResponse<String> full = post(r, slot, "王五", Duration.ofSeconds(10));
            assertThat(full.statusCode()).isEqualTo(409);
            assertThat(full.body()).contains("\"title\":\"full\"").contains("\"slotId\"");
            other.rollback();
        }
        assertThat(jdbc.sql("SELECT booked FROM slots WHERE id = :id").param("id", slot).query(Integer.class).single())
                .isEqualTo(2);
        assertThat(jdbc.sql("SELECT count(*) FROM bookings WHERE site_id = :site").param("site", r.site())
                .query(Integer.class).single()).isEqualTo(2);
    }

    @Test
    void r18_2_sixtyPeopleAtOnceOnFivePlacesGetExactlyFiveBookings() throws Exception {
        Fixture.Ready r = fixture.create(5, 1000);
        long slot = fixture.slot(r, r.window1(), "10:00");
        ExecutorService pool = Executors.newFixedThreadPool(60);
        CountDownLatch go = new CountDownLatch(1);
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            String name = "测试" + i;
            done.add(pool.submit(() -> {
                go.await();
                statuses.computeIfAbsent(post(r, slot, name, Duration.ofSeconds(90)).statusCode(),
                        k -> new AtomicInteger()).incrementAndGet();
                return null;
            }));
        }
        go.countDown();
        for (Future<?> f : done) {
            f.get(120, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertThat(statuses).containsOnlyKeys(201, 409);
        assertThat(statuses.get(201)).hasValue(5);
        assertThat(statuses.get(409)).hasValue(55);
        assertThat(jdbc.sql("SELECT count(*) FROM bookings WHERE slot_id = :id AND status = 'BOOKED'").param("id", slot)
                .query(Integer.class).single()).isEqualTo(5);
        assertThat(jdbc.sql("SELECT booked FROM slots WHERE id = :id").param("id", slot).query(Integer.class).single())
                .isEqualTo(5);
    }

    private HttpResponse<String> post(Fixture.Ready r, long slot, String name, Duration timeout) throws Exception {
        String body = """
                {"submissionId":"%s","itemId":%d,"slotId":%d,"name":"%s","docType":"ID_CARD","docNo":"%s","phone":"%s","consent":true}"""
                .formatted(UUID.randomUUID(), r.business(), slot, name, Fixture.idNumber(), Fixture.phone());
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/api/v1/appointments/public/bookings?hall=" + r.code()))
                .header("Content-Type", "application/json").timeout(timeout)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
