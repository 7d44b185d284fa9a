package org.hallsafe.platform;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationFailureDisabledEvent;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Loads accounts for sign-in and audits what happens: a locked account is refused before its password is even
 * checked, so the sixth attempt fails with the right password too. Attempts are counted by {@link SignInChecks}.
 */
@Component
class AccountDetailsService implements UserDetailsService {

    private final AccountRepository accounts;
    private final Accounts service;
    private final Clock clock;
    private final HallSafeProperties properties;

    AccountDetailsService(AccountRepository accounts, Accounts service, Clock clock, HallSafeProperties properties) {
        this.accounts = accounts;
        this.service = service;
        this.clock = clock;
        this.properties = properties;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        if (!SignInNames.possible(username)) {
            throw new UsernameNotFoundException("no such account");
        }
        Account account = accounts.findByUsername(username)
                .orElseThrow(() -> new UsernameNotFoundException("no such account"));
        List<GrantedAuthority> authorities = new ArrayList<>();
        authorities.add(new SimpleGrantedAuthority("ROLE_" + account.role().name()));
        account.role().permissions().forEach(p -> authorities.add(new SimpleGrantedAuthority(p)));
        boolean usable = account.enabled() && (!account.demo() || properties.demo());
        return new CurrentUser(account, usable, !account.lockedAt(clock.instant()), authorities);
    }

    /** Only sign-ins by a person at the form are audited; API calls authenticate on every request. */
    @EventListener
    void on(InteractiveAuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof CurrentUser user) {
            service.signInAudited(user);
        }
    }

    @EventListener
    void on(AbstractAuthenticationFailureEvent event) {
        String username = String.valueOf(event.getAuthentication().getName());
        if (event instanceof AuthenticationFailureBadCredentialsEvent) {
            service.signInFailed(username);
        } else if (event instanceof AuthenticationFailureLockedEvent) {
            service.signInRefused(username, "SIGN_IN_REFUSED_LOCKED");
        } else if (event instanceof AuthenticationFailureDisabledEvent) {
            service.signInRefused(username, "SIGN_IN_REFUSED_DISABLED");
        }
    }
}
