package org.hallsafe.platform;

import java.sql.SQLException;
import java.time.DateTimeException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.core.convert.ConversionException;
import org.springframework.dao.DataAccessException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Which exceptions are the caller's bad input rather than a fault of HallSafe (issue 12, item 8), and which field
 * they concern. Only these answer 4xx; anything else stays a server error, so real faults are not hidden.
 * <p>
 * At the database boundary that is a data exception (SQLSTATE class 22: a NUL byte, a number or date out of range,
 * a value too long), a value too big for an index ({@code 54000}) or an integrity violation the input caused: {@code 23502} not null, {@code 23503} foreign key (an
 * unknown or foreign id), {@code 23505} unique, {@code 23514} check.
 */
final class BadInput {

    private static final Pattern CONSTRAINT = Pattern.compile("constraint \"([^\"]+)\"");
    private static final Pattern KEY = Pattern.compile("Key \\(([a-z_]+)(?:, ?([a-z_]+))?\\)");
    private static final Pattern COLUMN = Pattern.compile("column \"([a-z_]+)\"");
    private static final Pattern TABLE = Pattern.compile("(?:relation|table) \"([a-z_]+)\"");

    private BadInput() {
    }

    /** The SQLSTATE of the database error under this exception, when it is one the input caused. */
    static Optional<String> sqlState(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                return state.startsWith("22") || state.equals("54000") || state.equals("23502") || state.equals("23503")
                        || state.equals("23505") || state.equals("23514") ? Optional.of(state) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** True when the exception is the caller's bad input. */
    static boolean isBadInput(Throwable e) {
        if (e instanceof DataAccessException) {
            return sqlState(e).isPresent();
        }
        return e instanceof DateTimeException || e instanceof ConversionException
                || e instanceof ArithmeticException || e instanceof NumberFormatException;
    }

    /** Unique violation: the record exists already (409), every other bad input is 400. */
    static boolean isConflict(Throwable e) {
        return sqlState(e).filter("23505"::equals).isPresent();
    }

    /** The message key for the exception: unknown reference, already there, or plain invalid. */
    static String messageKey(Throwable e) {
        return switch (sqlState(e).orElse("")) {
            case "23503" -> "input.unknownReference";
            case "23505" -> "input.duplicate";
            case "23502" -> "validation.required";
            default -> "input.invalid";
        };
    }

    /**
     * The form field the exception names, best effort: the request parameter, or the column of the violated
     * constraint ({@code window_id} -> {@code windowId}); empty when it names none.
     */
    static Optional<String> field(Throwable e) {
        if (e instanceof MethodArgumentTypeMismatchException m) {
            return Optional.of(m.getName());
        }
        if (e instanceof MissingServletRequestParameterException m) {
            return Optional.of(m.getParameterName());
        }
        String message = String.valueOf(e.getMessage());
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException) {
                message = String.valueOf(t.getMessage());
            }
        }
        Matcher key = KEY.matcher(message);
        if (key.find()) {
            String column = key.group(2) != null && key.group(1).equals("site_id") ? key.group(2) : key.group(1);
            return Optional.of(camel(column));
        }
        Matcher column = COLUMN.matcher(message);
        if (column.find()) {
            return Optional.of(camel(column.group(1)));
        }
        Matcher constraint = CONSTRAINT.matcher(message);
        if (constraint.find()) {
            String name = constraint.group(1);
            Matcher table = TABLE.matcher(message);
            if (table.find() && name.startsWith(table.group(1) + "_")) {
                name = name.substring(table.group(1).length() + 1);
            }
            name = name.replaceFirst("_(check|fkey|key|length|len|max|min|range|not_blank|fk|chk)$", "");
            return name.isEmpty() ? Optional.empty() : Optional.of(camel(name));
        }
        return Optional.empty();
    }

    private static String camel(String snake) {
        StringBuilder b = new StringBuilder();
        boolean upper = false;
        for (char c : snake.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                b.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return b.toString();
    }
}
