package org.hallsafe.platform;

import java.time.DateTimeException;
import java.util.NoSuchElementException;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.convert.ConversionException;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.ui.Model;
import org.springframework.validation.BindException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

/**
 * A record that is not there, or is another hall's, answers 404 with the plain error page; input that cannot be
 * read answers 400 (409 for a duplicate) naming the field. The JSON API answers with its problem details instead
 * ({@link ApiErrors} comes first).
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class PageErrors {

    /** {@link NotFoundException}; {@code NoSuchElementException} too, until every module throws the named one. */
    @ExceptionHandler({NotFoundException.class, NoSuchElementException.class})
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

    /**
     * A parameter of a page that is not of its type or missing, or a form bound without a {@code BindingResult}:
     * 400 with the field named (issue 12, item 8). Forms that are saved through {@link FormSubmission} come back
     * with the message beside the field instead.
     */
    @ExceptionHandler({MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class,
            MissingServletRequestPartException.class, BindException.class, HttpMessageNotReadableException.class})
    String badRequest(Exception e, Model model, HttpServletResponse response) {
        String field = e instanceof BindException b && b.getFieldError() != null ? b.getFieldError().getField()
                : BadInput.field(e).orElse("");
        return badRequest(model, response, HttpStatus.BAD_REQUEST, field);
    }

    /**
     * Input the database refused (a NUL byte, a number out of range, an unknown or foreign id, a check) or a date
     * that does not exist: 400 (409 for a duplicate) with the field named. Any other failure stays a server error.
     */
    @ExceptionHandler({DataAccessException.class, DateTimeException.class, ConversionException.class,
            NumberFormatException.class})
    String badInput(Exception e, Model model, HttpServletResponse response) throws Exception {
        if (!BadInput.isBadInput(e)) {
            throw e;
        }
        return badRequest(model, response, BadInput.isConflict(e) ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST,
                BadInput.field(e).orElse(""));
    }

    /** A rule the input broke, thrown by a page that does not save through {@link FormSubmission}. */
    @ExceptionHandler(InvalidInputException.class)
    String invalid(InvalidInputException e, Model model, HttpServletResponse response) {
        return badRequest(model, response, HttpStatus.BAD_REQUEST, e.field());
    }

    private static String badRequest(Model model, HttpServletResponse response, HttpStatus status, String field) {
        if (response.containsHeader("Content-Disposition") && !response.isCommitted()) {
            response.reset(); // a download refused before its first byte: the page, not a file
        }
        response.setStatus(status.value());
        model.addAttribute("status", status.value());
        model.addAttribute("field", field);
        return "error";
    }
}
