package org.hallsafe.platform;

import java.lang.reflect.UndeclaredThrowableException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.SchedulingAwareRunnable;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.Trigger;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Every {@code @Scheduled} method runs through here (issue 19, item 4), with nothing to add on the method: Spring's
 * scheduler (a pool of {@code hallsafe.jobs.pool-size} threads) starts the run, the run itself goes to a worker
 * thread, and the scheduler's thread waits at most the job's time limit. A run past it is interrupted and recorded as
 * {@code TIMED_OUT}, and the job's next run is scheduled as usual: a run stuck in a call that ignores the interrupt
 * keeps only its worker thread, never the schedule. (Its next run may then overlap it; every job claims its work with
 * a conditional update, which is what makes several nodes safe too.) Each run is timed in {@code hallsafe.jobs.runs}
 * and recorded in {@link JobRuns}.
 */
class ScheduledJobs implements SchedulingConfigurer, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ScheduledJobs.class);
    static final String METRIC = "hallsafe.jobs.runs";

    private final JobProperties properties;
    private final JobRuns runs;
    private final MeterRegistry meters;
    private final Clock clock;
    /** Daemon threads: a run that ignores its interrupt must not keep a stopping JVM alive. */
    private final ExecutorService workers = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS,
            new SynchronousQueue<>(), daemon("job-run-"));
    private volatile TaskScheduler scheduler;

    ScheduledJobs(JobProperties properties, JobRuns runs, MeterRegistry meters, Clock clock) {
        this.properties = properties;
        this.runs = runs;
        this.meters = meters;
        this.clock = clock;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        scheduler = new TimedScheduler(registrar.getScheduler());
        if (properties.runOnSchedule()) {
            registrar.setTaskScheduler(scheduler);
        } else {
            // the jobs stay listed (/admin/jobs) and callable, but none starts by itself (Spring Modulith's too)
            registrar.setTaskScheduler(new NeverScheduler(scheduler));
            log.info("hallsafe.jobs.run-on-schedule=false: no scheduled job starts by itself");
        }
    }

    /** The scheduler the {@code @Scheduled} methods run on (tests schedule jobs of their own on it). */
    TaskScheduler scheduler() {
        return scheduler;
    }

    @Override
    public void destroy() {
        // Spring's scheduler has stopped (and waited for its running jobs) by now: what still runs has timed out
        workers.shutdownNow();
    }

    /** {@code Escalation.escalateOverdue}: class and method of a {@code @Scheduled} method, from Spring's task. */
    static String jobName(Runnable task) {
        String name = String.valueOf(task).replaceAll("\\$\\$SpringCGLIB\\$\\$\\d+", "");
        int method = name.lastIndexOf('.');
        int type = method > 0 ? name.lastIndexOf('.', method - 1) : -1;
        name = name.substring(type + 1);
        return name.length() <= JobRuns.NAME_MAX ? name : name.substring(0, JobRuns.NAME_MAX);
    }

    private Runnable timed(Runnable task) {
        return new TimedRun(task, jobName(task));
    }

    private static CustomizableThreadFactory daemon(String prefix) {
        CustomizableThreadFactory threads = new CustomizableThreadFactory(prefix);
        threads.setDaemon(true);
        return threads;
    }

    /** One run of a job: on a worker, within the job's time limit, timed and recorded. */
    private final class TimedRun implements SchedulingAwareRunnable {

        private final Runnable task;
        private final String job;

        TimedRun(Runnable task, String job) {
            this.task = task;
            this.job = job;
        }

        @Override
        public void run() {
            Duration limit = properties.timeLimitOf(job);
            Instant started = clock.instant();
            long start = System.nanoTime();
            Future<?> run;
            try {
                run = workers.submit(task);
            } catch (RejectedExecutionException e) {
                return; // the node is stopping
            }
            JobRuns.Outcome outcome = JobRuns.Outcome.OK;
            String error = null;
            try {
                run.get(limit.toNanos(), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                run.cancel(true);
                outcome = JobRuns.Outcome.TIMED_OUT;
                log.warn("Job {} ran longer than its time limit of {}: interrupted", job, limit);
            } catch (ExecutionException e) {
                outcome = JobRuns.Outcome.FAILED;
                error = describe(e.getCause());
                log.warn("Job {} failed", job, e.getCause());
            } catch (InterruptedException | CancellationException e) {
                run.cancel(true);
                Thread.currentThread().interrupt();
                outcome = JobRuns.Outcome.FAILED;
                error = "interrupted: the node is stopping";
            }
            long nanos = System.nanoTime() - start;
            Timer.builder(METRIC).description("Runs of the scheduled jobs, by job and how they ended")
                    .tag("job", job).tag("outcome", outcome.name()).register(meters).record(nanos, TimeUnit.NANOSECONDS);
            runs.record(job, started, Duration.ofNanos(nanos), outcome, error);
        }

        @Override
        public boolean isLongLived() {
            return task instanceof SchedulingAwareRunnable aware && aware.isLongLived();
        }

        @Override
        public String getQualifier() {
            return task instanceof SchedulingAwareRunnable aware ? aware.getQualifier() : null;
        }

        @Override
        public String toString() {
            return task.toString();
        }
    }

    /** The exception and its root cause, one line each; a database's "Detail:" (it may quote a row's values) left out. */
    static String describe(Throwable failure) {
        Throwable top = failure instanceof UndeclaredThrowableException u && u.getUndeclaredThrowable() != null
                ? u.getUndeclaredThrowable() : failure;
        Throwable root = top;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = line(top) + (root == top ? "" : " ← " + line(root));
        return text.length() <= JobRuns.ERROR_MAX ? text : text.substring(0, JobRuns.ERROR_MAX - 1) + "…";
    }

    private static String line(Throwable t) {
        String message = t.getMessage() == null ? "" : t.getMessage();
        int detail = message.indexOf("Detail:");
        if (detail >= 0) {
            message = message.substring(0, detail);
        }
        message = message.replaceAll("\\s+", " ").strip();
        return t.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message);
    }

    /**
     * {@code hallsafe.jobs.run-on-schedule=false}: takes every scheduled task and starts none; each one's future is
     * null, as for a trigger that never fires. What is scheduled through {@link #scheduler()} still runs.
     */
    private record NeverScheduler(TaskScheduler pool) implements TaskScheduler {

        @Override
        public Clock getClock() {
            return pool.getClock();
        }

        @Override
        public ScheduledFuture<?> schedule(Runnable task, Trigger trigger) {
            return null;
        }

        @Override
        public ScheduledFuture<?> schedule(Runnable task, Instant startTime) {
            return null;
        }

        @Override
        public ScheduledFuture<?> scheduleAtFixedRate(Runnable task, Instant startTime, Duration period) {
            return null;
        }

        @Override
        public ScheduledFuture<?> scheduleAtFixedRate(Runnable task, Duration period) {
            return null;
        }

        @Override
        public ScheduledFuture<?> scheduleWithFixedDelay(Runnable task, Instant startTime, Duration delay) {
            return null;
        }

        @Override
        public ScheduledFuture<?> scheduleWithFixedDelay(Runnable task, Duration delay) {
            return null;
        }
    }

    /** Spring's scheduler, with each task it is given run as a {@link TimedRun}. */
    private final class TimedScheduler implements TaskScheduler {

        private final TaskScheduler pool;

        TimedScheduler(TaskScheduler pool) {
            this.pool = pool;
        }

        @Override
        public Clock getClock() {
            return pool.getClock();
        }

        @Override
        public ScheduledFuture<?> schedule(Runnable task, Trigger trigger) {
            return pool.schedule(timed(task), trigger);
        }

        @Override
        public ScheduledFuture<?> schedule(Runnable task, Instant startTime) {
            return pool.schedule(timed(task), startTime);
        }

        @Override
        public ScheduledFuture<?> scheduleAtFixedRate(Runnable task, Instant startTime, Duration period) {
            return pool.scheduleAtFixedRate(timed(task), startTime, period);
        }

        @Override
        public ScheduledFuture<?> scheduleAtFixedRate(Runnable task, Duration period) {
            return pool.scheduleAtFixedRate(timed(task), period);
        }

        @Override
        public ScheduledFuture<?> scheduleWithFixedDelay(Runnable task, Instant startTime, Duration delay) {
            return pool.scheduleWithFixedDelay(timed(task), startTime, delay);
        }

        @Override
        public ScheduledFuture<?> scheduleWithFixedDelay(Runnable task, Duration delay) {
            return pool.scheduleWithFixedDelay(timed(task), delay);
        }
    }
}
