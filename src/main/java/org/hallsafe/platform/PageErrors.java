package org.hallsafe.platform;

import java.util.NoSuchElementException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * A record that is not there, or is another hall's, answers 404 with the plain error page; the JSON API answers with
 * its problem details instead ({@link ApiErrors} comes first).
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class PageErrors {

    @ExceptionHandler(NoSuchElementException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(Model model) {
        model.addAttribute("status", 404);
        return "error";
    }

    /** A rate limit the page itself did not answer: 429 with the plain error page and the wait. */
    @ExceptionHandler(TooManyRequestsException.class)
    String tooMany(TooManyRequestsException e, jakarta.servlet.http.HttpServletResponse response, Model model) {
        e.applyTo(response);
        model.addAttribute("status", 429);
        model.addAttribute(SignInRateLimitFilter.WAIT_MINUTES, e.minutes());
        return "error";
    }
}
