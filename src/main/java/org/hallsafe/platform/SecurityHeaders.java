package org.hallsafe.platform;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The response headers every page and API answer carries (issue #12, item 14).
 * <ul>
 * <li>Content-Security-Policy: scripts and style sheets only from HallSafe itself, never inline, so an injected
 * {@code <script>} or {@code onclick} does not run. Style <em>attributes</em> are refused too: the templates use
 * classes, and what the libraries set from script (ECharts, Bootstrap, htmx) goes through the CSSOM, which CSP does
 * not govern. htmx's own indicator {@code <style>} is switched off in the layout's {@code htmx-config}. Only the
 * API documentation (Swagger UI) may set inline styles.</li>
 * <li>Referrer-Policy {@code same-origin}: a link out of HallSafe never carries a page address (which may hold a
 * booking code or a filter) to another site.</li>
 * <li>Permissions-Policy: the camera for HallSafe's own pages (the gate may scan QR codes), nothing else.</li>
 * <li>HSTS: Spring Security writes it on secure requests only, that is over HTTPS, or behind a proxy when
 * {@code server.forward-headers-strategy} lets the request be seen as secure.</li>
 * </ul>
 */
final class SecurityHeaders {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data: blob:; connect-src 'self'; font-src 'self'; frame-ancestors 'none'; "
            + "form-action 'self'; base-uri 'self'; object-src 'none'";

    static final String PERMISSIONS_POLICY = "camera=(self), geolocation=(), microphone=(), payment=(), usb=()";

    private SecurityHeaders() {
    }

    /**
     * Swagger UI (the API documentation, for signed-in users only) sets inline styles from its own script; its pages
     * alone may, and still run no inline script.
     */
    static final String API_DOCS_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY
            .replace("style-src 'self';", "style-src 'self' 'unsafe-inline';");

    private static final RequestMatcher API_DOCS = PathPatternRequestMatcher.withDefaults().matcher("/swagger-ui/**");

    static void apply(HeadersConfigurer<HttpSecurity> headers) {
        headers.frameOptions(frame -> frame.deny())
                .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(new NegatedRequestMatcher(API_DOCS),
                        new StaticHeadersWriter("Content-Security-Policy", CONTENT_SECURITY_POLICY)))
                .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(API_DOCS,
                        new StaticHeadersWriter("Content-Security-Policy", API_DOCS_CONTENT_SECURITY_POLICY)))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                .permissionsPolicyHeader(permissions -> permissions.policy(PERMISSIONS_POLICY))
                .httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000));
    }
}
