package org.hallsafe;

import java.util.concurrent.atomic.AtomicInteger;

import org.hallsafe.platform.Accounts;
import org.hallsafe.platform.Role;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

/** Accounts for tests in the default hall, each with a fresh user name. */
@Component
public class TestAccounts {

    public static final String PASSWORD = "Test-Password-2026";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final Accounts accounts;
    private final UserDetailsService users;

    public TestAccounts(Accounts accounts, UserDetailsService users) {
        this.accounts = accounts;
        this.users = users;
    }

    /** Creates an account of the role and returns its user name. */
    public String create(Role role) {
        return create(role, 1L);
    }

    /** Creates an account of the role in the given hall and returns its user name. */
    public String create(Role role, long siteId) {
        String username = role.name().toLowerCase().replace("_", "") + "-" + System.nanoTime() % 1_000_000 + "-"
                + SEQUENCE.incrementAndGet();
        accounts.create(siteId, username, "测试" + role.name(), role, PASSWORD);
        return username;
    }

    /** The signed-in principal of a new account of the role, for MockMvc's {@code user(..)}. */
    public UserDetails signedIn(Role role) {
        return users.loadUserByUsername(create(role));
    }
}
