package org.hallsafe.agency;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hallsafe.appointments.Catalogue;
import org.hallsafe.incident.Incidents;
import org.hallsafe.organization.Directory;
import org.hallsafe.organization.StaffDirectory;
import org.hallsafe.organization.Views.StaffView;
import org.hallsafe.platform.Accounts;
import org.hallsafe.platform.Deliveries;
import org.hallsafe.platform.LiveUpdates;
import org.hallsafe.platform.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the service commitment (item 3): one working day before a case's limit its section's heads are warned by SMS
 * (the office when the item has no section or the section no head), once; past the limit the case is overdue and
 * raises one incident to the office. Each step claims its case in the database first (a row lock and a column set in
 * the same transaction), so on several nodes each warning and each incident happens once.
 */
@Component
class CommitmentJob {

    /** A running case whose limit is near or past. */
    record Running(long id, long siteId, String code, long itemId, Long departmentId, LocalDate dueOn, int timeLimitDays,
            Timestamp acceptedAt, Timestamp warnedAt, Long overdueIncidentId) {
    }

    /** Candidates are cases due within this many calendar days: one working day is never further off. */
    static final int LOOK_AHEAD_DAYS = 31;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final CaseClocks clocks;
    private final CaseLog log;
    private final CaseTexts texts;
    private final Incidents incidents;
    private final StaffDirectory staff;
    private final Accounts accounts;
    private final Directory directory;
    private final Catalogue catalogue;
    private final Deliveries deliveries;
    private final LiveUpdates live;
    private final TransactionTemplate transactions;

    CommitmentJob(JdbcClient jdbc, Clock clock, CaseClocks clocks, CaseLog log, CaseTexts texts, Incidents incidents,
            StaffDirectory staff, Accounts accounts, Directory directory, Catalogue catalogue, Deliveries deliveries,
            LiveUpdates live, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.clocks = clocks;
        this.log = log;
        this.texts = texts;
        this.incidents = incidents;
        this.staff = staff;
        this.accounts = accounts;
        this.directory = directory;
        this.catalogue = catalogue;
        this.deliveries = deliveries;
        this.live = live;
        this.transactions = transactions;
    }

    /** One pass over every hall: warnings and overdue incidents due now; the number of cases acted on. */
    @Scheduled(fixedDelayString = "${hallsafe.agency.commitment-check:5m}", initialDelayString = "${hallsafe.agency.commitment-check:5m}")
    public int check() {
        LocalDate today = clocks.today();
        List<Running> running = jdbc.sql("""
                SELECT id, site_id, code, item_id, department_id, due_on, time_limit_days, accepted_at, warned_at,
                       overdue_incident_id
                FROM agency_cases WHERE state = 'ACCEPTED' AND due_on IS NOT NULL AND due_on <= :horizon
                  AND (warned_at IS NULL OR overdue_incident_id IS NULL)
                ORDER BY site_id, due_on, id""")
                .param("horizon", today.plusDays(LOOK_AHEAD_DAYS)).query(Running.class).list();
        Map<Long, CommitmentClock> halls = new HashMap<>();
        int acted = 0;
        for (Running r : running) {
            int left = halls.computeIfAbsent(r.siteId(), clocks::of).workingDaysLeft(today, r.dueOn());
            if (left < 0 && r.overdueIncidentId() == null) {
                acted += Boolean.TRUE.equals(transactions.execute(tx -> raiseOverdue(r))) ? 1 : 0;
            } else if (left >= 0 && left <= 1 && r.warnedAt() == null) {
                acted += Boolean.TRUE.equals(transactions.execute(tx -> warn(r))) ? 1 : 0;
            }
        }
        return acted;
    }

    /** Past the limit: one incident to the office (source "agency", the case's id), its id kept on the case. */
    boolean raiseOverdue(Running r) {
        Optional<Long> claimed = jdbc.sql("""
                SELECT id FROM agency_cases WHERE site_id = :site AND id = :id AND state = 'ACCEPTED'
                  AND overdue_incident_id IS NULL FOR UPDATE""")
                .param("site", r.siteId()).param("id", r.id()).query(Long.class).optional();
        if (claimed.isEmpty()) {
            return false;
        }
        String item = itemName(r);
        Object section = r.departmentId() == null ? Incidents.Words.of("agency.clock.noSection")
                : directory.department(r.siteId(), r.departmentId()).name();
        long incident = incidents.report(r.siteId(), "agency", String.valueOf(r.id()),
                Incidents.Text.of("agency.overdue.title", CaseCodes.display(r.code()), item),
                Incidents.Text.of("agency.overdue.details", CaseCodes.display(r.code()), item, section,
                        r.acceptedAt().toInstant().atZone(clock.getZone()).toLocalDate().toString(), r.timeLimitDays(),
                        r.dueOn().toString()));
        jdbc.sql("UPDATE agency_cases SET overdue_incident_id = :incident WHERE site_id = :site AND id = :id")
                .param("incident", incident).param("site", r.siteId()).param("id", r.id()).update();
        log.append(r.siteId(), r.id(), "system", "OVERDUE", "#" + incident);
        live.publishToSite(r.siteId(), "agency");
        return true;
    }

    /** One working day before the limit: the section's heads (else the office) by SMS, once per case. */
    boolean warn(Running r) {
        int claimed = jdbc.sql("""
                UPDATE agency_cases SET warned_at = :now WHERE site_id = :site AND id = :id AND state = 'ACCEPTED'
                  AND warned_at IS NULL""")
                .param("now", Timestamp.from(clock.instant())).param("site", r.siteId()).param("id", r.id()).update();
        if (claimed == 0) {
            return false;
        }
        List<StaffView> people = responsible(r.siteId(), r.departmentId());
        String text = texts.word("agency.sms.warn", CaseCodes.display(r.code()), itemName(r), r.dueOn().toString());
        List<Long> accountIds = new ArrayList<>();
        for (StaffView p : people) {
            accountIds.add(p.accountId());
            if (p.phoneMasked() != null) {
                // through the outbox: sent by its worker, never by this job (issue 19, item 3)
                deliveries.enqueueSms(new Deliveries.Sms(r.siteId(), "agency", String.valueOf(r.id()), "agency.warn",
                        "staff:" + p.id(), p.name(), p.phoneMasked(), text), () -> staff.reveal(r.siteId(), p.id(), "phone"));
            }
        }
        log.append(r.siteId(), r.id(), "system", "WARNED", people.stream().map(StaffView::name)
                .reduce((a, b) -> a + "、" + b).orElse("-"));
        live.publish(accountIds, "agency");
        live.publishToSite(r.siteId(), "agency");
        return true;
    }

    /**
     * Who answers for a case: staff of its section whose account is a section head's; without a section or a head
     * there, the staff whose account is the office's.
     */
    List<StaffView> responsible(long siteId, Long departmentId) {
        if (departmentId != null) {
            List<StaffView> heads = staff.search(siteId, "", departmentId, false).stream()
                    .filter(p -> p.accountId() != null && role(p.accountId()) == Role.SECTION_HEAD).toList();
            if (!heads.isEmpty()) {
                return heads;
            }
        }
        return accounts.ofSite(siteId).stream().filter(a -> a.role() == Role.OFFICE && a.enabled())
                .map(a -> staff.byAccount(siteId, a.id())).flatMap(Optional::stream).filter(p -> !p.retired()).toList();
    }

    private Role role(long accountId) {
        return accounts.find(accountId).filter(Accounts.AccountView::enabled).map(Accounts.AccountView::role).orElse(null);
    }

    private String itemName(Running r) {
        return catalogue.find(r.siteId(), r.itemId()).map(Catalogue.Item::name).orElse("#" + r.itemId());
    }
}
