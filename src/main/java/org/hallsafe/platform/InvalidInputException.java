package org.hallsafe.platform;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Rules broken by the input, field by field. Pages put each message beside its field, the API returns them in a
 * problem detail; the values are message-bundle keys.
 */
public class InvalidInputException extends RuntimeException {

    private final Map<String, String> problems;

    public InvalidInputException(String field, String messageKey) {
        this(Map.of(field, messageKey));
    }

    /** Several problems at once, in the order of the form. */
    public InvalidInputException(Map<String, String> problems) {
        super(problems.toString());
        this.problems = new LinkedHashMap<>(problems);
    }

    /** The first field at fault. */
    public String field() {
        return problems.keySet().iterator().next();
    }

    public String messageKey() {
        return problems.values().iterator().next();
    }

    public Map<String, String> problems() {
        return problems;
    }
}
