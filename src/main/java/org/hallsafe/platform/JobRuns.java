package org.hallsafe.platform;

import java.net.InetAddress;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The record of each run of a scheduled job on each node (issue 19, item 4), for the bureau administrator's page.
 * Bureau-wide: a job serves every hall at once, so a run has no hall. A run's record is kept
 * {@code hallsafe.jobs.keep-runs-for}; each recording removes its job's older ones.
 */
@Component
class JobRuns {

    private static final Logger log = LoggerFactory.getLogger(JobRuns.class);
    static final int NAME_MAX = 100;
    static final int NODE_MAX = 100;
    static final int ERROR_MAX = 1000;

    enum Outcome { OK, FAILED, TIMED_OUT }

    record Run(long id, String job, String node, Instant started, long durationMillis, Outcome outcome, String error) {
    }

    private final JdbcClient jdbc;
    private final JobProperties properties;
    private final Clock clock;
    private final String node = nodeName();

    JobRuns(JdbcClient jdbc, JobProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    /** This node's name in the records: host and process. */
    String node() {
        return node;
    }

    /** Records a run; a database that cannot take it (down, stopping) costs the record, never the job. */
    void record(String job, Instant started, Duration took, Outcome outcome, String error) {
        try {
            jdbc.sql("""
                    INSERT INTO job_runs (job_name, node, started_at, finished_at, duration_ms, outcome, error)
                    VALUES (:job, :node, :started, :finished, :millis, :outcome, :error)""")
                    .param("job", job).param("node", node).param("started", Timestamp.from(started))
                    .param("finished", Timestamp.from(started.plus(took))).param("millis", took.toMillis())
                    .param("outcome", outcome.name()).param("error", error).update();
            jdbc.sql("DELETE FROM job_runs WHERE job_name = :job AND started_at < :before").param("job", job)
                    .param("before", Timestamp.from(clock.instant().minus(properties.keepRunsFor()))).update();
        } catch (RuntimeException e) {
            log.warn("The run of job {} ({}) could not be recorded: {}", job, outcome, e.getMessage());
        }
    }

    /** The last run of each job, on whichever node. */
    List<Run> lastRuns() {
        return jdbc.sql("""
                SELECT DISTINCT ON (job_name) id, job_name, node, started_at, duration_ms, outcome, error
                FROM job_runs ORDER BY job_name, started_at DESC, id DESC""").query(JobRuns::run).list();
    }

    /** Runs that failed or timed out since the given time, newest first, at most {@code limit}. */
    List<Run> failuresSince(Instant since, int limit) {
        return jdbc.sql("""
                SELECT id, job_name, node, started_at, duration_ms, outcome, error FROM job_runs
                WHERE outcome <> 'OK' AND started_at >= :since ORDER BY started_at DESC, id DESC LIMIT :limit""")
                .param("since", Timestamp.from(since)).param("limit", limit).query(JobRuns::run).list();
    }

    /** Runs that failed or timed out since the given time, per job. */
    java.util.Map<String, Integer> failureCounts(Instant since) {
        java.util.Map<String, Integer> counts = new java.util.HashMap<>();
        jdbc.sql("SELECT job_name, count(*) AS n FROM job_runs WHERE outcome <> 'OK' AND started_at >= :since GROUP BY job_name")
                .param("since", Timestamp.from(since)).query(rs -> {
                    counts.put(rs.getString("job_name"), rs.getInt("n"));
                });
        return counts;
    }

    private static Run run(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Run(rs.getLong("id"), rs.getString("job_name"), rs.getString("node"),
                rs.getTimestamp("started_at").toInstant(), rs.getLong("duration_ms"),
                Outcome.valueOf(rs.getString("outcome")), rs.getString("error"));
    }

    private static String nodeName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            host = "localhost";
        }
        String name = host + "/" + ProcessHandle.current().pid();
        return name.length() <= NODE_MAX ? name : name.substring(name.length() - NODE_MAX);
    }
}
