package org.hallsafe.platform;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.stereotype.Component;

/**
 * The application's connection pool, set up twice over:
 * <ul>
 * <li>PostgreSQL's errors name the values they refused ("Key (code)=(K7Q2…) already exists"): a booking code, a
 * phone hash or a name would reach the log with the exception. The driver's {@code logServerErrorDetail=false}
 * leaves that detail out of every exception message; the error and the constraint's name stay (issue #12, item
 * 14).</li>
 * <li>A request waits {@code connection-timeout} (1.2 s) for a connection and then answers 503, so a database that is
 * gone is told at once (issue #19, item 1). A pool that is merely busy (every connection lent out, the last new
 * connection made without failure) is not an outage: there the request keeps its place in line, up to
 * {@code hallsafe.db.busy-wait} (30 s) in all. A burst of 200 bookings at once on two slow cores had answered 503 to
 * people the database would have served a second later (BookingConcurrencyTest).</li>
 * </ul>
 */
@Component
class QuietDatabaseErrors implements BeanPostProcessor {

    private final Duration busyWait;
    private final boolean standbyReads;
    private final ObjectProvider<Standby> standby;

    QuietDatabaseErrors(@Value("${hallsafe.db.busy-wait:30s}") Duration busyWait,
            @Value("${hallsafe.db.read-url:}") String readUrl, ObjectProvider<Standby> standby) {
        this.busyWait = busyWait;
        this.standbyReads = !readUrl.isBlank();
        this.standby = standby;
    }

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource hikari) {
            hikari.addDataSourceProperty("logServerErrorDetail", "false");
        }
        return bean;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (!(bean instanceof HikariDataSource hikari)) {
            return bean;
        }
        // issue 18, item 3: with a standby, reads marked @StandbyRead may take their connections from it
        BusyPoolWaits primary = new BusyPoolWaits(hikari, busyWait);
        return standbyReads ? new StandbyRouting(primary, standby) : primary;
    }

    /** Asks the pool again while it times out only because every connection is in use. */
    static final class BusyPoolWaits extends DelegatingDataSource implements AutoCloseable {

        private final HikariDataSource pool;
        private final long busyWaitNanos;

        BusyPoolWaits(HikariDataSource pool, Duration busyWait) {
            super(pool);
            this.pool = pool;
            this.busyWaitNanos = busyWait.toNanos();
        }

        @Override
        public Connection getConnection() throws SQLException {
            long start = System.nanoTime();
            while (true) {
                try {
                    return pool.getConnection();
                } catch (SQLTransientConnectionException timedOut) {
                    if (!busy(timedOut) || System.nanoTime() - start > busyWaitNanos) {
                        throw timedOut;
                    }
                }
            }
        }

        /**
         * Hikari attaches the last failure to make a connection to its time-out; none, with the pool full, means the
         * database is there and answering, only busy (the one idle connection a time-out may report is on its way
         * to another borrower). A database that is gone fails its connections' checks and new connections, so the
         * pool is not full or the failure is attached. Only when every connection hangs on a network that drops
         * packets does a request wait its full turn; those connections end by the driver's socket time-out.
         */
        private boolean busy(SQLTransientConnectionException timedOut) {
            HikariPoolMXBean bean = pool.getHikariPoolMXBean();
            return timedOut.getCause() == null && bean != null && !pool.isClosed()
                    && bean.getTotalConnections() >= pool.getMaximumPoolSize();
        }

        @Override
        public void afterPropertiesSet() {
            // the pool is set up by its own bean definition
        }

        /** Spring closes the bean it holds, this one, when the node stops: the pool closes with it. */
        public void close() {
            pool.close();
        }
    }
}
