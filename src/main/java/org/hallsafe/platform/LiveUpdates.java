package org.hallsafe.platform;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Collection;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.server.context.WebServerGracefulShutdownLifecycle;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Pages that update without reloading (server-sent events). A change is announced through PostgreSQL
 * {@code NOTIFY}, after its transaction commits, and every node forwards it to the browsers connected to it: a
 * second node misses nothing. The event carries no personal data, only its name; the page then fetches what
 * changed with an ordinary, permission-checked request.
 * <p>
 * A stream sends a comment line every {@code hallsafe.live.heartbeat} (default 25 s), so proxies keep it open and a
 * dead browser is noticed. Switching an account off or resetting its password ends its streams on every node
 * ({@link #endAccount}); the page's reconnect then meets 401 and goes to the sign-in page.
 * <p>
 * A stopping node ends every open stream before the web server waits for the requests in flight (an open stream is
 * one, and would hold the graceful shutdown for its whole time-out); the pages reconnect to another node.
 */
@Component
public class LiveUpdates implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LiveUpdates.class);
    private static final String CHANNEL = "hallsafe_live";
    /** The event that ends the streams of the accounts it names; it is never sent to a browser. */
    private static final String ENDED = NamedStreams.ENDED;

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final AccountStreams accounts = new AccountStreams();
    private final NamedStreams streams = new NamedStreams();
    private final Duration heartbeat;
    private volatile boolean running;
    private Thread listener;
    private ScheduledExecutorService heartbeats;

    LiveUpdates(DataSource dataSource, JdbcClient jdbc, @Value("${hallsafe.live.heartbeat:25s}") Duration heartbeat) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.heartbeat = heartbeat;
    }

    /**
     * Tells the given accounts that {@code event} happened (e.g. {@code incident}); delivered when the current
     * transaction commits, or at once outside one.
     */
    @Transactional
    public void publish(Collection<Long> accountIds, String event) {
        if (accountIds.isEmpty()) {
            return;
        }
        notify(event + "||" + accountIds.stream().map(String::valueOf).collect(Collectors.joining(",")));
    }

    /** Tells everyone signed in to the hall, e.g. that the gate's counts changed. */
    @Transactional
    public void publishToSite(long siteId, String event) {
        notify(event + "|" + siteId + "|");
    }

    /**
     * Ends the open streams of the account on every node, when the current transaction commits (the account was
     * switched off or its password reset). The message names the account's id only.
     */
    @Transactional
    public void endAccount(long accountId) {
        notify(ENDED + "||" + accountId);
    }

    /**
     * A stream without an account, e.g. {@code screen:12} for a display screen's key or {@code booking:7} for a
     * citizen's booking page; its owner checked the key that opened it. It receives the hall's events named in
     * {@code siteEvents} and what {@link #publishToStream} sends it, and starts with a {@code connected} event whose
     * data is {@code hello} (e.g. the build, so a screen reloads after a deploy).
     */
    public SseEmitter subscribeStream(String stream, long siteId, Set<String> siteEvents, String hello) {
        if (!running) {
            SseEmitter ended = new SseEmitter(0L);
            ended.complete();
            return ended;
        }
        return streams.subscribe(stream, siteId, siteEvents, hello);
    }

    /** Sends an event with a short text that names no person (e.g. a window number) to a stream, on every node. */
    @Transactional
    public void publishToStream(String stream, String event, String data) {
        notify("~" + event + "|" + stream + "|" + data);
    }

    /** Ends a stream on every node when the current transaction commits (its key was revoked). */
    @Transactional
    public void endStream(String stream) {
        notify("~" + ENDED + "|" + stream + "|");
    }

    private void notify(String payload) {
        jdbc.sql("SELECT pg_notify('" + CHANNEL + "', :payload)").param("payload", payload).query(Object.class).list();
    }

    /** A browser of the signed-in account listens; the connection lasts until it drops, then the page reconnects. */
    public SseEmitter subscribe(long accountId, long siteId) {
        if (!running) {
            // the node is stopping: end at once, the page reconnects (to another node)
            SseEmitter ended = new SseEmitter(0L);
            ended.complete();
            return ended;
        }
        return accounts.subscribe(accountId, siteId);
    }

    /** {@code event|site|accounts}: a site, or a comma-separated list of accounts. */
    void deliver(String payload) {
        if (payload.startsWith("~")) {
            streams.deliver(payload.substring(1));
            return;
        }
        String[] parts = payload.split("\\|", 3);
        if (parts.length < 3) {
            return;
        }
        String event = parts[0];
        if (ENDED.equals(event)) {
            for (String id : parts[2].split(",")) {
                accounts.end(Long.parseLong(id));
            }
        } else if (!parts[1].isEmpty()) {
            long site = Long.parseLong(parts[1]);
            accounts.sendToSite(site, event);
            streams.sendToSite(site, event);
        } else {
            for (String id : parts[2].split(",")) {
                accounts.send(Long.parseLong(id), event);
            }
        }
    }

    /** A comment line to every open stream; a stream that cannot take it is dropped. */
    void heartbeat() {
        streams.heartbeat();
        accounts.heartbeat();
    }

    private void listen() {
        while (running) {
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("LISTEN " + CHANNEL);
                PGConnection pg = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(500);
                    if (notifications != null) {
                        for (PGNotification n : notifications) {
                            deliver(n.getParameter());
                        }
                    }
                }
            } catch (Exception e) {
                if (running) {
                    log.warn("Live updates lost their database connection; reconnecting in 2 s: {}", e.getMessage());
                    sleep(2000);
                }
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void start() {
        running = true;
        listener = new Thread(this::listen, "hallsafe-live-updates");
        listener.setDaemon(true);
        listener.start();
        heartbeats = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "hallsafe-live-heartbeat");
            t.setDaemon(true);
            return t;
        });
        heartbeats.scheduleWithFixedDelay(this::heartbeat, heartbeat.toMillis(), heartbeat.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        running = false;
        if (heartbeats != null) {
            heartbeats.shutdownNow();
        }
        accounts.endAll();
        streams.endAll();
        if (listener != null) {
            // it sees "running" within half a second and gives its LISTEN connection back before the pool closes
            try {
                listener.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Stops before the web server's graceful shutdown ({@value WebServerGracefulShutdownLifecycle#SMART_LIFECYCLE_PHASE}). */
    @Override
    public int getPhase() {
        return WebServerGracefulShutdownLifecycle.SMART_LIFECYCLE_PHASE + 1024;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
