package org.hallsafe.platform;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code Authorization: Bearer <device token>} on the API (issue 18, item 1): the gate tablet is signed in as its
 * device for this request; an unknown or revoked token answers 401. Other requests pass untouched (HTTP Basic still
 * works for people). Part of the API's security chain only, not a servlet filter of its own.
 */
final class DeviceTokenFilter extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";

    private final DeviceTokens tokens;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

    DeviceTokenFilter(DeviceTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            chain.doFilter(request, response);
            return;
        }
        Optional<CurrentUser> device = tokens.authenticate(header.substring(BEARER.length()).strip());
        if (device.isEmpty()) {
            SecurityConfiguration.problem(response, 401, "Unauthorized",
                    "The device token is unknown or was revoked: ask the hall's administrator for a new one.");
            return;
        }
        SecurityContext context = contexts.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(device.get(), null,
                device.get().getAuthorities()));
        contexts.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            contexts.clearContext();
        }
    }
}
