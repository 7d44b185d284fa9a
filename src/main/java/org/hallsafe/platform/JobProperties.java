package org.hallsafe.platform;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The scheduled jobs (issue 19, item 4), under {@code hallsafe.jobs.*}. A job is named by its class and method, e.g.
 * {@code Escalation.escalateOverdue}; the administrator's page {@code /admin/jobs} lists them.
 *
 * @param poolSize threads that start jobs: so many jobs run at once on a node, and a slow one does not hold the others
 * @param timeLimit how long a run may take before it is interrupted and recorded as timed out
 * @param timeLimits a job's own limit, by job name, e.g. {@code hallsafe.jobs.time-limits.[Reminders.remind]=2m}
 * @param keepRunsFor how long the record of each run is kept (the page shows the last day)
 * @param runOnSchedule start the {@code @Scheduled} methods on their schedules; the tests switch it off and call a
 *     job themselves, with the clock they set (the scheduler itself still runs what is handed to it)
 */
@ConfigurationProperties("hallsafe.jobs")
public record JobProperties(
        @DefaultValue("4") int poolSize,
        @DefaultValue("5m") Duration timeLimit,
        Map<String, Duration> timeLimits,
        @DefaultValue("7d") Duration keepRunsFor,
        @DefaultValue("true") boolean runOnSchedule) {

    /** The retention job's first run on a large ledger takes hours; its batches are each a transaction of their own. */
    private static final Map<String, Duration> BUILT_IN = Map.of("retentionjob.scheduled", Duration.ofHours(6));

    public JobProperties {
        if (poolSize < 1) {
            throw new IllegalArgumentException("hallsafe.jobs.pool-size: at least 1, not " + poolSize);
        }
        timeLimits = timeLimits == null ? Map.of() : Map.copyOf(timeLimits);
    }

    /** The job's own limit when one is set (names compared without case), else the built-in one, else the default. */
    Duration timeLimitOf(String job) {
        String key = job.toLowerCase(Locale.ROOT);
        return timeLimits.entrySet().stream().filter(e -> e.getKey().toLowerCase(Locale.ROOT).equals(key))
                .map(Map.Entry::getValue).findFirst().orElse(BUILT_IN.getOrDefault(key, timeLimit));
    }
}
