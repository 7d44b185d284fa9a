package org.hallsafe.platform;

import java.sql.Connection;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.hallsafe.HallSafeTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 19, item 1, told apart: a database that is gone answers 503 at once; a pool that is only busy keeps the
 * request in line until a connection comes back (a burst of bookings is not an outage).
 */
@HallSafeTest
class BusyPoolIssue19Test {

    @Autowired DataSource dataSource;

    @Test
    void r19_1_aRequestWaitsItsTurnWhileEveryConnectionIsBusy() throws Exception {
        HikariDataSource app = dataSource.unwrap(HikariDataSource.class);
        try (HikariDataSource one = pool(app.getJdbcUrl(), app.getUsername(), app.getPassword())) {
            QuietDatabaseErrors.BusyPoolWaits waits = new QuietDatabaseErrors.BusyPoolWaits(one, Duration.ofSeconds(10));
            CountDownLatch held = new CountDownLatch(1);
            CompletableFuture<Void> holder = CompletableFuture.runAsync(() -> {
                try (Connection c = waits.getConnection()) {
                    held.countDown();
                    Thread.sleep(900);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            assertThat(held.await(10, TimeUnit.SECONDS)).isTrue();
            long start = System.nanoTime();
            try (Connection c = waits.getConnection()) {
                assertThat(c.isValid(1)).isTrue();
            }
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("waited past one pool time-out")
                    .isGreaterThan(Duration.ofMillis(300));
            holder.get(10, TimeUnit.SECONDS);
            // without the wait in line, the same pool refuses the second borrower after its 300 ms
            try (Connection c = one.getConnection()) {
                assertThatThrownBy(one::getConnection).isInstanceOf(SQLTransientConnectionException.class);
            }
        }
    }

    @Test
    void r19_1_aDatabaseThatIsGoneIsToldAtOnce() throws Exception {
        try (HikariDataSource gone = pool("jdbc:postgresql://127.0.0.1:1/hallsafe", "nobody", "x")) {
            QuietDatabaseErrors.BusyPoolWaits waits = new QuietDatabaseErrors.BusyPoolWaits(gone, Duration.ofSeconds(30));
            long start = System.nanoTime();
            assertThatThrownBy(waits::getConnection).isInstanceOf(SQLTransientConnectionException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        }
    }

    private static HikariDataSource pool(String url, String user, String password) {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(url);
        pool.setUsername(user);
        pool.setPassword(password);
        pool.setMaximumPoolSize(1);
        pool.setMinimumIdle(0);
        pool.setConnectionTimeout(300);
        pool.setValidationTimeout(250);
        pool.setInitializationFailTimeout(-1);
        return pool;
    }
}
