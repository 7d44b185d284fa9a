package org.hallsafe.platform;

import java.lang.management.ManagementFactory;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends the outbox ({@link Deliveries}). A claim is one UPDATE … FOR UPDATE SKIP LOCKED that marks due rows SENDING
 * with this node's name and a lease, so several nodes never claim one row together, and a row whose lease ran out
 * (its node died mid-send) is claimed again by whichever node looks next. Messages go out on a small pool of sender
 * threads, outside any transaction; a SENT row is never claimed again. A failure waits first-retry, doubled after each
 * further failure, and is given up as FAILED after max-attempts.
 * <p>
 * A node that dies after the gateway took a message but before it was marked SENT leaves a lease that runs out: the
 * message is sent again. The gateway receives the delivery's id ({@code hallsafe-<id>}) to drop such a repeat.
 */
@Component
class DeliveryWorker implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final DeliveryProperties properties;
    private final PersonalData personalData;
    private final SmsGateway gateway;
    /** This node in the lease: host and process, and a random part so a restarted process is another owner. */
    private final String owner;
    private final ExecutorService senders;
    private final ExecutorService waker;
    private final AtomicBoolean wakeQueued = new AtomicBoolean();

    DeliveryWorker(JdbcClient jdbc, Clock clock, DeliveryProperties properties, PersonalData personalData,
            SmsGateway gateway) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
        this.personalData = personalData;
        this.gateway = gateway;
        this.owner = PlainText.Rules.truncate(ManagementFactory.getRuntimeMXBean().getName(), 60) + "/"
                + UUID.randomUUID().toString().substring(0, 8);
        AtomicInteger n = new AtomicInteger();
        this.senders = Executors.newFixedThreadPool(properties.senders(), r -> daemon(r, "sms-sender-" + n.incrementAndGet()));
        this.waker = Executors.newSingleThreadExecutor(r -> daemon(r, "sms-worker"));
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** The periodic look, for retries that came due and leases that ran out; it only hands over to the worker thread. */
    @Scheduled(fixedDelayString = "${hallsafe.deliveries.poll:10s}", initialDelayString = "${hallsafe.deliveries.poll:10s}")
    void poll() {
        wake();
    }

    /** Sends what is due on the worker thread, soon; wakes that come while one is queued are one. Never blocks. */
    void wake() {
        if (wakeQueued.compareAndSet(false, true)) {
            try {
                waker.execute(() -> {
                    wakeQueued.set(false);
                    try {
                        drain();
                    } catch (RuntimeException e) {
                        log.warn("Sending the outbox failed, tried again at the next look: {}", e.getMessage());
                    }
                });
            } catch (java.util.concurrent.RejectedExecutionException stopping) {
                wakeQueued.set(false);
            }
        }
    }

    record Claimed(long id, String recipientName, byte[] phone, String phoneMasked, byte[] body, int attempts) {
    }

    /** Claims and sends due deliveries until none is due; waits for the sends. Returns deliveries tried. */
    int drain() {
        int total = 0;
        List<Claimed> batch;
        while (!(batch = claim(properties.senders())).isEmpty()) {
            List<Future<?>> sends = new ArrayList<>();
            for (Claimed c : batch) {
                sends.add(senders.submit(() -> send(c)));
            }
            for (Future<?> f : sends) {
                try {
                    f.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return total;
                } catch (ExecutionException e) {
                    log.warn("A delivery could not be sent or marked: {}", e.getCause().getMessage());
                }
            }
            total += batch.size();
        }
        return total;
    }

    List<Claimed> claim(int limit) {
        Instant now = clock.instant();
        return jdbc.sql("""
                UPDATE deliveries d SET state = 'SENDING', lease_owner = :owner, lease_until = :until, attempts = d.attempts + 1
                FROM (SELECT id FROM deliveries
                      WHERE (state IN ('PENDING','RETRYING') AND next_attempt_at <= :now) OR (state = 'SENDING' AND lease_until < :now)
                      ORDER BY next_attempt_at LIMIT :limit FOR UPDATE SKIP LOCKED) due
                WHERE d.id = due.id
                RETURNING d.id, d.recipient_name, d.phone_cipher, d.phone_masked, d.body_cipher, d.attempts""")
                .param("owner", owner).param("until", Timestamp.from(now.plus(properties.lease())))
                .param("now", Timestamp.from(now)).param("limit", limit)
                .query((rs, n) -> new Claimed(rs.getLong(1), rs.getString(2), rs.getBytes(3), rs.getString(4), rs.getBytes(5), rs.getInt(6)))
                .list();
    }

    /** One message, outside any transaction: the row is marked by its own statement afterwards, if still ours. */
    void send(Claimed c) {
        try {
            String text = java.util.Objects.toString(personalData.open(c.body()), "");
            if (gateway.configured() && c.phone() != null) {
                gateway.deliver(personalData.open(c.phone()), text, "hallsafe-" + c.id());
            } else {
                gateway.log(c.recipientName(), c.phoneMasked(), text);
            }
        } catch (RuntimeException e) {
            failed(c, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            return;
        }
        int marked = jdbc.sql("""
                UPDATE deliveries SET state = 'SENT', sent_at = :now, lease_owner = NULL, lease_until = NULL, last_error = NULL
                WHERE id = :id AND lease_owner = :owner AND state = 'SENDING'""")
                .param("now", Timestamp.from(clock.instant())).param("id", c.id()).param("owner", owner).update();
        if (marked == 0) {
            log.warn("Delivery {} was sent after its lease ran out; another node had taken it over.", c.id());
        }
    }

    private void failed(Claimed c, String error) {
        Instant now = clock.instant();
        boolean last = c.attempts() >= properties.maxAttempts();
        jdbc.sql("""
                UPDATE deliveries SET state = :state, next_attempt_at = :next, last_error = :error,
                       lease_owner = NULL, lease_until = NULL
                WHERE id = :id AND lease_owner = :owner AND state = 'SENDING'""")
                .param("state", last ? "FAILED" : "RETRYING")
                .param("next", Timestamp.from(last ? now : now.plus(properties.backOff(c.attempts()))))
                .param("error", PlainText.Rules.truncate(error, 300)).param("id", c.id()).param("owner", owner).update();
        log.warn("Delivery {} failed (try {} of {}): {}", c.id(), c.attempts(), properties.maxAttempts(), error);
    }

    /** A stopping node sends nothing more; a claim it still holds runs out and another node takes it over. */
    @Override
    public void destroy() throws InterruptedException {
        waker.shutdownNow();
        senders.shutdown();
        if (!senders.awaitTermination(5, TimeUnit.SECONDS)) {
            senders.shutdownNow();
        }
    }
}
