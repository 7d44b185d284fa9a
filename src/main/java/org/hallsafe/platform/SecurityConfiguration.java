package org.hallsafe.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Two ways in. Pages: form sign-in, a session kept in PostgreSQL (so any node serves it), CSRF on every form.
 * API and metrics: HTTP Basic, no session and so no CSRF exposure, errors as RFC 9457 problem details.
 * What each person may do is checked per operation with {@code @PreAuthorize} on permissions.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    static final String LAST_USERNAME = "hallsafe.lastUsername";

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http, DeviceTokens devices) throws Exception {
        http.securityMatcher("/api/**", "/actuator/**")
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        // citizens book without an account (R-SVC-3)
                        .requestMatchers("/api/v1/appointments/public/**").permitAll()
                        // citizens apply for agency service and follow it with code and phone (issue 14)
                        .requestMatchers("/api/v1/agency/public/**").permitAll()
                        // published notices, read by anyone (issue 15)
                        .requestMatchers(org.springframework.http.HttpMethod.GET, "/api/v1/notices/public", "/api/v1/notices/public/**").permitAll()
                        .requestMatchers("/actuator/**").hasAuthority(Permissions.METRICS_VIEW)
                        .anyRequest().authenticated())
                .httpBasic(b -> b.authenticationEntryPoint((request, response, e) -> {
                    // issue 19: the account could not be read (database down): DatabaseOutage answers 503, not 401
                    if (e instanceof org.springframework.security.authentication.AuthenticationServiceException) {
                        throw e;
                    }
                    problem(response, 401);
                }))
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((request, response, ex) -> problem(response, 401))
                        .accessDeniedHandler((request, response, ex) -> problem(response, 403)))
                // gate tablets: Authorization: Bearer <device token> (issue 18), before HTTP Basic
                .addFilterBefore(new DeviceTokenFilter(devices),
                        org.springframework.security.web.authentication.www.BasicAuthenticationFilter.class)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .headers(SecurityHeaders::apply)
                .csrf(c -> c.disable());
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pageChain(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(a -> a
                        .requestMatchers("/login", "/setup/**", "/webjars/**", "/css/**", "/js/**", "/favicon.ico", "/favicon.svg",
                                "/error")
                        .permitAll()
                        // the citizens' booking pages: no account, a phone and the confirmation code are the key
                        .requestMatchers("/appointments/book", "/appointments/book/**", "/appointments/booked",
                                "/appointments/qr/**", "/appointments/manage", "/appointments/manage/**")
                        .permitAll()
                        // the hall's display screens open with their key, a citizen's call stream with its signed token
                        .requestMatchers("/screen/**", "/audio/**", "/appointments/live/**").permitAll()
                        // the citizens' agency pages (issue 14): apply, the code once, the look-up by code and phone
                        .requestMatchers("/agency/apply", "/agency/applied", "/agency/status").permitAll()
                        // the public notice page, feed, fragment and pictures (issue 15)
                        .requestMatchers(org.springframework.http.HttpMethod.GET, "/public/notices", "/public/notices/**").permitAll()
                        // a one-time sign-in link: its person chooses a password (issue 16, item 8)
                        .requestMatchers("/welcome/*").permitAll()
                        .anyRequest().authenticated())
                .formLogin(f -> f.loginPage("/login")
                        .defaultSuccessUrl("/", false)
                        .failureHandler(failureHandler()))
                .logout(l -> l.logoutSuccessUrl("/login?signedOut"))
                .exceptionHandling(e -> e.authenticationEntryPoint(signInOrLiveRefused()))
                .headers(SecurityHeaders::apply);
        return http.build();
    }

    /**
     * Pages without a session go to the sign-in page; the live stream answers 401, so that the page's reconnect after
     * its account was switched off stops and goes to the sign-in page (hallsafe.js) instead of retrying for ever.
     */
    private static org.springframework.security.web.AuthenticationEntryPoint signInOrLiveRefused() {
        var live = PathPatternRequestMatcher.withDefaults().matcher("/live");
        var signIn = new LoginUrlAuthenticationEntryPoint("/login");
        return (request, response, e) -> {
            if (live.matches(request)) {
                response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            } else {
                signIn.commence(request, response, e);
            }
        };
    }

    /**
     * A failed sign-in keeps the typed user name (cut to the longest possible) and says the same for a wrong
     * password, a locked and a switched-off account, so nobody learns which accounts exist or are locked; the audit
     * log records the real reason.
     */
    private static SimpleUrlAuthenticationFailureHandler failureHandler() {
        return new SimpleUrlAuthenticationFailureHandler() {
            @Override
            public void onAuthenticationFailure(jakarta.servlet.http.HttpServletRequest request,
                    HttpServletResponse response, org.springframework.security.core.AuthenticationException e)
                    throws IOException {
                // issue 19: the account could not be read (database down): DatabaseOutage answers 503, not "wrong
                // password" (the session that would keep the user name is in the database as well)
                if (e instanceof org.springframework.security.authentication.AuthenticationServiceException) {
                    throw e;
                }
                request.getSession().setAttribute(LAST_USERNAME, SignInNames.capped(request.getParameter("username")));
                getRedirectStrategy().sendRedirect(request, response, "/login?error");
            }
        };
    }

    private static void problem(HttpServletResponse response, int status) throws IOException {
        problem(response, status, status == 401 ? "Unauthorized" : "Forbidden",
                status == 401 ? "Sign in with HTTP Basic: user name and password of a HallSafe account."
                        : "Your role does not have the permission this operation needs.");
    }

    /** A problem detail (RFC 9457) written by a filter, before Spring MVC and its {@code ApiErrors} are reached. */
    static void problem(HttpServletResponse response, int status, String title, String detail) throws IOException {
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        if (status == 401) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"HallSafe\"");
        }
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + json(title) + "\",\"status\":" + status
                + ",\"detail\":\"" + json(detail) + "\"}");
    }

    private static String json(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * BCrypt at {@code hallsafe.security.password-strength} (hashes stored as {@code {bcrypt}…}), with a short memory
     * of passwords that matched: see {@link VerifiedPasswords}.
     */
    @Bean
    VerifiedPasswords passwordEncoder(HallSafeProperties properties) {
        return new VerifiedPasswords(bcrypt(properties.security().passwordStrength()), java.time.Duration.ofMinutes(5), 10_000);
    }

    static PasswordEncoder bcrypt(int strength) {
        return new DelegatingPasswordEncoder("bcrypt", java.util.Map.of("bcrypt", new BCryptPasswordEncoder(strength)));
    }
}
