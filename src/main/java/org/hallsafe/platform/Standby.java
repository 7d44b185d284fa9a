package org.hallsafe.platform;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.core.env.Environment;

/**
 * The streaming standby that {@link StandbyRead} methods read from (issue 18, item 3): its own connection pool (the
 * same {@code spring.datasource.hikari.*} settings as the primary's), and whether reads go there now. A background
 * check every {@code hallsafe.db.standby-check-interval} (1 s) asks the primary for its WAL position and the standby
 * for what it has replayed (two one-row queries; nothing per read): reads go to the standby while it answers, is in
 * recovery and lags at most {@code hallsafe.db.standby-max-lag} (5 s), to the primary otherwise. A standby that fails
 * to give a connection to a read is taken as down at once, until the next check finds it back. The health component
 * {@code standby} and the metrics {@code hallsafe.db.standby.*} say where reads go and why.
 */
class Standby implements HealthIndicator, InitializingBean, DisposableBean {

    /** Where reads go now and why: {@code ok}, {@code lag}, {@code unreachable}, {@code not-a-standby}, ... */
    record State(boolean used, String reason, double lagSeconds) {
    }

    private static final Logger log = LoggerFactory.getLogger(Standby.class);

    private final HikariDataSource pool;
    private final DataSource primary;
    private final MeterRegistry meters;
    private final Duration maxLag;
    private final Duration interval;
    private final StandbyLag lag;
    private final ScheduledExecutorService checker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "standby-check");
        thread.setDaemon(true);
        return thread;
    });
    private volatile State state = new State(false, "starting", Double.NaN);

    Standby(StandbyProperties properties, DataSource primary, MeterRegistry meters, Environment environment) {
        this.primary = primary;
        this.meters = meters;
        this.maxLag = properties.standbyMaxLag();
        this.interval = properties.standbyCheckInterval();
        this.lag = new StandbyLag(maxLag.multipliedBy(2).plus(interval).toNanos());
        HikariDataSource hikari = new HikariDataSource();
        Binder.get(environment).bind("spring.datasource.hikari", Bindable.ofInstance(hikari));
        hikari.setPoolName("standby");
        hikari.setJdbcUrl(properties.readUrl());
        hikari.setUsername(properties.readUser().isBlank() ? null : properties.readUser());
        hikari.setPassword(properties.readPassword().isBlank() ? null : properties.readPassword());
        hikari.setReadOnly(true);
        // a standby that is down must not stop HallSafe from starting: the pool connects in the background
        hikari.setInitializationFailTimeout(-1);
        hikari.addDataSourceProperty("logServerErrorDetail", "false");
        hikari.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(meters));
        this.pool = hikari;
        Gauge.builder("hallsafe.db.standby.used", this, s -> s.state.used() ? 1 : 0)
                .description("1 while reads marked @StandbyRead go to the standby, 0 while they go to the primary")
                .register(meters);
        Gauge.builder("hallsafe.db.standby.lag", this, s -> s.state.lagSeconds())
                .baseUnit("seconds").description("how far the standby was behind the primary at the last check")
                .register(meters);
    }

    @Override
    public void afterPropertiesSet() {
        checker.scheduleWithFixedDelay(this::check, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    State state() {
        return state;
    }

    /** A connection to the standby, for a read that {@link #state()} sent there. */
    Connection connection() throws SQLException {
        return pool.getConnection();
    }

    /**
     * The standby gave no connection to a read, which then runs on the primary. A pool that is only busy (every
     * connection lent out, none failing) keeps the standby in use; any other failure takes it out until a check finds
     * it back.
     */
    String failed(SQLException e) {
        boolean busy = e instanceof SQLTransientConnectionException && e.getCause() == null
                && pool.getHikariPoolMXBean() != null
                && pool.getHikariPoolMXBean().getTotalConnections() >= pool.getMaximumPoolSize();
        if (busy) {
            return "busy";
        }
        change(new State(false, "unreachable", Double.NaN), e);
        return "unreachable";
    }

    /** One read of a {@link StandbyRead} method, counted by where it ran and why. */
    void count(boolean onStandby, String reason) {
        Counter.builder("hallsafe.db.standby.reads").description("reads marked @StandbyRead, by where they ran and why")
                .tag("target", onStandby ? "standby" : "primary").tag("reason", reason).register(meters).increment();
    }

    /** Asks the primary where it is and the standby what it has replayed; decides where reads go. */
    synchronized void check() {
        long now = System.nanoTime();
        try {
            long primaryLsn;
            try (Connection c = primary.getConnection(); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT pg_current_wal_lsn()::text")) {
                rs.next();
                primaryLsn = StandbyLag.lsn(rs.getString(1));
            } catch (SQLException e) {
                change(new State(false, "primary-unreachable", Double.NaN), e);
                return;
            }
            lag.primaryAt(now, primaryLsn);
            try (Connection c = pool.getConnection(); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT pg_is_in_recovery(), pg_last_wal_replay_lsn()::text")) {
                rs.next();
                if (!rs.getBoolean(1) || rs.getString(2) == null) {
                    change(new State(false, "not-a-standby", Double.NaN), null);
                    return;
                }
                long behind = lag.lagNanos(System.nanoTime(), StandbyLag.lsn(rs.getString(2)));
                double seconds = behind / 1e9;
                change(behind <= maxLag.toNanos() ? new State(true, "ok", seconds) : new State(false, "lag", seconds),
                        null);
            } catch (SQLException e) {
                change(new State(false, "unreachable", Double.NaN), e);
            }
        } catch (RuntimeException e) {
            change(new State(false, "check-failed", Double.NaN), e);
        }
    }

    private void change(State next, Exception cause) {
        State before = state;
        state = next;
        if (before.used() != next.used() || !before.reason().equals(next.reason())) {
            if (next.used()) {
                log.info("Reads marked @StandbyRead go to the standby again (lag {} s)", round(next.lagSeconds()));
            } else {
                log.warn("Reads marked @StandbyRead go to the primary: the standby is {} (lag {} s{})", next.reason(),
                        round(next.lagSeconds()), cause == null ? "" : "; " + cause.getMessage());
            }
        }
    }

    private static String round(double seconds) {
        return Double.isNaN(seconds) ? "unknown" : String.format("%.1f", seconds);
    }

    /** Always UP: a standby that is away costs the primary some reads, not the service. */
    @Override
    public Health health() {
        State s = state;
        Health.Builder health = Health.up().withDetail("reads", s.used() ? "standby" : "primary")
                .withDetail("reason", s.reason()).withDetail("maxLagSeconds", maxLag.toMillis() / 1000.0);
        if (!Double.isNaN(s.lagSeconds())) {
            health.withDetail("lagSeconds", s.lagSeconds());
        }
        return health.build();
    }

    @Override
    public void destroy() {
        checker.shutdownNow();
        pool.close();
    }
}
