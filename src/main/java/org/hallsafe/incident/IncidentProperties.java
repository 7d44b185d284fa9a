package org.hallsafe.incident;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code hallsafe.incident.*}.
 *
 * @param acknowledgeWithin an incident nobody acknowledged by then is escalated to the leader
 * @param escalationCheck how often the escalation job looks
 */
@ConfigurationProperties("hallsafe.incident")
record IncidentProperties(
        @DefaultValue("10m") Duration acknowledgeWithin,
        @DefaultValue("30s") Duration escalationCheck) {
}
