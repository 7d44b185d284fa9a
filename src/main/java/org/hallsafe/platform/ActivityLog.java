package org.hallsafe.platform;

import java.time.Clock;
import java.util.Objects;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Records what people do, stamped by the server with who, when and from which address. Called inside the
 * transaction of the change it describes, so the record exists exactly when the change does.
 */
@Component
public class ActivityLog {

    private final ApplicationEventPublisher events;
    private final Clock clock;

    ActivityLog(ApplicationEventPublisher events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public void record(String action, String targetType, Object targetId, String summary) {
        CurrentUser.find().ifPresentOrElse(
                user -> record(user.siteId(), user.getUsername(), action, targetType, targetId, summary),
                () -> record(null, "system", action, targetType, targetId, summary));
    }

    @Transactional
    public void record(Long siteId, String actor, String action, String targetType, Object targetId, String summary) {
        events.publishEvent(new ActivityRecorded(siteId, clock.instant(), actor, action, targetType,
                targetId == null ? null : Objects.toString(targetId), summary, clientAddress()));
    }

    private static String clientAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            return RateLimits.address(attributes.getRequest());
        }
        return "";
    }
}
