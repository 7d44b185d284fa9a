package org.hallsafe.shared;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;

/**
 * A mainland resident identity card number (居民身份证号码, 18 characters) as defined by GB 11643-1999:
 * 17 digits and an ISO 7064 MOD 11-2 check character, which may be {@code X}.
 */
public record IdNumber(String value) {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final DateTimeFormatter BIRTH_FORMAT =
            DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT);
    private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};

    public IdNumber {
        Problem problem = check(value);
        if (problem != Problem.NONE) {
            throw new IllegalArgumentException("invalid ID number: " + problem);
        }
        value = normalise(value);
    }

    /** What is wrong with a typed number, so the form can say it in plain words. */
    public enum Problem { NONE, EMPTY, LENGTH, CHARACTERS, BIRTH_DATE, CHECK_DIGIT }

    public static Problem check(String raw) {
        if (raw == null || raw.isBlank()) {
            return Problem.EMPTY;
        }
        String v = normalise(raw);
        if (v.length() != 18) {
            return Problem.LENGTH;
        }
        if (!v.substring(0, 17).chars().allMatch(IdNumber::isAsciiDigit)
                || !(isAsciiDigit(v.charAt(17)) || v.charAt(17) == 'X')) {
            return Problem.CHARACTERS;
        }
        try {
            LocalDate birth = LocalDate.parse(v.substring(6, 14), BIRTH_FORMAT);
            if (birth.getYear() < 1900 || birth.isAfter(LocalDate.now())) {
                return Problem.BIRTH_DATE;
            }
        } catch (DateTimeParseException e) {
            return Problem.BIRTH_DATE;
        }
        return v.charAt(17) == checkCharacter(v.substring(0, 17)) ? Problem.NONE : Problem.CHECK_DIGIT;
    }

    private static boolean isAsciiDigit(int c) {
        return c >= '0' && c <= '9';
    }

    /** The check character for the first 17 digits. */
    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK[sum % 11];
    }

    /** {@code 430902********1234}: area code and the last four stay readable. */
    public String masked() {
        return Masking.keep(value, 6, 4);
    }

    private static String normalise(String raw) {
        return raw.strip().toUpperCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return masked();
    }
}
