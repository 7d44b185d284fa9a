package org.hallsafe.platform;

/**
 * A record that is not there, or is another hall's (which the person must not learn exists): 404, the plain error
 * page on pages and a problem detail on the API. {@code throw NotFoundException.of("notice", id)} or
 * {@code .orElseThrow(() -> NotFoundException.of("notice", id))}.
 */
public class NotFoundException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String what;

    public NotFoundException(String what, Object id) {
        super(what + (id == null ? "" : " " + id));
        this.what = what;
    }

    public static NotFoundException of(String what, Object id) {
        return new NotFoundException(what, id);
    }

    public static NotFoundException of(String what) {
        return new NotFoundException(what, null);
    }

    /** The kind of record looked for ("notice", "screen key"): for the log, never shown. */
    public String what() {
        return what;
    }
}
