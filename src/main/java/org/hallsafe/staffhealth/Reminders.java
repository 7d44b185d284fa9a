package org.hallsafe.staffhealth;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.hallsafe.organization.StaffDirectory;
import org.hallsafe.platform.Deliveries;
import org.hallsafe.platform.LiveUpdates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tells staff when a check falls due or their disposable mask is due for change (in the app, live, and by SMS), and
 * tells the section heads' boards when a check turns late or missed. Each reminder is claimed in the database first,
 * so several nodes send it once.
 */
@Component
class Reminders {

    private static final Logger log = LoggerFactory.getLogger(Reminders.class);

    private final StaffHealth health;
    private final ReminderInbox inbox;
    private final StaffDirectory staff;
    private final LiveUpdates live;
    private final Deliveries sms;
    private final TransactionTemplate transaction;

    Reminders(StaffHealth health, ReminderInbox inbox, StaffDirectory staff, LiveUpdates live, Deliveries sms,
            PlatformTransactionManager transactions) {
        this.transaction = new TransactionTemplate(transactions);
        this.health = health;
        this.inbox = inbox;
        this.staff = staff;
        this.live = live;
        this.sms = sms;
    }

    @Scheduled(fixedDelayString = "${hallsafe.staffhealth.reminder-check:60s}", initialDelayString = "${hallsafe.staffhealth.reminder-check:60s}")
    public int remind() {
        int sent = 0;
        for (long site : inbox.sites()) {
            try {
                sent += remind(site);
            } catch (RuntimeException e) {
                // one hall's failure (its claims rolled back) leaves the other halls' reminders to go out
                log.warn("Reminders of hall {} not sent this run: {}", site, e.toString());
            }
        }
        return sent;
    }

    /**
     * One hall's sweep: the reminders and board changes of its staff's day that no node claimed yet. The claims and
     * the SMS rows they cause are one transaction, so a failure half-way claims nothing and the next run tries again.
     */
    int remind(long site) {
        Integer sent = transaction.execute(status -> sweep(site));
        return sent == null ? 0 : sent;
    }

    private int sweep(long site) {
        Map<Long, StaffHealth.Day> days = new HashMap<>();
        List<ReminderInbox.Claim> offered = new ArrayList<>();
        for (StaffHealth.Day day : health.board(site, null)) {
            long staffId = day.staff().id();
            days.put(staffId, day);
            for (StaffDay.Slot slot : day.slots()) {
                if (slot.status() == StaffDay.Status.DUE) {
                    offered.add(new ReminderInbox.Claim(staffId, slot.key(), "CHECK_DUE"));
                }
                if (slot.status() == StaffDay.Status.LATE || slot.status() == StaffDay.Status.MISSED) {
                    offered.add(new ReminderInbox.Claim(staffId, slot.key() + "/" + slot.status(), "CHECK_LATE"));
                }
            }
            if (day.mask() == StaffHealth.MaskState.CHANGE_DUE || day.mask() == StaffHealth.MaskState.OVERDUE) {
                offered.add(new ReminderInbox.Claim(staffId, "MASK/" + day.maskOn(), "MASK_DUE"));
            }
        }
        List<ReminderInbox.Claim> claimed = inbox.claim(site, offered);
        int sent = 0;
        for (ReminderInbox.Claim c : claimed) {
            String word = switch (c.kind()) {
                case "CHECK_DUE" -> "staffhealth.sms.checkDue";
                case "MASK_DUE" -> "staffhealth.sms.maskDue";
                default -> null; // CHECK_LATE: the board's change only
            };
            if (word != null) {
                tell(site, days.get(c.staffId()), c.kind(), c.key(), health.word(word));
                sent++;
            }
        }
        // a late or missed check, or a mask due, changes the section heads' boards
        if (!claimed.isEmpty()) {
            live.publishToSite(site, "staffhealth");
        }
        return sent;
    }

    /** A live nudge, and an SMS through the outbox (sent by its worker, never by this job: issue 19, item 3). */
    private void tell(long site, StaffHealth.Day day, String purpose, String key, String text) {
        if (day.staff().accountId() != null) {
            live.publish(List.of(day.staff().accountId()), "reminder");
        }
        if (day.staff().phoneMasked() != null) {
            long staffId = day.staff().id();
            sms.enqueueSms(new Deliveries.Sms(site, "staffhealth", staffId + "/" + key, purpose, "staff:" + staffId,
                    day.staff().name(), day.staff().phoneMasked(), text), () -> staff.reveal(site, staffId, "phone"));
        }
    }
}
