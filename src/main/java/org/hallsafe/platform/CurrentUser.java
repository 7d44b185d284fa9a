package org.hallsafe.platform;

import java.util.Collection;
import java.util.Optional;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.User;

/**
 * The signed-in person: who, which hall, which role. It is kept in the JDBC-backed session, so any node can serve the
 * next request.
 */
public class CurrentUser extends User {

    private static final long serialVersionUID = 1L;

    private final long accountId;
    private final long siteId;
    private final String displayName;
    private final Role role;

    CurrentUser(Account account, boolean usable, boolean unlocked, Collection<? extends GrantedAuthority> authorities) {
        super(account.username(), account.passwordHash(), usable, true, true, unlocked, authorities);
        this.accountId = account.id();
        this.siteId = account.siteId();
        this.displayName = account.displayName();
        this.role = account.role();
    }

    public static Optional<CurrentUser> find() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof CurrentUser user
                ? Optional.of(user) : Optional.empty();
    }

    /** The signed-in user of this request; pages and API operations behind sign-in always have one. */
    public static CurrentUser get() {
        return find().orElseThrow(() -> new IllegalStateException("no signed-in user"));
    }

    public long accountId() {
        return accountId;
    }

    public long siteId() {
        return siteId;
    }

    public String displayName() {
        return displayName;
    }

    public Role role() {
        return role;
    }

    @Override
    public boolean equals(Object o) {
        return super.equals(o);
    }

    @Override
    public int hashCode() {
        return super.hashCode();
    }
}
