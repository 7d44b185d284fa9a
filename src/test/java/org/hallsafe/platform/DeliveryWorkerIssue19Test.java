package org.hallsafe.platform;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;

import org.hallsafe.HallSafeTest;
import org.hallsafe.MutableClock;
import org.hallsafe.TestHall;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 19, item 3: workers of several nodes claim from one outbox; each message goes out once. */
@HallSafeTest
class DeliveryWorkerIssue19Test {

    @Autowired TestHall halls;
    @Autowired JdbcClient jdbc;
    @Autowired MutableClock clock;
    @Autowired DeliveryProperties properties;
    @Autowired PersonalData personalData;
    @Autowired TestSmsGateway gateway;
    @Autowired Deliveries deliveries;

    @AfterEach
    void disarm() {
        gateway.disarm();
    }

    @Test
    void r19_3_threeNodesDrainingOneOutboxAtOnceSendEachMessageOnce() throws Exception {
        gateway.take();
        TestHall.Hall hall = halls.create();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            ids.add(jdbc.sql("""
                    INSERT INTO deliveries (site_id, source, source_id, purpose, channel, recipient, recipient_name,
                        phone_cipher, phone_masked, body_cipher, next_attempt_at, created_at)
                    VALUES (:site, 'test', 'race', 'RACE', 'SMS', :recipient, '测试', :phone, '138****0000', :body, :now, :now)
                    RETURNING id""")
                    .param("site", hall.siteId()).param("recipient", "staff:" + i)
                    .param("phone", personalData.seal("1380000" + String.format("%04d", i), "").cipherText())
                    .param("body", personalData.seal("消息 " + i, "").cipherText())
                    .param("now", Timestamp.from(clock.instant())).query(Long.class).single());
        }
        DeliveryWorker a = new DeliveryWorker(jdbc, clock, properties, personalData, gateway);
        DeliveryWorker b = new DeliveryWorker(jdbc, clock, properties, personalData, gateway);
        java.util.concurrent.ExecutorService nodes = java.util.concurrent.Executors.newFixedThreadPool(3);
        try {
            CyclicBarrier start = new CyclicBarrier(3);
            List<CompletableFuture<Integer>> runs = new ArrayList<>();
            // two more nodes and this application's own worker, all at once
            runs.add(CompletableFuture.supplyAsync(() -> { await(start); return a.drain(); }, nodes));
            runs.add(CompletableFuture.supplyAsync(() -> { await(start); return b.drain(); }, nodes));
            runs.add(CompletableFuture.supplyAsync(() -> { await(start); return deliveries.sendDue(); }, nodes));
            int tried = runs.stream().mapToInt(CompletableFuture::join).sum();

            assertThat(tried).isLessThanOrEqualTo(60);
            for (int i = 0; i < ids.size(); i++) {
                long id = ids.get(i);
                assertThat(gateway.callsFor(id)).as("delivery " + id).singleElement()
                        .satisfies(c -> assertThat(c.text()).startsWith("消息 "));
            }
            assertThat(jdbc.sql("SELECT count(*) FROM deliveries WHERE site_id = :site AND state = 'SENT' AND attempts = 1")
                    .param("site", hall.siteId()).query(Integer.class).single()).isEqualTo(60);
        } finally {
            nodes.shutdownNow();
            a.destroy();
            b.destroy();
        }
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
