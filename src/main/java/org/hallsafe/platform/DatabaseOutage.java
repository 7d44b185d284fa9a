package org.hallsafe.platform;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.filter.OncePerRequestFilter;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

/**
 * The database cannot be reached, or a statement of this request ran out of its time (issue 19, item 1): every
 * request, whatever filter or page met the failure (the session store, the rate limits, the sign-in, a page, the
 * API), answers 503 at once instead of 500 or 401. The API and the actuator get a problem detail with
 * {@code Retry-After}; pages get a short page that says nothing was saved. The filter runs first of all (before the
 * session store, which is itself in PostgreSQL), so it can answer even when no session can be read; that is also why
 * the page's language is the {@code lang} parameter or the browser's, not the one chosen in the session.
 */
@Component
@Order(Integer.MIN_VALUE + 10)
class DatabaseOutage extends OncePerRequestFilter {

    /** Seconds a client is asked to wait: a restarting PostgreSQL is back within a few seconds. */
    static final int RETRY_AFTER_SECONDS = 10;

    /**
     * SQLSTATEs of an unreachable or stopping server: class 08 (connection), 57014 (a statement time-out or cancel),
     * 57P01..57P03 (shut down, crashed, starting), 53300 (too many connections).
     */
    private static final Set<String> STATES = Set.of("57014", "57P01", "57P02", "57P03", "53300");

    private static final Logger log = LoggerFactory.getLogger(DatabaseOutage.class);

    private final ITemplateEngine templates;
    private final MessageSource messages;

    DatabaseOutage(ITemplateEngine templates, MessageSource messages) {
        this.templates = templates;
        this.messages = messages;
    }

    /** True when the failure is the database's being unreachable or too slow, not a fault of HallSafe or the input. */
    static boolean isOutage(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DataAccessResourceFailureException || t instanceof TransientDataAccessResourceException
                    || t instanceof QueryTimeoutException || t instanceof CannotCreateTransactionException
                    || t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                    || t instanceof SQLRecoverableException || t instanceof SQLTimeoutException) {
                return true;
            }
            // a rollback that failed on the dead connection hides the failure that made it roll back
            if (t instanceof TransactionSystemException failed && failed.getApplicationException() != null
                    && isOutage(failed.getApplicationException())) {
                return true;
            }
            // Hikari's answer on a connection it already closed as broken (no SQLSTATE), e.g. Bucket4j's rollback
            // after the statement failed on a dead connection: the failure itself is lost
            if (t instanceof SQLException closed && closed.getSQLState() == null
                    && "Connection is closed".equals(closed.getMessage())) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || STATES.contains(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(isStaticFile(request) ? withoutCookies(request) : request, response);
        } catch (IOException | ServletException | RuntimeException e) {
            if (!isOutage(e) || response.isCommitted()) {
                throw e;
            }
            log.warn("The database is unavailable: {} {} answered 503 ({})", request.getMethod(),
                    request.getRequestURI(), rootMessage(e));
            answer(request, response);
        }
    }

    private void answer(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.reset();
        response.setHeader("Retry-After", String.valueOf(RETRY_AFTER_SECONDS));
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean api = path.startsWith("/api/") || path.startsWith("/actuator/");
        Locale locale = locale(request, api);
        if (api) {
            SecurityConfiguration.problem(response, 503, "Service Unavailable",
                    messages.getMessage("unavailable.api", null, locale));
            return;
        }
        response.setStatus(503);
        response.setHeader("Content-Security-Policy", SecurityHeaders.CONTENT_SECURITY_POLICY);
        response.setContentType("text/html;charset=UTF-8");
        Locale other = Locale.ENGLISH.equals(locale) ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
        WebContext context = new WebContext(JakartaServletWebApplication.buildApplication(request.getServletContext())
                .buildExchange(request, response), locale);
        context.setVariable("otherLanguage", other.toLanguageTag());
        context.setVariable("otherTitle", messages.getMessage("unavailable.title", null, other));
        context.setVariable("otherText", messages.getMessage("unavailable.text", null, other));
        templates.process("unavailable", context, response.getWriter());
    }

    /**
     * The API follows {@code Accept-Language}, as {@link ApiErrors} does. Pages are Chinese unless {@code ?lang=en}:
     * the language chosen in the session cannot be read now, and the page shows the other language below anyway.
     */
    static Locale locale(HttpServletRequest request, boolean api) {
        String lang = api ? request.getHeader("Accept-Language") : request.getParameter("lang");
        return lang != null && lang.strip().toLowerCase(Locale.ROOT).startsWith("en") ? Locale.ENGLISH
                : Locale.SIMPLIFIED_CHINESE;
    }

    /**
     * HallSafe's style sheets and scripts need no session. Without the cookie the session store (in PostgreSQL) is not
     * asked for them, so the 503 page keeps its look while the database is away, and a page's assets cost no session
     * look-up.
     */
    private static boolean isStaticFile(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return "GET".equals(request.getMethod()) && (path.startsWith("/webjars/") || path.startsWith("/css/")
                || path.startsWith("/js/") || path.equals("/favicon.ico") || path.equals("/favicon.svg"));
    }

    private static HttpServletRequest withoutCookies(HttpServletRequest request) {
        return new jakarta.servlet.http.HttpServletRequestWrapper(request) {
            @Override
            public jakarta.servlet.http.Cookie[] getCookies() {
                return null;
            }

            @Override
            public String getHeader(String name) {
                return "Cookie".equalsIgnoreCase(name) ? null : super.getHeader(name);
            }

            @Override
            public java.util.Enumeration<String> getHeaders(String name) {
                return "Cookie".equalsIgnoreCase(name) ? java.util.Collections.emptyEnumeration() : super.getHeaders(name);
            }

            @Override
            public String getRequestedSessionId() {
                return null;
            }
        };
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
