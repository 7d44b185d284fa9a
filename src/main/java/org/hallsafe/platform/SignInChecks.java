package org.hallsafe.platform;

import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Component;

/**
 * Password checks for the sign-in form and HTTP Basic alike. Before BCrypt runs, the attempt is reserved in the
 * account's row ({@link Accounts#reserveSignIn}): an attempt that finds the account locked, or the allowance of
 * wrong passwords used up by attempts still running, is refused unchecked, so a burst of parallel guesses on any
 * number of nodes checks at most {@code max-failed-sign-ins} passwords per lock period, and a right password during a
 * lock is refused like any other. A password remembered by {@link VerifiedPasswords} is no guess and is not counted,
 * but the lock is read afresh for it too.
 */
@Component
class SignInChecks extends DaoAuthenticationProvider {

    private final Accounts accounts;
    private final VerifiedPasswords verified;

    SignInChecks(AccountDetailsService users, VerifiedPasswords passwords, Accounts accounts) {
        super(users);
        setPasswordEncoder(passwords);
        this.verified = passwords;
        this.accounts = accounts;
    }

    @Override
    protected void additionalAuthenticationChecks(UserDetails details, UsernamePasswordAuthenticationToken authentication) {
        if (!(details instanceof CurrentUser user)) {
            super.additionalAuthenticationChecks(details, authentication);
            return;
        }
        String presented = authentication.getCredentials() == null ? null : authentication.getCredentials().toString();
        if (presented == null) {
            throw new BadCredentialsException("no password");
        }
        if (verified.remembers(presented, user.getPassword())) {
            if (accounts.lockedNow(user.accountId())) {
                throw new LockedException("locked");
            }
            return;
        }
        Accounts.Attempt attempt = accounts.reserveSignIn(user.accountId())
                .orElseThrow(() -> new LockedException("locked"));
        if (!getPasswordEncoder().matches(presented, user.getPassword())) {
            throw new BadCredentialsException("wrong password");
        }
        accounts.signInSucceeded(user.accountId(), attempt);
    }
}
