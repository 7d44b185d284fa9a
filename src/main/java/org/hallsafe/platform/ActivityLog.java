package org.hallsafe.platform;

import java.time.Clock;
import java.util.Objects;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Records what people do, stamped by the server with who, when and from which address. Called inside the
 * transaction of the change it describes, so the record exists exactly when the change does. A read on the standby
 * ({@link StandbyRead}) or in a read-only transaction cannot write there: what it opened is recorded in a transaction
 * of its own on the primary, before the read returns (issue 18, item 3).
 */
@Component
public class ActivityLog {

    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ObjectProvider<PlatformTransactionManager> transactions;

    ActivityLog(ApplicationEventPublisher events, Clock clock, ObjectProvider<PlatformTransactionManager> transactions) {
        this.events = events;
        this.clock = clock;
        this.transactions = transactions;
    }

    @Transactional
    public void record(String action, String targetType, Object targetId, String summary) {
        CurrentUser.find().ifPresentOrElse(
                user -> record(user.siteId(), user.getUsername(), action, targetType, targetId, summary),
                () -> record(null, "system", action, targetType, targetId, summary));
    }

    @Transactional
    public void record(Long siteId, String actor, String action, String targetType, Object targetId, String summary) {
        ActivityRecorded recorded = new ActivityRecorded(siteId, clock.instant(), actor, action, targetType,
                targetId == null ? null : Objects.toString(targetId), summary, clientAddress());
        // a read on the standby, or in a read-only transaction (the matrix asking the formalism check, which opens
        // readings), cannot write where it runs: its record is written in a transaction of its own, on the primary
        if (StandbyRouting.onStandby() || TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
            TransactionTemplate own = new TransactionTemplate(transactions.getObject());
            own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
            StandbyRouting.onPrimary(() -> own.execute(status -> {
                events.publishEvent(recorded);
                return null;
            }));
            return;
        }
        events.publishEvent(recorded);
    }

    private static String clientAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            return RateLimits.address(attributes.getRequest());
        }
        return "";
    }
}
