package org.hallsafe.platform;

/**
 * A rule broken by the input of one field. Pages put the message beside the field, the API returns it in a problem
 * detail; {@code messageKey} is a message-bundle key.
 */
public class InvalidInputException extends RuntimeException {

    private final String field;
    private final String messageKey;

    public InvalidInputException(String field, String messageKey) {
        super(field + ": " + messageKey);
        this.field = field;
        this.messageKey = messageKey;
    }

    public String field() {
        return field;
    }

    public String messageKey() {
        return messageKey;
    }
}
