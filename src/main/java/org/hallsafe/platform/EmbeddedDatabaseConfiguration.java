package org.hallsafe.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * With no database configured, HallSafe starts a real PostgreSQL of its own and keeps its data under
 * {@code hallsafe.data-dir}. Setting {@code HALLSAFE_DB_URL} (or {@code spring.datasource.url}) switches this off.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isBlank()")
class EmbeddedDatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(HallSafeProperties properties) throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setPort(properties.db().port())
                .setServerConfig("timezone", "UTC");
        Path dir = null;
        if (properties.db().persistent()) {
            dir = properties.dataDir().resolve("postgres").toAbsolutePath().normalize();
            Files.createDirectories(dir);
            builder.setDataDirectory(dir).setCleanDataDirectory(false);
        }
        EmbeddedPostgres postgres = builder.start();
        if (dir != null) {
            log.info("""
                    HallSafe uses its embedded PostgreSQL; the data is kept in {} (port {}).
                    To use your own PostgreSQL 15+ instead, set HALLSAFE_DB_URL (e.g. jdbc:postgresql://db:5432/hallsafe), \
                    HALLSAFE_DB_USER and HALLSAFE_DB_PASSWORD.""", dir, postgres.getPort());
        }
        return postgres;
    }

    @Bean
    DataSource dataSource(EmbeddedPostgres postgres) {
        return DataSourceBuilder.create()
                .url(postgres.getJdbcUrl("postgres", "postgres"))
                .username("postgres")
                .build();
    }
}
