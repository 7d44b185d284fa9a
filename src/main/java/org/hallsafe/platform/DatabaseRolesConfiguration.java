package org.hallsafe.platform;

import java.util.HashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Two database roles: the owner runs the migrations, the application's role may change rows but only add to the
 * audit log. The migrations grant to the role named by the Flyway placeholder {@code app_role}: HallSafe's own
 * {@code hallsafe_app} on the embedded database, {@code spring.datasource.username} on an external one. With one
 * external role for both ({@code hallsafe.db.owner-user} empty) the grants are skipped and a warning is logged.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseRolesConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DatabaseRolesConfiguration.class);

    @Bean
    FlywayConfigurationCustomizer databaseRoles(ObjectProvider<EmbeddedDatabase> embedded, HallSafeProperties properties,
            Environment environment) {
        return configuration -> {
            String appRole;
            if (embedded.getIfAvailable() != null) {
                appRole = EmbeddedDatabase.APP;
            } else {
                appRole = environment.getProperty("spring.datasource.username", "");
                String owner = properties.db().ownerUser();
                if (owner.isBlank() || owner.equals(appRole)) {
                    log.warn("HallSafe runs on one database role ({}) that owns the audit log: the log is "
                            + "tamper-evident (its hash chain shows changes) but not tamper-proof. Set "
                            + "HALLSAFE_DB_OWNER_USER and HALLSAFE_DB_OWNER_PASSWORD for a separate owner role "
                            + "(README, \"Database roles\").", appRole.isBlank() ? "from the URL" : appRole);
                    // issue 19: connections of their own, not the pool's, which end a statement after 60 s
                    configuration.dataSource(environment.getRequiredProperty("spring.datasource.url"),
                            appRole.isBlank() ? null : appRole, environment.getProperty("spring.datasource.password"));
                } else {
                    configuration.dataSource(environment.getRequiredProperty("spring.datasource.url"), owner,
                            properties.db().ownerPassword());
                }
            }
            Map<String, String> placeholders = new HashMap<>(configuration.getPlaceholders());
            placeholders.put("app_role", appRole);
            configuration.placeholders(placeholders);
        };
    }
}
