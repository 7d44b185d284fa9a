package org.hallsafe.accountability;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;

import org.hallsafe.organization.Directory;
import org.hallsafe.organization.StaffDirectory;
import org.hallsafe.organization.Views.StaffView;
import org.hallsafe.platform.Accounts;
import org.hallsafe.platform.Deliveries;
import org.hallsafe.platform.LiveUpdates;
import org.hallsafe.platform.Role;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reminds the head of each section that has not reported by the hall's reminder time (in the app, live, and by SMS
 * through the outbox), once per section and day; when the due time passes, the pages that show the overdue reports
 * are told once. Each is claimed in the database first, so several nodes send it once.
 */
@Component
class FeedbackReminders {

    private final SectionReports reports;
    private final Directory directory;
    private final StaffDirectory staff;
    private final Accounts accounts;
    private final LiveUpdates live;
    private final Deliveries sms;
    private final MessageSource messages;
    private final JdbcClient jdbc;
    private final Clock clock;

    FeedbackReminders(SectionReports reports, Directory directory, StaffDirectory staff, Accounts accounts,
            LiveUpdates live, Deliveries sms, MessageSource messages, JdbcClient jdbc, Clock clock) {
        this.reports = reports;
        this.directory = directory;
        this.staff = staff;
        this.accounts = accounts;
        this.live = live;
        this.sms = sms;
        this.messages = messages;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** @return the section heads reminded in this run */
    @Scheduled(fixedDelayString = "${hallsafe.accountability.feedback-check:60s}",
            initialDelayString = "${hallsafe.accountability.feedback-check:60s}")
    @Transactional
    public int remind() {
        LocalDateTime now = LocalDateTime.now(clock);
        LocalDate day = now.toLocalDate();
        int told = 0;
        for (var site : directory.sites("", false)) {
            ReportTimes times = reports.times(site.id());
            boolean overdueNow = false;
            for (SectionReports.Line line : reports.day(site.id(), day)) {
                long section = line.section().id();
                if (line.state() == ReportTimes.State.DUE && times.remindNow(day, now)
                        && claim(site.id(), section, day, "REMIND")) {
                    told += tellHeads(site.id(), section, day, times);
                }
                if (line.state() == ReportTimes.State.OVERDUE && claim(site.id(), section, day, "OVERDUE")) {
                    overdueNow = true;
                }
            }
            if (told > 0 || overdueNow) {
                live.publishToSite(site.id(), "feedback");
            }
        }
        return told;
    }

    private boolean claim(long siteId, long sectionId, LocalDate day, String kind) {
        return jdbc.sql("""
                INSERT INTO section_report_reminders (site_id, department_id, day, kind, claimed_at)
                VALUES (:site, :section, :day, :kind, :now) ON CONFLICT DO NOTHING""")
                .param("site", siteId).param("section", sectionId).param("day", day).param("kind", kind)
                .param("now", Timestamp.from(clock.instant())).update() == 1;
    }

    /** The section's heads: its staff whose account is a section head's. */
    private int tellHeads(long siteId, long sectionId, LocalDate day, ReportTimes times) {
        List<StaffView> heads = staff.search(siteId, "", sectionId, false).stream()
                .filter(s -> s.accountId() != null && s.departmentId() != null && s.departmentId() == sectionId)
                .filter(s -> accounts.find(s.accountId()).filter(a -> a.role() == Role.SECTION_HEAD).isPresent())
                .toList();
        String text = messages.getMessage("feedback.sms.remind", new Object[] {times.dueAt().toString()},
                Locale.SIMPLIFIED_CHINESE);
        for (StaffView head : heads) {
            live.publish(List.of(head.accountId()), "feedback");
            if (head.phoneMasked() != null && !head.phoneMasked().isEmpty()) {
                sms.enqueueSms(new Deliveries.Sms(siteId, "feedback", sectionId + "/" + day, "REMIND",
                        "staff:" + head.id(), head.name(), head.phoneMasked(), text),
                        () -> staff.reveal(siteId, head.id(), "phone"));
            }
        }
        return heads.size();
    }
}
