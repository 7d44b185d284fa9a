package org.hallsafe.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.config.CronTask;
import org.springframework.scheduling.config.IntervalTask;
import org.springframework.scheduling.config.ScheduledTaskHolder;
import org.springframework.scheduling.config.Task;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The scheduled jobs for the bureau's administrator (issue 19, item 4): each job's schedule and time limit, its last
 * run on any node, and what failed in the last 24 hours with the error. Bureau-wide like the metrics, so it takes the
 * metrics permission, which a hall's administrator does not hold.
 */
@Controller
class JobPages {

    private static final int FAILURES_SHOWN = 5;

    private final JobRuns runs;
    private final JobProperties properties;
    private final ObjectProvider<ScheduledTaskHolder> schedules;
    private final Clock clock;

    JobPages(JobRuns runs, JobProperties properties, ObjectProvider<ScheduledTaskHolder> schedules, Clock clock) {
        this.runs = runs;
        this.properties = properties;
        this.schedules = schedules;
        this.clock = clock;
    }

    /** An amount in words: a message key ({@code jobs.unit.s}) and its number. */
    record Amount(String key, String number) {
    }

    record Job(String name, Amount limit, String scheduleKey, Object scheduleValue, JobRuns.Run last, Amount lastTook,
            int failures, List<JobRuns.Run> recentFailures) {
    }

    @GetMapping("/admin/jobs")
    @RequiresPermission(Permissions.METRICS_VIEW)
    String jobs(Model model) {
        Instant since = clock.instant().minus(Duration.ofDays(1));
        Map<String, Task> scheduled = new TreeMap<>();
        schedules.orderedStream().flatMap(h -> h.getScheduledTasks().stream())
                .forEach(t -> scheduled.putIfAbsent(ScheduledJobs.jobName(t.getTask().getRunnable()), t.getTask()));
        Map<String, JobRuns.Run> last = runs.lastRuns().stream()
                .collect(Collectors.toMap(JobRuns.Run::job, Function.identity()));
        Map<String, Integer> failures = runs.failureCounts(since);
        Map<String, List<JobRuns.Run>> recent = runs.failuresSince(since, 200).stream()
                .collect(Collectors.groupingBy(JobRuns.Run::job));
        TreeMap<String, Task> names = new TreeMap<>(scheduled);
        last.keySet().forEach(name -> names.putIfAbsent(name, null));
        List<Job> jobs = new ArrayList<>();
        names.forEach((name, task) -> {
            JobRuns.Run run = last.get(name);
            List<JobRuns.Run> failed = recent.getOrDefault(name, List.of());
            jobs.add(new Job(name, amount(properties.timeLimitOf(name)), scheduleKey(task), scheduleValue(task), run,
                    run == null ? null : took(run.durationMillis()), failures.getOrDefault(name, 0),
                    failed.subList(0, Math.min(FAILURES_SHOWN, failed.size()))));
        });
        model.addAttribute("jobs", jobs);
        model.addAttribute("keepDays", properties.keepRunsFor().toDays());
        return "admin/jobs";
    }

    private static String scheduleKey(Task task) {
        if (task instanceof CronTask) {
            return "jobs.schedule.cron";
        }
        if (task instanceof IntervalTask) {
            return "jobs.schedule.every";
        }
        return "jobs.schedule.none";
    }

    private static Object scheduleValue(Task task) {
        if (task instanceof CronTask cron) {
            return cron.getExpression();
        }
        return task instanceof IntervalTask interval ? amount(interval.getIntervalDuration()) : null;
    }

    /** A limit or an interval: whole hours, minutes or seconds. */
    static Amount amount(Duration d) {
        if (d.toSeconds() >= 3600 && d.toSeconds() % 3600 == 0) {
            return new Amount("jobs.unit.h", String.valueOf(d.toHours()));
        }
        if (d.toSeconds() >= 60 && d.toSeconds() % 60 == 0) {
            return new Amount("jobs.unit.min", String.valueOf(d.toMinutes()));
        }
        return d.toMillis() % 1000 == 0 ? new Amount("jobs.unit.s", String.valueOf(d.toSeconds()))
                : new Amount("jobs.unit.ms", String.valueOf(d.toMillis()));
    }

    /** How long a run took: milliseconds under a second, seconds with one decimal under two minutes, then minutes. */
    static Amount took(long millis) {
        if (millis < 1000) {
            return new Amount("jobs.unit.ms", String.valueOf(millis));
        }
        if (millis < 120_000) {
            return new Amount("jobs.unit.s", String.format(java.util.Locale.ROOT, "%.1f", millis / 1000.0));
        }
        return new Amount("jobs.unit.min", String.format(java.util.Locale.ROOT, "%.1f", millis / 60_000.0));
    }
}
