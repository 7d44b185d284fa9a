package org.hallsafe.platform;

import java.time.DateTimeException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.convert.ConversionException;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.BindException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingPathVariableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import tools.jackson.core.JacksonException;

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

    /** {@link NotFoundException}; {@code NoSuchElementException} too, until every module throws the named one. */
    @ExceptionHandler({NotFoundException.class, NoSuchElementException.class})
    ProblemDetail notFound(RuntimeException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No such record in your hall.");
        problem.setTitle("Not Found");
        return problem;
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

    /** A form-shaped input (query parameters bound to a record) with fields that are not of their type. */
    @ExceptionHandler(BindException.class)
    ProblemDetail invalid(BindException e) {
        Map<String, String> errors = new LinkedHashMap<>();
        e.getBindingResult().getFieldErrors().forEach(f -> errors.putIfAbsent(f.getField(),
                messages.getMessage(f, LocaleContextHolder.getLocale())));
        return invalid(errors);
    }

    /** A parameter or path variable that is not of its type, or a required one that is missing (issue 12, item 8). */
    @ExceptionHandler({MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class,
            MissingServletRequestPartException.class, MissingPathVariableException.class})
    ProblemDetail invalidParameter(Exception e) {
        String key = e instanceof MethodArgumentTypeMismatchException ? "typeMismatch" : "validation.required";
        return invalid(Map.of(BadInput.field(e).orElse("request"), message(key)));
    }

    /** A JSON body that is not JSON, or a property of the wrong type; the property is named where Jackson knows it. */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        String field = "body";
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof JacksonException j && !j.getPath().isEmpty()) {
                StringBuilder path = new StringBuilder();
                for (JacksonException.Reference r : j.getPath()) {
                    if (r.getPropertyName() != null) {
                        path.append(path.isEmpty() ? "" : ".").append(r.getPropertyName());
                    } else if (r.getIndex() >= 0) {
                        path.append('[').append(r.getIndex()).append(']');
                    }
                }
                field = path.isEmpty() ? field : path.toString();
                break;
            }
        }
        return invalid(Map.of(field, message("body".equals(field) ? "input.unreadable" : "input.invalid")));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ProblemDetail unsupported(HttpMediaTypeNotSupportedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "Send the body as application/json.");
        problem.setTitle("Unsupported media type");
        return problem;
    }

    /**
     * Input the database refused (a NUL byte, a number out of range, an unknown or foreign id, a check) or a date
     * that does not exist: 400 naming the field (409 for a duplicate). Any other failure stays a server error.
     */
    @ExceptionHandler({DataAccessException.class, DateTimeException.class, ConversionException.class,
            NumberFormatException.class})
    ProblemDetail badInput(Exception e) throws Exception {
        if (!BadInput.isBadInput(e)) {
            throw e;
        }
        ProblemDetail problem = invalid(Map.of(BadInput.field(e).orElse("request"), message(BadInput.messageKey(e))));
        if (BadInput.isConflict(e)) {
            problem.setStatus(HttpStatus.CONFLICT);
            problem.setTitle("Conflict");
        }
        return problem;
    }

    private String message(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }

    private static ProblemDetail invalid(Map<String, String> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The input has errors.");
        problem.setTitle("Invalid input");
        problem.setProperty("errors", errors);
        return problem;
    }
}
