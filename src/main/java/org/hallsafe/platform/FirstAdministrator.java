package org.hallsafe.platform;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * There is no default password anywhere. On a database without a usable administrator, the first one comes from
 * {@code HALLSAFE_ADMIN_PASSWORD}, or from a one-time setup link written to the log. Only a hash of the link's token
 * is stored, in the database, so any node can honour it.
 */
@Component
class FirstAdministrator {

    private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);
    static final long DEFAULT_SITE = 1L;

    private final AccountRepository accounts;
    private final Accounts service;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final HallSafeProperties properties;
    private final Environment environment;

    FirstAdministrator(AccountRepository accounts, Accounts service, JdbcClient jdbc, Clock clock,
            HallSafeProperties properties, Environment environment) {
        this.accounts = accounts;
        this.service = service;
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
        this.environment = environment;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Transactional
    public void ensureAdministrator() {
        if (accounts.existsUsableAdmin()) {
            return;
        }
        var security = properties.security();
        if (!security.adminPassword().isBlank()) {
            service.create(DEFAULT_SITE, security.adminUsername(), security.adminUsername(), Role.BUREAU_ADMIN,
                    security.adminPassword());
            log.info("The first administrator '{}' was created with the password from HALLSAFE_ADMIN_PASSWORD.",
                    security.adminUsername());
            return;
        }
        String token = newToken();
        jdbc.sql("INSERT INTO setup_tokens (token_hash, expires_at) VALUES (:hash, :expires)")
                .param("hash", hash(token))
                .param("expires", java.sql.Timestamp.from(clock.instant().plus(security.setupLinkValidity())))
                .update();
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        log.warn("""

                ==========================================================================
                 HallSafe has no administrator yet. Open this one-time link to create one
                 (valid for {}):
                   http://localhost:{}/setup/{}
                 Or start HallSafe with HALLSAFE_ADMIN_PASSWORD set.
                ==========================================================================""",
                security.setupLinkValidity(), port, token);
    }

    /** True while the token is unused and unexpired. */
    boolean isValid(String token) {
        return jdbc.sql("SELECT count(*) FROM setup_tokens WHERE token_hash = :hash AND used_at IS NULL AND expires_at > :now")
                .param("hash", hash(token)).param("now", java.sql.Timestamp.from(clock.instant()))
                .query(Integer.class).single() > 0;
    }

    /** Creates the administrator and spends every setup link; fails when the token is no longer valid. */
    @Transactional
    Optional<Long> complete(String token, String username, String displayName, String password) {
        int spent = jdbc.sql("UPDATE setup_tokens SET used_at = :now WHERE token_hash = :hash AND used_at IS NULL AND expires_at > :now")
                .param("hash", hash(token)).param("now", java.sql.Timestamp.from(clock.instant())).update();
        if (spent == 0 || accounts.existsUsableAdmin()) {
            return Optional.empty();
        }
        long id = service.create(DEFAULT_SITE, username, displayName, Role.BUREAU_ADMIN, password);
        jdbc.sql("UPDATE setup_tokens SET used_at = :now WHERE used_at IS NULL")
                .param("now", java.sql.Timestamp.from(clock.instant())).update();
        return Optional.of(id);
    }

    private static String newToken() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
