package org.hallsafe.platform;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Errors of the JSON API as RFC 9457 problem details. A rejected input names each field with its message, in the
 * caller's language ({@code Accept-Language}), so a WeChat page can show it beside the field.
 */
@RestControllerAdvice(annotations = ApiErrors.JsonApi.class)
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
public class ApiErrors {

    /** Marks the controllers under {@code /api/v1}. */
    @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
    @java.lang.annotation.Target(java.lang.annotation.ElementType.TYPE)
    public @interface JsonApi {
    }

    private final MessageSource messages;

    ApiErrors(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ProblemDetail invalid(MethodArgumentNotValidException e) {
        Map<String, String> errors = new LinkedHashMap<>();
        e.getBindingResult().getFieldErrors().forEach(f -> errors.putIfAbsent(f.getField(),
                messages.getMessage(f, LocaleContextHolder.getLocale())));
        return invalid(errors);
    }

    @ExceptionHandler(InvalidInputException.class)
    ProblemDetail invalid(InvalidInputException e) {
        Map<String, String> errors = new LinkedHashMap<>();
        e.problems().forEach((field, key) -> errors.put(field, messages.getMessage(key, null, LocaleContextHolder.getLocale())));
        return invalid(errors);
    }

    @ExceptionHandler(NoSuchElementException.class)
    ProblemDetail notFound(NoSuchElementException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No such record in your hall.");
    }

    /** A rate limit refused the request (issue 12): 429, {@code Retry-After}, and the wait in the caller's words. */
    @ExceptionHandler(TooManyRequestsException.class)
    org.springframework.http.ResponseEntity<ProblemDetail> tooMany(TooManyRequestsException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, messages.getMessage(
                TooManyRequestsException.MESSAGE_KEY, new Object[] {e.minutes()}, LocaleContextHolder.getLocale()));
        problem.setTitle("Too Many Requests");
        return org.springframework.http.ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header("Retry-After", String.valueOf(e.seconds())).body(problem);
    }

    private static ProblemDetail invalid(Map<String, String> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The input has errors.");
        problem.setTitle("Invalid input");
        problem.setProperty("errors", errors);
        return problem;
    }
}
