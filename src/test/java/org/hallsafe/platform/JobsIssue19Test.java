package org.hallsafe.platform;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.hallsafe.HallSafeTest;
import org.hallsafe.TestAccounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.scheduling.config.Task;
import org.springframework.scheduling.support.ScheduledMethodRunnable;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 19, item 4: jobs on a pool of their own, each run within its time limit, recorded for the bureau's
 * administrator and in the metrics. The jobs here are scheduled on the same scheduler, and wrapped the same way, as
 * the application's {@code @Scheduled} methods.
 */
@HallSafeTest
class JobsIssue19Test {

    @Autowired
    ScheduledJobs jobs;
    @Autowired
    ThreadPoolTaskScheduler pool;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;
    @Autowired
    TestAccounts accounts;

    private final R19Jobs target = new R19Jobs();
    private final List<ScheduledFuture<?>> scheduled = new ArrayList<>();

    @AfterEach
    void cancel() {
        scheduled.forEach(f -> f.cancel(true));
        target.release.countDown();
    }

    @Test
    void r19_4_aSlowJobDoesNotDelayAnotherJob() {
        assertThat(pool.getPoolSize()).as("hallsafe.jobs.pool-size").isEqualTo(4);
        schedule("slow", Duration.ofMillis(100));
        await().atMost(Duration.ofSeconds(5)).until(() -> target.slowStarted.getCount() == 0);

        int before = target.ticks.get();
        schedule("tick", Duration.ofMillis(100));

        // like the escalation behind a slow SMS reminder: the other job keeps its time while the slow one still runs
        await().atMost(Duration.ofSeconds(5)).until(() -> target.ticks.get() >= before + 5);
        assertThat(target.release.getCount()).as("the slow job is still running").isOne();
    }

    @Test
    void r19_4_aJobPastItsTimeLimitIsRecordedTimedOutAndItsNextRunHappens() {
        // R19Jobs.stuck: 1 s (application-test.yml); it ignores the interrupt, so only its worker thread stays stuck
        schedule("stuck", Duration.ofMillis(100));

        await().atMost(Duration.ofSeconds(15)).until(() -> target.stuckRuns.get() >= 2);
        assertThat(target.interrupted.get()).as("the first run was interrupted at its limit").isPositive();
        await().atMost(Duration.ofSeconds(5)).until(() -> count("R19Jobs.stuck", "TIMED_OUT") >= 1);
        assertThat(jdbc.sql("SELECT duration_ms FROM job_runs WHERE job_name = 'R19Jobs.stuck' AND outcome = 'TIMED_OUT' LIMIT 1")
                .query(Long.class).single()).isBetween(1000L, 5000L);
    }

    @Test
    void r19_4_aFailingJobIsRecordedFailedWithItsErrorAndShownOnThePage() throws Exception {
        target.failure = "SMS gateway answered 502 " + UUID.randomUUID();
        schedule("fails", Duration.ofSeconds(30));

        await().atMost(Duration.ofSeconds(5)).until(() -> count("R19Jobs.fails", "FAILED") >= 1);
        assertThat(jdbc.sql("SELECT error FROM job_runs WHERE job_name = 'R19Jobs.fails' ORDER BY id DESC LIMIT 1")
                .query(String.class).single()).isEqualTo("IllegalStateException: " + target.failure);

        String page = mvc.perform(get("/admin/jobs").with(user(accounts.signedIn(Role.BUREAU_ADMIN))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("R19Jobs.fails", "失败", target.failure, "24小时内失败")
                // the application's own jobs with their schedules, before they have run
                .contains("Escalation.escalateOverdue", "上报超时未确认，提醒领导", "每隔 30 秒 一次")
                .contains("RetentionJob.scheduled", "按时间表 0 30 2 * * *", "6 小时")
                .doesNotContain("??");
    }

    @Test
    void r19_4_theJobsPageIsForTheBureauAdministratorOnly() throws Exception {
        for (Role role : Role.values()) {
            if (role != Role.BUREAU_ADMIN) {
                mvc.perform(get("/admin/jobs").with(user(accounts.signedIn(role)))).andExpect(status().isForbidden());
            }
        }
        mvc.perform(get("/admin/jobs")).andExpect(status().is3xxRedirection());
    }

    @Test
    void r19_4_prometheusShowsTheJobRunsToTheScraperAndNotAnonymously() throws Exception {
        target.failure = "no gateway";
        schedule("fails", Duration.ofSeconds(30));
        schedule("tick", Duration.ofSeconds(30));
        await().atMost(Duration.ofSeconds(5)).until(() -> count("R19Jobs.fails", "FAILED") >= 1 && target.ticks.get() >= 1);

        String metrics = mvc.perform(get("/actuator/prometheus")
                        .with(httpBasic(accounts.create(Role.BUREAU_ADMIN), TestAccounts.PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(metrics).contains("hallsafe_jobs_runs_seconds_count{job=\"R19Jobs.fails\",outcome=\"FAILED\"}")
                .contains("hallsafe_jobs_runs_seconds_sum{job=\"R19Jobs.tick\",outcome=\"OK\"}");

        mvc.perform(get("/actuator/prometheus")).andExpect(status().isUnauthorized());
        mvc.perform(get("/actuator/prometheus").with(httpBasic(accounts.create(Role.ADMIN), TestAccounts.PASSWORD)))
                .andExpect(status().isForbidden());
    }

    @Test
    void r19_4_jobNamesAndErrorsAsThePageShowsThem() {
        assertThat(ScheduledJobs.jobName(new Task(runnable("tick")).getRunnable())).isEqualTo("R19Jobs.tick");
        assertThat(ScheduledJobs.jobName(new Runnable() {
            @Override
            public void run() {
            }

            @Override
            public String toString() {
                return "org.hallsafe.incident.Escalation$$SpringCGLIB$$0.escalateOverdue";
            }
        })).isEqualTo("Escalation.escalateOverdue");
        String error = ScheduledJobs.describe(new IllegalStateException("insert failed",
                new RuntimeException("ERROR: duplicate key\n  Detail: Key (phone)=(13800138000) already exists.")));
        assertThat(error).isEqualTo("IllegalStateException: insert failed ← RuntimeException: ERROR: duplicate key")
                .doesNotContain("13800138000");
        assertThat(ScheduledJobs.describe(new RuntimeException("x".repeat(5000)))).hasSize(JobRuns.ERROR_MAX);
    }

    private void schedule(String method, Duration delay) {
        scheduled.add(jobs.scheduler().scheduleWithFixedDelay(new Task(runnable(method)).getRunnable(), delay));
    }

    private ScheduledMethodRunnable runnable(String method) {
        try {
            Method m = R19Jobs.class.getDeclaredMethod(method);
            return new ScheduledMethodRunnable(target, m);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }

    private long count(String job, String outcome) {
        return jdbc.sql("SELECT count(*) FROM job_runs WHERE job_name = :job AND outcome = :outcome")
                .param("job", job).param("outcome", outcome).query(Long.class).single();
    }
}

/** Jobs of the test, named {@code R19Jobs.<method>} like the application's. */
class R19Jobs {

    final CountDownLatch release = new CountDownLatch(1);
    final CountDownLatch slowStarted = new CountDownLatch(1);
    final AtomicInteger ticks = new AtomicInteger();
    final AtomicInteger stuckRuns = new AtomicInteger();
    final AtomicInteger interrupted = new AtomicInteger();
    volatile String failure;

    /** A slow SMS gateway: runs until the test ends. */
    void slow() throws InterruptedException {
        slowStarted.countDown();
        release.await(30, TimeUnit.SECONDS);
    }

    void tick() {
        ticks.incrementAndGet();
    }

    /** Stuck in a call that ignores the interrupt, until the test ends. */
    void stuck() {
        stuckRuns.incrementAndGet();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (release.getCount() > 0 && System.nanoTime() < until) {
            try {
                release.await(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                interrupted.incrementAndGet();
            }
        }
    }

    void fails() {
        throw new IllegalStateException(failure);
    }
}
