package org.hallsafe.platform;

/**
 * One table's share of the retention job. The module that owns the table declares it as a {@code @Bean}; platform's
 * {@link RetentionJob} runs its statement in batches, each in its own transaction, until a batch changes fewer rows
 * than the batch size. The statement anonymises (never deletes) at most
 * {@code :limit} rows whose last event is before {@code :before} and that are not anonymised yet; run again, it changes
 * nothing. Usually
 * {@code WITH batch AS (SELECT id … ORDER BY <time> LIMIT :limit FOR NO KEY UPDATE SKIP LOCKED) UPDATE … FROM batch …}.
 * The job binds {@code :before} (end of the period), {@code :limit} (the batch size), {@code :marker}
 * ({@link RetentionProperties#ANONYMISED}) and {@code :now} (for {@code anonymised_at}); a statement uses those it needs.
 *
 * @param name the table or part of it, as the audit entry names it, e.g. {@code screenings}
 * @param dataClass whose period applies
 * @param sql one statement taking at least {@code :before} and {@code :limit}; its update count is the rows changed
 */
public record RetentionRule(String name, RetentionProperties.DataClass dataClass, String sql) {

    public RetentionRule {
        if (!sql.contains(":before") || !sql.contains(":limit")) {
            throw new IllegalArgumentException("retention rule " + name + ": the statement takes :before and :limit");
        }
    }
}
