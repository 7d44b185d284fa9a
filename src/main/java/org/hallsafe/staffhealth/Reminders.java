package org.hallsafe.staffhealth;

import java.time.Clock;

import org.hallsafe.organization.StaffDirectory;
import org.hallsafe.platform.Deliveries;
import org.hallsafe.platform.LiveUpdates;
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
    private final ReminderInbox inbox;
    private final StaffDirectory staff;
    private final LiveUpdates live;
    private final Deliveries sms;
    private final Clock clock;

    Reminders(StaffHealth health, ReminderInbox inbox, StaffDirectory staff, LiveUpdates live, Deliveries sms, Clock clock) {
        this.health = health;
        this.inbox = inbox;
        this.staff = staff;
        this.live = live;
        this.sms = sms;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${hallsafe.staffhealth.reminder-check:60s}", initialDelayString = "${hallsafe.staffhealth.reminder-check:60s}")
    public int remind() {
        int sent = 0;
        for (long site : inbox.sites()) {
            boolean boardChanged = false;
            for (StaffHealth.Day day : health.board(site, null)) {
                long staffId = day.staff().id();
                for (StaffDay.Slot slot : day.slots()) {
                    if (slot.status() == StaffDay.Status.DUE && inbox.claim(site, staffId, slot.key(), "CHECK_DUE")) {
                        tell(site, day, "CHECK_DUE", slot.key(), health.word("staffhealth.sms.checkDue"));
                        sent++;
                    }
                    if ((slot.status() == StaffDay.Status.LATE || slot.status() == StaffDay.Status.MISSED)
                            && inbox.claim(site, staffId, slot.key() + "/" + slot.status(), "CHECK_LATE")) {
                        boardChanged = true;
                    }
                }
                if (day.mask() == StaffHealth.MaskState.CHANGE_DUE || day.mask() == StaffHealth.MaskState.OVERDUE) {
                    if (inbox.claim(site, staffId, "MASK/" + day.maskOn(), "MASK_DUE")) {
                        tell(site, day, "MASK_DUE", "MASK/" + day.maskOn(), health.word("staffhealth.sms.maskDue"));
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

    /** A live nudge, and an SMS through the outbox (sent by its worker, never by this job: issue 19, item 3). */
    private void tell(long site, StaffHealth.Day day, String purpose, String key, String text) {
        if (day.staff().accountId() != null) {
            live.publish(java.util.List.of(day.staff().accountId()), "reminder");
        }
        if (day.staff().phoneMasked() != null) {
            long staffId = day.staff().id();
            sms.enqueueSms(new Deliveries.Sms(site, "staffhealth", staffId + "/" + key, purpose, "staff:" + staffId,
                    day.staff().name(), day.staff().phoneMasked(), text), () -> staff.reveal(site, staffId, "phone"));
        }
    }
}
