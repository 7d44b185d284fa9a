package org.hallsafe.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Rate limits on signing in, per user name and per client address, ahead of Spring Security (whose filter chain is
 * ordered -100). A form sign-in counts every attempt; HTTP Basic on {@code /api/**} counts only refused credentials
 * (an API client with a good password calls as often as it needs). Over the limit the sign-in page comes back with
 * 429, {@code Retry-After} and "操作太频繁，请 N 分钟后再试"; the API answers a problem detail. The lock-out after wrong
 * passwords is a separate rule of the accounts.
 */
@Component
@Order(-110)
class SignInRateLimitFilter extends OncePerRequestFilter {

    /** The request attribute the sign-in page reads: minutes to wait. */
    static final String WAIT_MINUTES = "rateLimitMinutes";

    private final RateLimits limits;
    private final MessageSource messages;
    private final org.springframework.web.servlet.LocaleResolver locales;

    SignInRateLimitFilter(RateLimits limits, MessageSource messages, org.springframework.web.servlet.LocaleResolver locales) {
        this.limits = limits;
        this.messages = messages;
        this.locales = locales;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if ("POST".equals(request.getMethod()) && "/login".equals(path)) {
            try {
                limits.consume(RateLimits.Kind.SIGN_IN_ADDRESS, request);
                limits.consume(RateLimits.Kind.SIGN_IN_ACCOUNT, account(request.getParameter("username")));
            } catch (TooManyRequestsException e) {
                e.applyTo(response);
                request.setAttribute(WAIT_MINUTES, e.minutes());
                request.getRequestDispatcher("/login").forward(new HttpServletRequestWrapper(request) {
                    @Override
                    public String getMethod() {
                        return "GET";
                    }
                }, response);
                return;
            }
            chain.doFilter(request, response);
            return;
        }
        String basicUser = path.startsWith("/api/") ? basicUser(request.getHeader("Authorization")) : null;
        if (basicUser == null) {
            chain.doFilter(request, response);
            return;
        }
        String address = RateLimits.address(request);
        String account = account(basicUser);
        try {
            limits.checkNotExhausted(RateLimits.Kind.SIGN_IN_ADDRESS, address);
            limits.checkNotExhausted(RateLimits.Kind.SIGN_IN_ACCOUNT, account);
        } catch (TooManyRequestsException e) {
            e.applyTo(response);
            SecurityConfiguration.problem(response, 429, "Too Many Requests", messages.getMessage(
                    TooManyRequestsException.MESSAGE_KEY, new Object[] {e.minutes()}, locales.resolveLocale(request)));
            return;
        }
        chain.doFilter(request, response);
        if (response.getStatus() == 401) {
            limits.recordFailure(RateLimits.Kind.SIGN_IN_ADDRESS, address);
            limits.recordFailure(RateLimits.Kind.SIGN_IN_ACCOUNT, account);
        }
    }

    /** The user name as a key: case and surrounding spaces ignored, cut short (a megabyte of name is one key). */
    private static String account(String username) {
        return SignInNames.capped(username == null ? "" : username.strip().toLowerCase(Locale.ROOT));
    }

    private static String basicUser(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).strip()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? decoded : decoded.substring(0, colon);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
