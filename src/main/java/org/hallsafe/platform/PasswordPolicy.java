package org.hallsafe.platform;

import java.util.Locale;
import java.util.Optional;

/** At least 12 characters of at least 3 classes (lower case, upper case, digits, symbols), and not the user name. */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    /** BCrypt reads at most 72 bytes; a longer password would be refused by the encoder with a server error. */
    public static final int MAX_BYTES = 72;

    private PasswordPolicy() {
    }

    /** The message key of what is wrong, or empty when the password will do. */
    public static Optional<String> problem(String password, String username) {
        if (password == null || password.length() < MIN_LENGTH) {
            return Optional.of("password.tooShort");
        }
        if (password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_BYTES) {
            return Optional.of("password.tooLong");
        }
        int classes = 0;
        classes += password.chars().anyMatch(Character::isLowerCase) ? 1 : 0;
        classes += password.chars().anyMatch(Character::isUpperCase) ? 1 : 0;
        classes += password.chars().anyMatch(Character::isDigit) ? 1 : 0;
        classes += password.chars().anyMatch(c -> !Character.isLetterOrDigit(c)) ? 1 : 0;
        if (classes < 3) {
            return Optional.of("password.tooSimple");
        }
        if (username != null && !username.isBlank()
                && password.toLowerCase(Locale.ROOT).contains(username.strip().toLowerCase(Locale.ROOT))) {
            return Optional.of("password.containsUsername");
        }
        return Optional.empty();
    }
}
