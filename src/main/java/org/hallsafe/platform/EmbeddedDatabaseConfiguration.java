package org.hallsafe.platform;

import java.io.IOException;

import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * With no database configured, HallSafe starts a real PostgreSQL of its own and keeps its data under
 * {@code hallsafe.data-dir}. Setting {@code HALLSAFE_DB_URL} (or {@code spring.datasource.url}) switches this off.
 * The migrations run as the owner role, the application as the app role (see {@link EmbeddedDatabase}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isBlank()")
class EmbeddedDatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedDatabase embeddedDatabase(HallSafeProperties properties) throws IOException {
        EmbeddedDatabase database = EmbeddedDatabase.start(properties.dataDir(), properties.db().persistent(),
                properties.db().port());
        if (properties.db().persistent()) {
            log.info("""
                    HallSafe uses its embedded PostgreSQL; the data is kept in {} (port {}, 127.0.0.1 only, \
                    passwords in {}).
                    To use your own PostgreSQL 15+ instead, set HALLSAFE_DB_URL (e.g. jdbc:postgresql://db:5432/hallsafe), \
                    HALLSAFE_DB_USER and HALLSAFE_DB_PASSWORD.""", database.directory(), database.port(),
                    EmbeddedDatabase.SECRET_FILE);
        }
        return database;
    }

    /**
     * The application's connections: the app role, which cannot change the audit log. The pool takes the same
     * {@code spring.datasource.hikari.*} settings as an external database's (time-outs, issue 19).
     */
    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedDatabase database) {
        return DataSourceBuilder.create()
                .type(HikariDataSource.class)
                .url(database.jdbcUrl())
                .username(EmbeddedDatabase.APP)
                .password(database.passwords().app())
                .build();
    }

    /** The migrations run as the owner of the tables. */
    @Bean
    FlywayConfigurationCustomizer embeddedDatabaseOwner(EmbeddedDatabase database) {
        return configuration -> configuration.dataSource(database.jdbcUrl(), EmbeddedDatabase.OWNER,
                database.passwords().owner());
    }
}
