package org.hallsafe.platform;

import java.util.Optional;

import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
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

    /** How long an attempt waits for the checks running beside it, and how young a lock must be to be waited on. */
    private static final java.time.Duration BURST_WAIT = java.time.Duration.ofSeconds(3);

    private final Accounts accounts;
    private final VerifiedPasswords verified;

    SignInChecks(AccountDetailsService users, VerifiedPasswords passwords, Accounts accounts) {
        super(users);
        setPasswordEncoder(passwords);
        this.verified = passwords;
        this.accounts = accounts;
        // the lock is checked below, in one step with the reservation, so that a burst can wait for it (reserve);
        // Spring's own check of the loaded account would refuse a moment's lock at once
        setPreAuthenticationChecks(user -> {
            if (!user.isEnabled()) {
                throw new DisabledException("disabled");
            }
        });
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
        Optional<Accounts.Attempt> reserved = reserve(user, presented);
        if (reserved == null) {
            return; // a remembered password, and the account not locked
        }
        Accounts.Attempt attempt = reserved.orElseThrow(() -> new LockedException("locked"));
        // a check beside this one may have verified the same password (and lifted its lock) since this one asked
        if (!verified.remembers(presented, user.getPassword()) && !getPasswordEncoder().matches(presented, user.getPassword())) {
            throw new BadCredentialsException("wrong password");
        }
        accounts.signInSucceeded(user.accountId(), attempt);
    }

    /**
     * Reserves an attempt. A client that sends many requests at once with the right password (a gate tablet starting
     * up, another system) would otherwise use up the allowance with its own requests, and the one that reaches it locks
     * the account until its check ends: so an attempt refused while a lock is only moments old waits a little (a
     * BCrypt check takes about a tenth of a second) and then takes what the running checks left: the password they
     * verified ({@code null}: signed in), or an attempt once the lock is lifted. A lock set by wrong passwords stays,
     * and older locks are refused at once, so a locked account holds no thread.
     */
    private Optional<Accounts.Attempt> reserve(CurrentUser user, String presented) {
        long deadline = System.nanoTime() + BURST_WAIT.toNanos();
        // the first time round, the lock as the account was loaded for this very sign-in; afresh after waiting
        boolean locked = !user.isAccountNonLocked();
        while (true) {
            if (verified.remembers(presented, user.getPassword())) {
                if (!locked) {
                    return null;
                }
            } else {
                Optional<Accounts.Attempt> attempt = accounts.reserveSignIn(user.accountId());
                if (attempt.isPresent()) {
                    return attempt;
                }
            }
            if (System.nanoTime() > deadline || accounts.lockedLongerThan(user.accountId(), BURST_WAIT)) {
                return Optional.empty();
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
            locked = accounts.lockedNow(user.accountId());
        }
    }
}
