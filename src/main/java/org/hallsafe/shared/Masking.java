package org.hallsafe.shared;

/** Masking for display: personal data on screens and in exports shows only what identification needs. */
public final class Masking {

    private Masking() {
    }

    /** Keeps the first {@code head} and last {@code tail} characters and stars the rest; short values are starred whole. */
    public static String keep(String value, int head, int tail) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        if (value.length() <= head + tail) {
            return "*".repeat(value.length());
        }
        return value.substring(0, head) + "*".repeat(value.length() - head - tail) + value.substring(value.length() - tail);
    }
}
