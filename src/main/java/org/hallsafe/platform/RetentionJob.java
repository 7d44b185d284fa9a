package org.hallsafe.platform;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The retention job: runs each module's {@link RetentionRule} statement on its rows past the period of their data
 * class, in batches of {@code hallsafe.retention.batch-size}, each in its own transaction. One node runs it at a time: the
 * run holds a PostgreSQL advisory lock on a connection of its own (no transaction, so no snapshot holds back vacuum
 * for the hours a first run on a big ledger may take); a node that cannot take it skips. A run that changed
 * anything is audited as {@code RETENTION_PURGE} with the counts per data class.
 */
@Component
public class RetentionJob {

    private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);
    /** "HSRT": the advisory lock key of the retention run. */
    private static final long LOCK = 0x4853_5254L;

    private final List<RetentionRule> rules;
    private final RetentionProperties properties;
    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final ActivityLog activity;

    RetentionJob(List<RetentionRule> rules, RetentionProperties properties, DataSource dataSource, JdbcClient jdbc,
            PlatformTransactionManager transactions, Clock clock, ActivityLog activity) {
        this.rules = rules;
        this.properties = properties;
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
        this.activity = activity;
    }

    @Scheduled(cron = "${hallsafe.retention.cron:0 30 2 * * *}", zone = "${hallsafe.zone:Asia/Shanghai}")
    void scheduled() {
        if (properties.enabled()) {
            run();
        }
    }

    /** Rows anonymised per rule, or empty when another node is running it. */
    public Optional<Map<String, Integer>> run() {
        try (Connection lock = dataSource.getConnection()) {
            lock.setAutoCommit(true);
            if (!advisory(lock, "SELECT pg_try_advisory_lock(?)")) {
                log.info("The retention job runs on another node; this one skips.");
                return Optional.empty();
            }
            try {
                return Optional.of(purge());
            } finally {
                advisory(lock, "SELECT pg_advisory_unlock(?)");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("retention job: " + e.getMessage(), e);
        }
    }

    private Map<String, Integer> purge() {
        Instant now = clock.instant();
        Map<RetentionProperties.DataClass, Map<String, Integer>> counts = new EnumMap<>(RetentionProperties.DataClass.class);
        Map<String, Integer> byRule = new LinkedHashMap<>();
        for (RetentionRule rule : rules) {
            Instant before = now.minus(properties.period(rule.dataClass()));
            int total = 0;
            int changed;
            do {
                changed = batch(rule, before, properties.batchSize());
                total += changed;
            } while (changed >= properties.batchSize());
            byRule.merge(rule.name(), total, Integer::sum);
            counts.computeIfAbsent(rule.dataClass(), c -> new LinkedHashMap<>()).merge(rule.name(), total, Integer::sum);
        }
        int total = byRule.values().stream().mapToInt(Integer::intValue).sum();
        if (total > 0) {
            String summary = counts.entrySet().stream()
                    .map(e -> e.getKey() + " " + properties.period(e.getKey()).toDays() + "d: " + e.getValue().entrySet()
                            .stream().map(r -> r.getKey() + " " + r.getValue()).collect(Collectors.joining(", ")))
                    .collect(Collectors.joining("; "));
            activity.record(null, "system", "RETENTION_PURGE", "retention", null, summary);
        }
        log.info("Retention job: {} rows anonymised {}", total, byRule);
        return byRule;
    }

    /** One batch of a rule, in a transaction of its own: rows changed. */
    private int batch(RetentionRule rule, Instant before, int limit) {
        return transaction.execute(status -> jdbc.sql(rule.sql())
                .param("before", Timestamp.from(before)).param("limit", limit)
                .param("marker", RetentionProperties.ANONYMISED).param("now", Timestamp.from(clock.instant()))
                .update());
    }

    private static boolean advisory(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, LOCK);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }
}
