package org.hallsafe.staffhealth;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code hallsafe.staffhealth.*}; working hours are set per hall and group on the schedules page.
 *
 * @param checkInterval a check every this much working time (the plan: 2 hours)
 * @param grace how long after it is due a check still counts as on time
 * @param disposableMaskLife a disposable medical mask is changed this long after it was put on (the plan: 3 hours)
 * @param reminderCheck how often the reminder job looks
 */
@ConfigurationProperties("hallsafe.staffhealth")
record StaffHealthProperties(
        @DefaultValue("2h") Duration checkInterval,
        @DefaultValue("15m") Duration grace,
        @DefaultValue("3h") Duration disposableMaskLife,
        @DefaultValue("60s") Duration reminderCheck) {

    MaskWear maskWear() {
        return new MaskWear(disposableMaskLife, grace);
    }

    StaffDay.Rules rules() {
        return new StaffDay.Rules(checkInterval, grace);
    }
}
