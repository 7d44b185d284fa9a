package org.hallsafe.agency;

import java.security.SecureRandom;
import java.util.Locale;

/**
 * Case codes (件号) the citizen keeps: like booking codes, 8 of 32 letters and digits that cannot be mistaken for
 * each other (no 0/O, 1/I/L), 2^40 of them, hopeless to guess at the rate the look-up allows; unique across halls.
 */
final class CaseCodes {

    private static final String LETTERS = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    static final int LENGTH = 8;
    private static final SecureRandom RANDOM = new SecureRandom();

    private CaseCodes() {
    }

    static String next() {
        StringBuilder code = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            code.append(LETTERS.charAt(RANDOM.nextInt(LETTERS.length())));
        }
        return code.toString();
    }

    /** A code as typed: spaces, dashes and case do not matter. */
    static String normalise(String code) {
        return code == null ? "" : code.strip().toUpperCase(Locale.ROOT).replaceAll("[^0-9A-Z]", "");
    }

    /** Two groups of four, as people read and write it ("K7MQ 3XPA"). */
    static String display(String code) {
        return code != null && code.length() == LENGTH ? code.substring(0, 4) + " " + code.substring(4) : code;
    }
}
