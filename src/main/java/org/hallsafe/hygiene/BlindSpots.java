package org.hallsafe.hygiene;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.hallsafe.organization.HallCalendar;
import org.hallsafe.organization.MeasureStatusProvider;
import org.hallsafe.organization.StaffDirectory;
import org.hallsafe.platform.Accounts;
import org.hallsafe.platform.Deliveries;
import org.hallsafe.platform.LiveUpdates;
import org.hallsafe.platform.Role;
import org.springframework.context.MessageSource;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * After a working day (the hall calendar's: not a holiday, but a 调休 working weekend), every zone that got no
 * disinfection is flagged as a blind spot and its section's heads are told (live and by SMS). Also fills the
 * responsibility matrix for R-DIS.
 */
@Component
class BlindSpots implements MeasureStatusProvider {

    private final Coverage coverage;
    private final StaffDirectory staff;
    private final Accounts accounts;
    private final LiveUpdates live;
    private final Deliveries sms;
    private final MessageSource messages;
    private final Clock clock;
    private final HallCalendar calendar;

    BlindSpots(Coverage coverage, StaffDirectory staff, Accounts accounts, LiveUpdates live, Deliveries sms,
            MessageSource messages, Clock clock, HallCalendar calendar) {
        this.calendar = calendar;
        this.coverage = coverage;
        this.staff = staff;
        this.accounts = accounts;
        this.live = live;
        this.sms = sms;
        this.messages = messages;
        this.clock = clock;
    }

    @Scheduled(cron = "${hallsafe.hygiene.blind-spot-check:0 5 * * * *}", zone = "${hallsafe.zone:Asia/Shanghai}")
    void flagYesterday() {
        for (long site : coverage.sites()) {
            flag(site, LocalDate.now(clock).minusDays(1));
        }
    }

    /** Flags the day's blind spots of a hall, each once, and tells the heads of the responsible section. */
    int flag(long siteId, LocalDate day) {
        int flagged = 0;
        List<Long> backfilled = coverage.covered(siteId, day, true);
        for (Hygiene.Zone zone : coverage.uncovered(siteId, day)) {
            if (coverage.flag(siteId, zone, day, backfilled.contains(zone.id()))) {
                flagged++;
                tellHeads(siteId, zone, day);
            }
        }
        if (flagged > 0) {
            live.publishToSite(siteId, "hygiene");
        }
        return flagged;
    }

    private void tellHeads(long siteId, Hygiene.Zone zone, LocalDate day) {
        if (zone.departmentId() == null) {
            return;
        }
        String text = messages.getMessage("hygiene.sms.blindSpot", new Object[] {day.toString(), zone.name()},
                java.util.Locale.SIMPLIFIED_CHINESE);
        for (var person : staff.search(siteId, "", zone.departmentId(), false)) {
            if (person.accountId() != null && accounts.find(person.accountId()).map(a -> a.role() == Role.SECTION_HEAD).orElse(false)) {
                live.publish(List.of(person.accountId()), "hygiene");
                if (person.phoneMasked() != null) {
                    // through the outbox: sent by its worker, never by this job (issue 19, item 3)
                    sms.enqueueSms(new Deliveries.Sms(siteId, "hygiene", zone.id() + "/" + day, "BLIND_SPOT",
                            "staff:" + person.id(), person.name(), person.phoneMasked(), text),
                            () -> staff.reveal(siteId, person.id(), "phone"));
                }
            }
        }
    }

    @Override
    public String measureCode() {
        return "R-DIS";
    }

    /** Per section: zones within their interval, due, and overdue right now; nothing on a day the hall is closed. */
    @Override
    public Map<Long, MeasureStatus> statuses(long siteId, LocalDate day) {
        if (!calendar.isWorkingDay(siteId, day)) {
            return Map.of();
        }
        return coverage.on(siteId, day, clock.instant()).stream().filter(z -> z.zone().departmentId() != null)
                .collect(Collectors.groupingBy(z -> z.zone().departmentId(), Collectors.collectingAndThen(Collectors.toList(),
                        zones -> new MeasureStatus(
                                (int) zones.stream().filter(z -> z.state() == Hygiene.State.OK).count(),
                                (int) zones.stream().filter(z -> z.state() == Hygiene.State.DUE).count(),
                                (int) zones.stream().filter(z -> z.state() == Hygiene.State.OVERDUE).count()))));
    }

    @Override
    public String sectionLink(long siteId, long sectionId, LocalDate day) {
        return "/hygiene/report?day=" + day + "&section=" + sectionId;
    }

    @Override
    public String recordsKey() {
        return "measure.records.zones";
    }
}
