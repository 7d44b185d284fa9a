package org.hallsafe.platform;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The API signs in with HTTP Basic on every request, and BCrypt makes each password check cost about 100 ms of CPU
 * on purpose: a gate tablet sending check-ins would spend nearly all of the server's time checking its own password
 * again and again. This encoder remembers, for a short while, that a password matched a stored hash. The entry is
 * keyed by the stored hash and an HMAC of the password under a key made at start-up, so
 * <ul>
 * <li>the plain password is never kept, and the key dies with the process;</li>
 * <li>a changed or reset password (a new hash) never matches an old entry;</li>
 * <li>a wrong password is always checked in full by BCrypt, taking as long as before, and counted as a failure;</li>
 * <li>switched-off and locked accounts are still refused on every request: {@link SignInChecks} asks
 * {@link #remembers} first and then reads the lock afresh from the database, and only a password not remembered
 * counts as an attempt and reaches BCrypt;</li>
 * <li>a password longer than BCrypt reads (72 bytes) never matches, instead of failing with an error.</li>
 * </ul>
 */
final class VerifiedPasswords implements PasswordEncoder {

    private final PasswordEncoder delegate;
    private final long ttlNanos;
    private final int capacity;
    private final SecretKeySpec key;
    private final Map<String, Long> verified = new ConcurrentHashMap<>();

    VerifiedPasswords(PasswordEncoder delegate, Duration ttl, int capacity) {
        this.delegate = delegate;
        this.ttlNanos = ttl.toNanos();
        this.capacity = capacity;
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        this.key = new SecretKeySpec(bytes, "HmacSHA256");
    }

    @Override
    public String encode(CharSequence rawPassword) {
        return delegate.encode(rawPassword);
    }

    /** Whether this password matched this hash a short while ago; no BCrypt. */
    boolean remembers(CharSequence rawPassword, String encodedPassword) {
        if (rawPassword == null || encodedPassword == null || encodedPassword.isEmpty()) {
            return false;
        }
        Long until = verified.get(encodedPassword + '\u0000' + mac(rawPassword));
        return until != null && until - System.nanoTime() > 0;
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        if (PasswordPolicy.tooLong(rawPassword)) {
            return false;
        }
        if (rawPassword == null || encodedPassword == null || encodedPassword.isEmpty()) {
            return delegate.matches(rawPassword, encodedPassword);
        }
        String entry = encodedPassword + '\u0000' + mac(rawPassword);
        long now = System.nanoTime();
        Long until = verified.get(entry);
        if (until != null && until - now > 0) {
            return true;
        }
        boolean matches = delegate.matches(rawPassword, encodedPassword);
        if (matches) {
            if (verified.size() >= capacity) {
                verified.values().removeIf(t -> t - now <= 0);
                if (verified.size() >= capacity) {
                    verified.clear();
                }
            }
            verified.put(entry, now + ttlNanos);
        } else if (until != null) {
            verified.remove(entry);
        }
        return matches;
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        return delegate.upgradeEncoding(encodedPassword);
    }

    private String mac(CharSequence rawPassword) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return Base64.getEncoder().encodeToString(mac.doFinal(rawPassword.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
