package org.hallsafe.platform;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Supplier;
import javax.sql.DataSource;

import jakarta.servlet.http.Cookie;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The application's {@code dataSource} when a standby is configured: connections come from the primary, except for a
 * thread inside a {@link StandbyRead} method that the {@link Interceptor} sent to the standby. A standby that gives no
 * connection costs the read nothing but the wait: it runs on the primary.
 */
final class StandbyRouting extends DelegatingDataSource implements AutoCloseable {

    /** The cookie a browser gets with every change it sends: its reads stay on the primary for the standby's lag. */
    static final String WROTE_COOKIE = "HALLSAFE_WROTE";

    /** Where the current {@link StandbyRead} call reads, and why; null outside one. */
    private static final ThreadLocal<Route> ROUTE = new ThreadLocal<>();

    private static final class Route {
        boolean standby;
        String reason;

        Route(boolean standby, String reason) {
            this.standby = standby;
            this.reason = reason;
        }
    }

    private final ObjectProvider<Standby> standby;

    StandbyRouting(DataSource primary, ObjectProvider<Standby> standby) {
        super(primary);
        this.standby = standby;
    }

    @Override
    public Connection getConnection() throws SQLException {
        Route route = ROUTE.get();
        if (route != null && route.standby) {
            Standby s = standby.getObject();
            try {
                return s.connection();
            } catch (SQLException e) {
                route.standby = false;
                route.reason = s.failed(e);
            }
        }
        return super.getConnection();
    }

    /** True while this thread reads from the standby. */
    static boolean onStandby() {
        Route route = ROUTE.get();
        return route != null && route.standby;
    }

    /** Runs {@code work} with its connections from the primary, inside a {@link StandbyRead} call that reads from the standby. */
    static <T> T onPrimary(Supplier<T> work) {
        Route route = ROUTE.get();
        ROUTE.set(new Route(false, "write"));
        try {
            return work.get();
        } finally {
            ROUTE.set(route);
        }
    }

    @Override
    public void afterPropertiesSet() {
        // the primary pool is set up by its own bean definition
    }

    /** Spring closes the bean it holds, this one, when the node stops: the primary pool closes with it. */
    @Override
    public void close() throws Exception {
        if (getTargetDataSource() instanceof AutoCloseable pool) {
            pool.close();
        }
    }

    /** Decides, once per {@link StandbyRead} call, where it reads; counts the call by where it ran and why. */
    static final class Interceptor implements MethodInterceptor {

        private final ObjectProvider<Standby> standby;

        Interceptor(ObjectProvider<Standby> standby) {
            this.standby = standby;
        }

        @Override
        public Object invoke(MethodInvocation invocation) throws Throwable {
            if (ROUTE.get() != null) {
                return invocation.proceed();
            }
            Standby s = standby.getObject();
            if (TransactionSynchronizationManager.isActualTransactionActive()) {
                s.count(false, "in-transaction");
                return invocation.proceed();
            }
            Standby.State state = s.state();
            Route route = !state.used() ? new Route(false, state.reason())
                    : wroteRecently() ? new Route(false, "recent-write") : new Route(true, "ok");
            ROUTE.set(route);
            try {
                return invocation.proceed();
            } finally {
                ROUTE.remove();
                s.count(route.standby, route.reason);
            }
        }

        private static boolean wroteRecently() {
            if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                    && attributes.getRequest().getCookies() != null) {
                for (Cookie cookie : attributes.getRequest().getCookies()) {
                    if (WROTE_COOKIE.equals(cookie.getName())) {
                        return true;
                    }
                }
            }
            return false;
        }
    }
}
