package org.hallsafe.platform;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * At least 12 characters of at least 3 classes (lower case, upper case, digits, symbols), at most 72 bytes, not the
 * user name, not the hall's name, not a common password, and not the published demo password outside demo mode.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    /** BCrypt reads only the first 72 bytes of a password; a longer one would be cut without a word, so it is refused. */
    public static final int MAX_BYTES = 72;
    /** The demo accounts' password, printed in the README: anyone may know it. */
    public static final String DEMO_PASSWORD = "HallSafe-Demo-2026";

    /** Passwords that guessing tools try first (lower case), from {@code platform/common-passwords.txt}. */
    private static final Set<String> COMMON = load("/platform/common-passwords.txt");

    private PasswordPolicy() {
    }

    /** The message key of what is wrong, or empty when the password will do. */
    public static Optional<String> problem(String password, String username) {
        return problem(password, username, List.of(), true);
    }

    /**
     * The message key of what is wrong, or empty when the password will do.
     *
     * @param hallNames the hall's name and code, which the password must not contain
     * @param demoMode whether the demo password is still allowed (it is for demo accounts in demo mode only)
     */
    public static Optional<String> problem(String password, String username, Collection<String> hallNames,
            boolean demoMode) {
        if (password == null || password.length() < MIN_LENGTH) {
            return Optional.of("password.tooShort");
        }
        if (tooLong(password)) {
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
        String lower = password.toLowerCase(Locale.ROOT);
        if (username != null && !username.isBlank() && lower.contains(username.strip().toLowerCase(Locale.ROOT))) {
            return Optional.of("password.containsUsername");
        }
        if (COMMON.contains(lower)) {
            return Optional.of("password.common");
        }
        if (!demoMode && password.equalsIgnoreCase(DEMO_PASSWORD)) {
            return Optional.of("password.demo");
        }
        for (String name : hallNames) {
            if (name != null && name.strip().length() >= 3 && lower.contains(name.strip().toLowerCase(Locale.ROOT))) {
                return Optional.of("password.containsHallName");
            }
        }
        return Optional.empty();
    }

    /** More than BCrypt can read: such a password is never set, and at sign-in it is simply wrong. */
    public static boolean tooLong(CharSequence password) {
        return password != null && password.toString().getBytes(StandardCharsets.UTF_8).length > MAX_BYTES;
    }

    private static Set<String> load(String resource) {
        try (InputStream in = PasswordPolicy.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing");
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .map(l -> l.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
