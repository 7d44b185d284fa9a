package org.hallsafe.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.hallsafe.HallSafeTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 18, item 5: the schema is ready to be sharded by hall (Citus, {@code site_id} as the distribution column), so
 * that distribution is a configuration step and not a rewrite. The design is {@code docs/scale-out.md}; these tests
 * hold the schema to it on every build, for every table a later migration adds.
 */
@HallSafeTest
class ScaleOutSchemaIssue18Test {

    /** Tables of no hall: Citus reference tables or coordinator-local tables, each named in docs/scale-out.md. */
    static final Set<String> BUREAU_WIDE = Set.of("sites", "event_publication", "flyway_schema_history", "job_runs",
            "rate_limit_buckets", "setup_tokens", "spring_session", "spring_session_attributes");

    /** Rows of no hall exist in these hall tables (the bureau's own audit trail); the design says where they go. */
    static final Set<String> HALL_OPTIONAL = Set.of("audit_log");

    @Autowired
    JdbcClient jdbc;

    @Test
    void r18_5_everyTableIsAHallTableOrANamedBureauWideOne() {
        List<String> withoutHall = jdbc.sql("""
                SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND NOT c.relispartition
                  AND NOT EXISTS (SELECT 1 FROM pg_attribute a
                                  WHERE a.attrelid = c.oid AND a.attname = 'site_id' AND NOT a.attisdropped)
                ORDER BY 1""").query(String.class).list();
        assertThat(withoutHall).as("tables without site_id: give them their hall, or name them bureau-wide here and in "
                + "docs/scale-out.md").containsExactlyInAnyOrderElementsOf(BUREAU_WIDE);
        List<String> nullable = jdbc.sql("""
                SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'site_id' AND NOT a.attisdropped
                WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND NOT a.attnotnull
                ORDER BY 1""").query(String.class).list();
        assertThat(nullable).as("hall tables whose site_id may be empty: Citus refuses a row without its "
                + "distribution column").containsExactlyInAnyOrderElementsOf(HALL_OPTIONAL);
    }

    /**
     * Citus wants the distribution column in the primary key. Every hall table has it there already, or has a unique
     * key of exactly {@code site_id} plus the primary key's columns, so the switch is {@code ADD PRIMARY KEY USING
     * INDEX} on an index that exists, not a rebuild of the table's keys.
     */
    @Test
    void r18_5_everyHallTableCarriesItsHallInItsPrimaryKeyOrAUniqueKeyBesideIt() {
        List<String> missing = jdbc.sql("""
                WITH hall_tables AS (
                    SELECT c.oid, c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                    WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND NOT c.relispartition
                      AND EXISTS (SELECT 1 FROM pg_attribute a
                                  WHERE a.attrelid = c.oid AND a.attname = 'site_id' AND NOT a.attisdropped)),
                keys AS (
                    SELECT x.indrelid AS oid, x.indisprimary AS primary_key, x.indpred IS NULL AND x.indexprs IS NULL
                           AS plain, (SELECT array_agg(a.attname::text ORDER BY a.attname) FROM unnest(x.indkey) k
                                      JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = k) AS cols
                    FROM pg_index x WHERE x.indisunique)
                SELECT t.relname FROM hall_tables t
                JOIN keys p ON p.oid = t.oid AND p.primary_key
                WHERE NOT 'site_id' = ANY (p.cols)
                  AND NOT EXISTS (SELECT 1 FROM keys u WHERE u.oid = t.oid AND u.plain
                                  AND u.cols = (SELECT array_agg(c ORDER BY c) FROM unnest(p.cols || 'site_id'::text) c))
                ORDER BY 1""").query(String.class).list();
        assertThat(missing).as("hall tables with neither site_id in the primary key nor a unique key of site_id and "
                + "the primary key's columns").isEmpty();
        List<String> withoutKey = jdbc.sql("""
                SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p')
                  AND NOT EXISTS (SELECT 1 FROM pg_index x WHERE x.indrelid = c.oid AND x.indisprimary)
                ORDER BY 1""").query(String.class).list();
        assertThat(withoutKey).as("tables without a primary key").isEmpty();
    }

    /**
     * A unique key without site_id cannot be enforced across shards. Each one is named in the design with how it is
     * kept there (a reference table, or a key that already is unique per hall and gains site_id).
     */
    @Test
    void r18_5_everyUniqueKeyOfAHallTableWithoutTheHallIsNamedInTheDesign() throws IOException {
        List<String> global = jdbc.sql("""
                SELECT i.relname FROM pg_index x JOIN pg_class c ON c.oid = x.indrelid
                JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = current_schema() AND x.indisunique AND NOT x.indisprimary
                  AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'site_id')
                  AND NOT EXISTS (SELECT 1 FROM unnest(x.indkey) k JOIN pg_attribute a
                                  ON a.attrelid = c.oid AND a.attnum = k WHERE a.attname = 'site_id')
                ORDER BY 1""").query(String.class).list();
        String design = Files.readString(Path.of("docs/scale-out.md"));
        assertThat(global).as("unique keys of hall tables without site_id, each must be named in docs/scale-out.md")
                .allSatisfy(key -> assertThat(design).contains("`" + key + "`"));
        assertThat(BUREAU_WIDE).allSatisfy(table -> assertThat(design).contains("`" + table + "`"));
        assertThat(HALL_OPTIONAL).allSatisfy(table -> assertThat(design).contains("`" + table + "`"));
    }
}
