package org.hallsafe.platform;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The streaming standby for reads marked {@link StandbyRead} (issue 18, item 3); the rest of {@code hallsafe.db.*} is
 * in {@link HallSafeProperties}.
 *
 * @param readUrl JDBC URL of a streaming standby of the primary ({@code HALLSAFE_DB_READ_URL}); empty: every read
 *     runs on the primary
 * @param readUser its user ({@code HALLSAFE_DB_READ_USER})
 * @param readPassword its password ({@code HALLSAFE_DB_READ_PASSWORD})
 * @param standbyMaxLag reads go to the primary while the standby is further behind than this
 * @param standbyCheckInterval how often the standby's lag is checked (two one-row queries)
 */
@ConfigurationProperties("hallsafe.db")
record StandbyProperties(@DefaultValue("") String readUrl, @DefaultValue("") String readUser,
        @DefaultValue("") String readPassword, @DefaultValue("5s") Duration standbyMaxLag,
        @DefaultValue("1s") Duration standbyCheckInterval) {
}
