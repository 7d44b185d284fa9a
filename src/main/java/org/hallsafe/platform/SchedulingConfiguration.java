package org.hallsafe.platform;

import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.task.ThreadPoolTaskSchedulerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Scheduled jobs (escalations, reminders). Each job claims its work with a conditional UPDATE, so several nodes
 * running the same job do each piece of work once. Spring Boot's scheduler (its shutdown settings under
 * {@code spring.task.scheduling}) gets {@code hallsafe.jobs.pool-size} threads, and every {@code @Scheduled} method
 * runs within its time limit and is recorded ({@link ScheduledJobs}).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "hallsafe.scheduling", havingValue = "true", matchIfMissing = true)
class SchedulingConfiguration {

    @Bean
    ThreadPoolTaskSchedulerCustomizer jobPoolSize(JobProperties properties) {
        return scheduler -> scheduler.setPoolSize(properties.poolSize());
    }

    @Bean
    ScheduledJobs scheduledJobs(JobProperties properties, JobRuns runs, MeterRegistry meters, Clock clock) {
        return new ScheduledJobs(properties, runs, meters, clock);
    }
}
