package org.hallsafe.staffhealth;

import java.time.Clock;

import org.hallsafe.organization.StaffDirectory;
import org.hallsafe.platform.LiveUpdates;
import org.hallsafe.platform.SmsGateway;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Tells staff when a check falls due or their disposable mask is due for change (in the app, live, and by SMS), and
 * tells the section heads' boards when a check turns late or missed. Each reminder is claimed in the database first,
 * so several nodes send it once.
 */
@Component
class Reminders {

    private final StaffHealth health;
    private final StaffDirectory staff;
    private final LiveUpdates live;
    private final SmsGateway sms;
    private final Clock clock;

    Reminders(StaffHealth health, StaffDirectory staff, LiveUpdates live, SmsGateway sms, Clock clock) {
        this.health = health;
        this.staff = staff;
        this.live = live;
        this.sms = sms;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${hallsafe.staffhealth.reminder-check:60s}", initialDelayString = "${hallsafe.staffhealth.reminder-check:60s}")
    public int remind() {
        int sent = 0;
        for (long site : health.sites()) {
            boolean boardChanged = false;
            for (StaffHealth.Day day : health.board(site, null)) {
                long staffId = day.staff().id();
                for (StaffDay.Slot slot : day.slots()) {
                    if (slot.status() == StaffDay.Status.DUE && health.claim(site, staffId, slot.key(), "CHECK_DUE")) {
                        tell(site, day, health.word("staffhealth.sms.checkDue"));
                        sent++;
                    }
                    if ((slot.status() == StaffDay.Status.LATE || slot.status() == StaffDay.Status.MISSED)
                            && health.claim(site, staffId, slot.key() + "/" + slot.status(), "CHECK_LATE")) {
                        boardChanged = true;
                    }
                }
                if (day.mask() == StaffHealth.MaskState.CHANGE_DUE || day.mask() == StaffHealth.MaskState.OVERDUE) {
                    if (health.claim(site, staffId, "MASK/" + day.maskOn(), "MASK_DUE")) {
                        tell(site, day, health.word("staffhealth.sms.maskDue"));
                        sent++;
                        boardChanged = true;
                    }
                }
            }
            if (boardChanged || sent > 0) {
                live.publishToSite(site, "staffhealth");
            }
        }
        return sent;
    }

    private void tell(long site, StaffHealth.Day day, String text) {
        if (day.staff().accountId() != null) {
            live.publish(java.util.List.of(day.staff().accountId()), "reminder");
        }
        if (sms.configured()) {
            sms.send(staff.reveal(site, day.staff().id(), "phone"), text);
        } else if (day.staff().phoneMasked() != null) {
            sms.log(day.staff().name(), day.staff().phoneMasked(), text);
        }
    }
}
