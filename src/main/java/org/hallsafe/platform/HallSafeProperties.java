package org.hallsafe.platform;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the platform, under {@code hallsafe.*}. Every property has a default a real hall can live with;
 * the README lists them.
 *
 * @param dataDir where the embedded PostgreSQL and the generated key file live
 * @param demo load the demo bureau and allow the demo accounts
 * @param zone the zone every time is shown in
 * @param db the embedded database
 * @param crypto the key for personal data at rest
 * @param security sign-in rules and the first administrator
 */
@ConfigurationProperties("hallsafe")
public record HallSafeProperties(
        @DefaultValue("./data") Path dataDir,
        @DefaultValue("false") boolean demo,
        @DefaultValue("Asia/Shanghai") ZoneId zone,
        @DefaultValue Db db,
        @DefaultValue Crypto crypto,
        @DefaultValue Security security) {

    /**
     * @param port port of the embedded PostgreSQL; 0 picks a free one
     * @param persistent keep the data under {@code data-dir} between runs; tests switch it off
     * @param ownerUser an external database only: the role that owns the tables and runs the migrations; when empty,
     *     the migrations run as {@code spring.datasource.username} (then the audit log is tamper-evident only)
     * @param ownerPassword the password of {@code ownerUser}
     */
    public record Db(@DefaultValue("0") int port, @DefaultValue("true") boolean persistent,
            @DefaultValue("") String ownerUser, @DefaultValue("") String ownerPassword) {
    }

    /**
     * @param key base64 of 32 random bytes; when empty, HallSafe makes one in {@code data-dir/hallsafe.key}
     *     (fine for one node; several nodes must share one key through this property)
     */
    public record Crypto(@DefaultValue("") String key) {
    }

    /**
     * @param maxFailedSignIns wrong passwords in a row before the account is locked
     * @param lockDuration how long a locked account stays locked
     * @param adminUsername user name of the first administrator
     * @param adminPassword password of the first administrator; when empty, a one-time setup link is logged
     * @param setupLinkValidity how long the one-time setup link works
     * @param passwordStrength BCrypt's cost for new password hashes (log2 rounds, 4 to 31); each step doubles the
     *     time of one check; a stored hash keeps the cost it was made with. Tests set 4 (issue 13, item 7)
     */
    public record Security(
            @DefaultValue("5") int maxFailedSignIns,
            @DefaultValue("15m") Duration lockDuration,
            @DefaultValue("admin") String adminUsername,
            @DefaultValue("") String adminPassword,
            @DefaultValue("24h") Duration setupLinkValidity,
            @DefaultValue("10") int passwordStrength) {

        public Security {
            if (passwordStrength < 4 || passwordStrength > 31) {
                throw new IllegalArgumentException("hallsafe.security.password-strength: 4 to 31, not " + passwordStrength);
            }
        }
    }
}
