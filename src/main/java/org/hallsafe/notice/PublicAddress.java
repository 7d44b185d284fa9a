package org.hallsafe.notice;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Where citizens reach HallSafe's public pages: the configured {@code hallsafe.public-base-url}, since the server
 * cannot know the address the hall's network or the internet gives it. Without one, the address of the request is
 * taken, and {@link #guessed()} says so: a poster printed from a desk inside the hall would point at the intranet.
 */
record PublicAddress(String base, boolean guessed) {

    static PublicAddress of(String configured, HttpServletRequest request) {
        if (configured != null && !configured.isBlank()) {
            return new PublicAddress(strip(configured.strip()), false);
        }
        return new PublicAddress(strip(ServletUriComponentsBuilder.fromContextPath(request).build().toUriString()), true);
    }

    String of(String path) {
        return base + path;
    }

    private static String strip(String base) {
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }
}
