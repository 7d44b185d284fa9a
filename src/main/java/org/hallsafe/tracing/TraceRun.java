package org.hallsafe.tracing;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import org.hallsafe.organization.WindowPosts;
import org.hallsafe.organization.WindowPosts.Post;
import org.hallsafe.platform.InvalidInputException;
import org.hallsafe.platform.PersonalData;
import org.hallsafe.platform.SignedIn;
import org.hallsafe.screening.GateVisits;
import org.hallsafe.screening.GateVisits.GateVisit;
import org.hallsafe.shared.DocumentType;
import org.hallsafe.shared.PhoneNumber;
import org.hallsafe.tracing.ContactRules.Interval;
import org.hallsafe.tracing.Traces.By;
import org.hallsafe.tracing.Traces.PersonKind;
import org.springframework.stereotype.Component;

/** Runs a checked trace request: finds the person in the hall, their visits and contacts, and stores the trace. */
@Component
class TraceRun {

    /** A trace request after {@link TraceChecks}: numbers normalised, the period filled in. */
    record Checked(By by, DocumentType docType, String docNo, String phone, Long staffId, LocalDate from, LocalDate to,
            String reason) {
    }

    private final GateVisits gate;
    private final WindowPosts posts;
    private final TraceFinder finder;
    private final TraceStore store;
    private final TraceSettings settings;
    private final PersonalData personalData;
    private final Clock clock;

    TraceRun(GateVisits gate, WindowPosts posts, TraceFinder finder, TraceStore store, TraceSettings settings,
            PersonalData personalData, Clock clock) {
        this.gate = gate;
        this.posts = posts;
        this.finder = finder;
        this.store = store;
        this.settings = settings;
        this.personalData = personalData;
        this.clock = clock;
    }

    /** The stored trace's id. */
    long run(SignedIn who, Checked c) {
        long site = who.siteId();
        ZoneId zone = clock.getZone();
        Interval period = new Interval(c.from().atStartOfDay(zone).toInstant(),
                c.to().plusDays(1).atStartOfDay(zone).toInstant());
        TraceSettings.Stays stays = settings.of(site);
        TraceStore.Subject subject;
        TraceFinder.Finding finding;
        if (c.by() == By.STAFF) {
            Post staff = posts.byIds(site, Set.of(c.staffId())).get(c.staffId());
            if (staff == null) {
                throw new InvalidInputException("staffId", "tracing.staff.unknown");
            }
            subject = new TraceStore.Subject(PersonKind.STAFF, staff.windowNumber() == null ? staff.name()
                    : staff.name() + " · " + staff.windowNumber() + " " + staff.windowName(), null, staff.staffId());
            finding = finder.staff(site, staff, gate.ofStaff(site, staff.staffId(), period.from(), period.to()), period,
                    stays);
        } else {
            byte[] hash = personalData.lookupHash(c.by() == By.DOCUMENT ? c.docNo() : c.phone());
            List<GateVisit> entries = c.by() == By.DOCUMENT
                    ? gate.ofCitizen(site, c.docType(), hash, period.from(), period.to())
                    : gate.ofCitizenPhone(site, hash, period.from(), period.to());
            String number = c.by() == By.DOCUMENT ? c.docType().mask(c.docNo()) : new PhoneNumber(c.phone()).masked();
            String label = entries.isEmpty() ? number : entries.get(entries.size() - 1).name() + " · " + number;
            subject = new TraceStore.Subject(PersonKind.CITIZEN, label, hash, null);
            finding = finder.citizen(site, entries, stays);
        }
        return store.insert(site, subject, c.from(), c.to(), c.reason(), who.username(), clock.instant(),
                finding.visits(), finding.contacts());
    }
}
