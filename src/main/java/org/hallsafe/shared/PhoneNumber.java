package org.hallsafe.shared;

/** A mainland mobile number (11 digits starting with 1) or a landline with area code, digits and one hyphen at most. */
public record PhoneNumber(String value) {

    public PhoneNumber {
        if (!isValid(value)) {
            throw new IllegalArgumentException("invalid phone number");
        }
        value = normalise(value);
    }

    public static boolean isValid(String raw) {
        if (raw == null) {
            return false;
        }
        String v = normalise(raw);
        return v.matches("1[3-9]\\d{9}") || v.matches("0\\d{2,3}-?\\d{7,8}");
    }

    /** {@code 138****5678} for a mobile; a landline keeps its area code and last four. */
    public String masked() {
        int head = value.startsWith("1") ? 3 : value.indexOf('-') + 1 > 0 ? value.indexOf('-') + 1 : 4;
        return Masking.keep(value, head, 4);
    }

    private static String normalise(String raw) {
        return raw.strip().replace(" ", "");
    }

    @Override
    public String toString() {
        return masked();
    }
}
