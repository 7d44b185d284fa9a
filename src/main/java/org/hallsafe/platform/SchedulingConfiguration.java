package org.hallsafe.platform;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Scheduled jobs (escalations, reminders). Each job claims its work with a conditional UPDATE, so several nodes
 * running the same job do each piece of work once.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "hallsafe.scheduling", havingValue = "true", matchIfMissing = true)
class SchedulingConfiguration {
}
