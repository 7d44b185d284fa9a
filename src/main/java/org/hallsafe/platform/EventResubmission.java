package org.hallsafe.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Hands failed event publications to their listeners again, on whichever node runs this first (issue 19, item 3).
 * Spring Modulith's staleness monitor ({@code spring.modulith.events.staleness.*}) marks a publication FAILED when
 * its node died before or while a listener handled it; Modulith marks each one RESUBMITTED with a conditional UPDATE,
 * so two nodes do not hand the same publication over twice. Listeners are written to be run again harmlessly (the
 * outbox's unique key, {@code ON CONFLICT DO NOTHING}). A publication is tried again at most
 * {@code hallsafe.events.max-resubmissions} times, and not sooner than a minute after its last try.
 */
@Component
class EventResubmission {

    private final FailedEventPublications failed;
    private final Clock clock;
    private final int maxResubmissions;

    EventResubmission(FailedEventPublications failed, Clock clock,
            @Value("${hallsafe.events.max-resubmissions:10}") int maxResubmissions) {
        this.failed = failed;
        this.clock = clock;
        this.maxResubmissions = maxResubmissions;
    }

    @Scheduled(fixedDelayString = "${hallsafe.events.resubmit-every:1m}", initialDelayString = "${hallsafe.events.resubmit-every:1m}")
    void resubmitFailed() {
        Instant lastTryBefore = clock.instant().minus(Duration.ofMinutes(1));
        failed.resubmit(ResubmissionOptions.defaults().withFilter(p -> p.getCompletionAttempts() < maxResubmissions
                && (p.getLastResubmissionDate() == null || p.getLastResubmissionDate().isBefore(lastTryBefore))));
    }
}
