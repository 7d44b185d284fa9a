package org.hallsafe.platform;

import java.util.Set;

/**
 * The signed-in person and hall of this request, as a handler's argument: {@code String page(SignedIn who)} then
 * {@code who.siteId()} and {@code who.username()}. Resolved from the session (pages) or HTTP Basic (API); a handler
 * that names it needs a signed-in person.
 *
 * @param accountId the account
 * @param siteId the hall every id of the request is looked up in
 * @param username who recorded or changed a row ({@code recorded_by}, {@code created_by})
 * @param displayName the name shown on pages
 * @param role the account's role
 * @param permissions what the person may do (the same strings as {@link Permissions})
 */
public record SignedIn(long accountId, long siteId, String username, String displayName, Role role,
        Set<String> permissions) {

    /** Whoever writes when no person is signed in: a scheduled job, an event listener. */
    public static final String SYSTEM = "system";

    /** Whether the person holds the permission: for a check that depends on the input (a back-fill, say). */
    public boolean may(String permission) {
        return permissions.contains(permission);
    }

    /**
     * The signed-in person's user name, or {@link #SYSTEM} outside a request: for a service that records who wrote a
     * row and is also called by jobs. A handler passes {@code who.username()} instead where it can.
     */
    public static String actor() {
        return CurrentUser.find().map(CurrentUser::getUsername).orElse(SYSTEM);
    }

    static SignedIn of(CurrentUser user) {
        Set<String> held = new java.util.HashSet<>();
        user.getAuthorities().forEach(a -> held.add(a.getAuthority()));
        return new SignedIn(user.accountId(), user.siteId(), user.getUsername(), user.displayName(), user.role(),
                Set.copyOf(held));
    }
}
