package org.hallsafe;

import java.util.concurrent.atomic.AtomicInteger;

import org.hallsafe.platform.Accounts;
import org.hallsafe.platform.Role;
import org.springframework.security.core.context.SecurityContextHolder;
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
        // made by the system, whoever the test has signed in: a hall's administrator may not make another
        var signedIn = SecurityContextHolder.getContext();
        SecurityContextHolder.clearContext();
        try {
            accounts.create(siteId, username, "测试" + role.name(), role, PASSWORD);
        } finally {
            SecurityContextHolder.setContext(signedIn);
        }
        return username;
    }

    /** The signed-in principal of a new account of the role, for MockMvc's {@code user(..)}. */
    public UserDetails signedIn(Role role) {
        return users.loadUserByUsername(create(role));
    }
}
