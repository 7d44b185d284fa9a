package org.hallsafe.platform;

/**
 * What was typed as a user name at a sign-in, made safe to keep: a stranger may type megabytes or control characters,
 * and the attempt is still audited, so it is cut to the longest user name an account can have, with a marker, and
 * control characters become {@code ?}.
 */
final class SignInNames {

    /** The longest user name of an account; the database holds the same limit. */
    static final int MAX_LENGTH = 64;
    /** Ends a name that was cut, so the audit log shows it was longer. */
    static final String CUT_MARKER = "…";

    private SignInNames() {
    }

    /** Whether the typed name could be an account's at all; if not, it is not even looked up. */
    static boolean possible(String typed) {
        return typed != null && !typed.isEmpty() && typed.length() <= MAX_LENGTH
                && typed.chars().noneMatch(Character::isISOControl);
    }

    /** The typed name as it may be stored, shown and audited. */
    static String capped(String typed) {
        if (typed == null) {
            return "";
        }
        boolean cut = typed.codePointCount(0, typed.length()) > MAX_LENGTH;
        String kept = cut ? typed.substring(0, typed.offsetByCodePoints(0, MAX_LENGTH)) : typed;
        StringBuilder safe = new StringBuilder(kept.length() + 1);
        kept.codePoints().forEach(c -> safe.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return cut ? safe.append(CUT_MARKER).toString() : safe.toString();
    }
}
