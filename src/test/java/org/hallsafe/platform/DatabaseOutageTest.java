package org.hallsafe.platform;

import java.sql.SQLException;
import java.util.Locale;

import jakarta.servlet.http.HttpServlet;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.transaction.TransactionSystemException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Issue 19, item 1: which failures are the database's being away or too slow, and what the caller gets. */
class DatabaseOutageTest {

    @Test
    void r19_1_connectionFailuresAndStatementTimeOutsAreOutagesBadInputAndBugsAreNot() {
        assertThat(DatabaseOutage.isOutage(new CannotGetJdbcConnectionException("no connection"))).isTrue();
        assertThat(DatabaseOutage.isOutage(new QueryTimeoutException("statement timeout"))).isTrue();
        assertThat(DatabaseOutage.isOutage(new UncategorizedSQLException("query", "SELECT 1",
                new SQLException("canceling statement due to statement timeout", "57014")))).isTrue();
        assertThat(DatabaseOutage.isOutage(new UncategorizedSQLException("query", "SELECT 1",
                new SQLException("terminating connection due to administrator command", "57P01")))).isTrue();
        TransactionSystemException rollbackFailed = new TransactionSystemException("JDBC rollback failed",
                new SQLException("Connection is closed"));
        rollbackFailed.initApplicationException(new CannotGetJdbcConnectionException("broken pipe"));
        assertThat(DatabaseOutage.isOutage(rollbackFailed)).isTrue();
        // Bucket4j's rollback on the connection Hikari closed as broken (seen in DatabaseOutageIssue19Test)
        assertThat(DatabaseOutage.isOutage(new RuntimeException(new SQLException("Connection is closed")))).isTrue();

        assertThat(DatabaseOutage.isOutage(new DataIntegrityViolationException("duplicate",
                new SQLException("duplicate key", "23505")))).isFalse();
        assertThat(DatabaseOutage.isOutage(new IllegalStateException("a bug"))).isFalse();
    }

    @Test
    void r19_1_aStatementTimeOutOfAnApiRequestIs503WithRetryAfterNot500() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/screening/screenings");
        request.addHeader("Accept-Language", "en");
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter().doFilter(request, response, new MockFilterChain(new HttpServlet() {
            @Override
            protected void service(jakarta.servlet.http.HttpServletRequest req,
                    jakarta.servlet.http.HttpServletResponse res) {
                throw new QueryTimeoutException("canceling statement due to statement timeout");
            }
        }));
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(response.getHeader("Retry-After")).isEqualTo("10");
        assertThat(response.getContentAsString()).contains("\"status\":503").contains("Nothing was saved");
    }

    @Test
    void r19_1_anyOtherFailureStaysWhatItWas() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/screening/today");
        assertThatThrownBy(() -> filter().doFilter(request, new MockHttpServletResponse(),
                new MockFilterChain(new HttpServlet() {
                    @Override
                    protected void service(jakarta.servlet.http.HttpServletRequest req,
                            jakarta.servlet.http.HttpServletResponse res) {
                        throw new IllegalStateException("a bug");
                    }
                }))).isInstanceOf(IllegalStateException.class);
    }

    private static DatabaseOutage filter() {
        StaticMessageSource messages = new StaticMessageSource();
        messages.addMessage("unavailable.api", Locale.ENGLISH, "The service is temporarily unavailable. Nothing was saved.");
        return new DatabaseOutage(null, messages);
    }
}
