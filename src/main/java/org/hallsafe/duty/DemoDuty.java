package org.hallsafe.duty;

import java.time.Clock;
import java.time.LocalDate;

import org.hallsafe.duty.DutyForms.RosterForm;
import org.hallsafe.organization.StaffDirectory;
import org.hallsafe.platform.HallSafeProperties;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Demo mode: this week's duty roster of the demo hall, every other day for the staff at windows. */
@Component
class DemoDuty {

    private final HallSafeProperties properties;
    private final Duty duty;
    private final StaffDirectory staff;
    private final Clock clock;

    DemoDuty(HallSafeProperties properties, Duty duty, StaffDirectory staff, Clock clock) {
        this.properties = properties;
        this.duty = duty;
        this.staff = staff;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(111)
    @Transactional
    public void load() {
        LocalDate today = LocalDate.now(clock);
        if (!properties.demo() || !duty.roster(1L, today, today.plusDays(6)).isEmpty()) {
            return;
        }
        var people = staff.search(1L, "", null, false).stream().filter(s -> s.windowId() != null).limit(6).toList();
        for (int d = 0; d < 7; d++) {
            for (int p = 0; p < people.size(); p++) {
                if ((p + d) % 2 == 0) {
                    duty.addPost(1L, new RosterForm(today.plusDays(d), people.get(p).windowId(),
                            p == 0 ? "0737-4221234" : "", people.get(p).id(), ""));
                }
            }
        }
    }
}
