package org.hallsafe.tracing;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.hallsafe.appointments.VisitBookings;
import org.hallsafe.appointments.VisitBookings.BookingVisit;
import org.hallsafe.canteen.CanteenSittings;
import org.hallsafe.canteen.CanteenSittings.Sitting;
import org.hallsafe.organization.Directory;
import org.hallsafe.organization.Views.WindowView;
import org.hallsafe.organization.WindowPosts;
import org.hallsafe.organization.WindowPosts.Post;
import org.hallsafe.platform.Accounts;
import org.hallsafe.screening.GateVisits;
import org.hallsafe.screening.GateVisits.GateVisit;
import org.hallsafe.tracing.ContactRules.Found;
import org.hallsafe.tracing.ContactRules.Interval;
import org.hallsafe.tracing.ContactRules.Leaving;
import org.hallsafe.tracing.Traces.ContactKind;
import org.hallsafe.tracing.Traces.LeftBasis;
import org.hallsafe.tracing.Traces.PersonKind;
import org.hallsafe.tracing.Traces.Visit;
import org.springframework.stereotype.Component;

/**
 * Finds a person's visits and contacts from the other modules' read facades (never their tables): the gate's
 * entries and exits, the bookings with their calls and 办结, the window postings, the canteen door.
 */
@Component
class TraceFinder {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** What a trace found: the visits in order and the contacts ranked. */
    record Finding(List<Visit> visits, List<Found> contacts) {
    }

    /**
     * What a trace looks up again and again, read once per trace: a staff member's many entries have the same screeners
     * and window, a citizen's the same windows.
     */
    private final class Lookups {

        private final long siteId;
        private final Map<Long, List<Post>> atWindow = new HashMap<>();
        private final Map<Long, List<Post>> nextTo = new HashMap<>();
        private final Map<String, Optional<Accounts.AccountView>> accountOf = new HashMap<>();
        private final Map<Long, Optional<Post>> postOf = new HashMap<>();

        Lookups(long siteId) {
            this.siteId = siteId;
        }

        List<Post> atWindow(long windowId) {
            return atWindow.computeIfAbsent(windowId, w -> posts.atWindow(siteId, w));
        }

        List<Post> nextTo(long windowId) {
            return nextTo.computeIfAbsent(windowId, w -> posts.nextTo(siteId, w));
        }

        Optional<Accounts.AccountView> account(String username) {
            return accountOf.computeIfAbsent(username,
                    u -> accounts.findByUsername(u).filter(a -> a.siteId() == siteId));
        }

        Optional<Post> post(long accountId) {
            return postOf.computeIfAbsent(accountId, a -> posts.byAccount(siteId, a));
        }
    }

    private final GateVisits gate;
    private final VisitBookings bookings;
    private final WindowPosts posts;
    private final Directory directory;
    private final CanteenSittings canteen;
    private final Accounts accounts;
    private final ZoneId zone;

    TraceFinder(GateVisits gate, VisitBookings bookings, WindowPosts posts, Directory directory, CanteenSittings canteen,
            Accounts accounts, Clock clock) {
        this.gate = gate;
        this.bookings = bookings;
        this.posts = posts;
        this.directory = directory;
        this.canteen = canteen;
        this.accounts = accounts;
        this.zone = clock.getZone();
    }

    /** A citizen's visits (their admitted gate entries) and contacts. */
    Finding citizen(long siteId, List<GateVisit> entries, TraceSettings.Stays stays) {
        Map<Long, BookingVisit> byScreening = bookingsOf(siteId, entries);
        Map<Long, WindowView> windows = directory.windowsById(siteId);
        Set<Long> own = entries.stream().map(GateVisit::citizenId).collect(Collectors.toSet());
        Lookups lookups = new Lookups(siteId);
        List<Visit> visits = new ArrayList<>();
        List<Found> found = new ArrayList<>();
        for (GateVisit e : entries) {
            BookingVisit b = byScreening.get(e.screeningId());
            Leaving left = ContactRules.leaving(e.screenedAt(), e.leftAt(), b == null ? null : b.slotEnd(),
                    b == null ? null : b.doneAt(), stays.defaultStay());
            Interval stay = new Interval(e.screenedAt(), left.at());
            List<Post> served = b == null ? List.of() : lookups.atWindow(b.windowId());
            WindowView w = b == null ? null : windows.get(b.windowId());
            visits.add(new Visit(e.screenedAt(), left.at(), left.basis(), b == null ? null : b.code(),
                    w == null ? null : w.number(), w == null ? null : w.name(),
                    served.isEmpty() ? null : served.stream().map(Post::name).collect(Collectors.joining("、")),
                    b == null ? null : b.calledAt(), b == null ? null : b.doneAt(), e.screener()));
            found.addAll(visitors(siteId, stay, left.basis().estimated(), own, stays));
            if (b != null && b.calledAt() != null) {
                Instant end = b.doneAt() != null && b.doneAt().isAfter(b.calledAt()) ? b.doneAt()
                        : left.at().isAfter(b.calledAt()) ? left.at() : b.calledAt().plus(ContactRules.SCREENING);
                Interval service = new Interval(b.calledAt(), end);
                boolean estimated = b.doneAt() == null;
                for (Post p : served) {
                    found.add(staff(p, ContactKind.SERVED_BY, service, estimated, "tracing.why.servedBy",
                            List.of(String.valueOf(p.windowNumber()), p.windowName())));
                }
                for (Post p : lookups.nextTo(b.windowId())) {
                    found.add(staff(p, ContactKind.NEIGHBOUR_WINDOW, service, estimated, "tracing.why.neighbour",
                            List.of(String.valueOf(p.windowNumber()), p.windowName())));
                }
            }
            found.add(screener(lookups, e));
        }
        return new Finding(visits, ContactRules.rank(found));
    }

    /** A staff member's visits (gate entries, their day taken as the hall's staff stay) and contacts. */
    Finding staff(long siteId, Post subject, List<GateVisit> entries, Interval period, TraceSettings.Stays stays) {
        List<Visit> visits = new ArrayList<>();
        List<Found> found = new ArrayList<>();
        Lookups lookups = new Lookups(siteId);
        List<Leaving> lefts = entries.stream()
                .map(e -> ContactRules.leaving(e.screenedAt(), e.leftAt(), null, null, stays.staffStay())).toList();
        // the window's calls over all the stays at once (one query, not one a day), each stay taking those within it
        List<BookingVisit> calls = subject.windowId() == null || entries.isEmpty() ? List.of()
                : bookings.calledAt(siteId, subject.windowId(), entries.get(0).screenedAt(),
                        lefts.stream().map(Leaving::at).max(Instant::compareTo).orElseThrow());
        for (int i = 0; i < entries.size(); i++) {
            GateVisit e = entries.get(i);
            Leaving left = lefts.get(i);
            Interval stay = new Interval(e.screenedAt(), left.at());
            boolean estimated = left.basis().estimated();
            visits.add(new Visit(e.screenedAt(), left.at(), left.basis(), null, subject.windowNumber(),
                    subject.windowName(), null, null, null, e.screener()));
            // the citizens come in through the window (called, served), not as everyone in the hall during a working
            // day: in a busy hall that is the whole day's visitors, a list nobody can act on
            if (subject.windowId() != null) {
                for (BookingVisit b : calls) {
                    if (b.calledAt().isBefore(stay.from()) || !b.calledAt().isBefore(stay.to())) {
                        continue;
                    }
                    Leaving served = ContactRules.leaving(b.calledAt(), null, null, b.doneAt(), stays.defaultStay());
                    found.add(new Found("booking:" + b.bookingId(), ContactKind.SERVED_BY, PersonKind.CITIZEN, null,
                            b.name(), b.phoneMasked(), b.phoneCipher(), new Interval(b.calledAt(), served.at()),
                            new Interval(b.calledAt(), served.at()).minutes(), served.basis().estimated(),
                            "tracing.why.servedCitizen", List.of(String.valueOf(subject.windowNumber()), b.code())));
                }
                for (Post p : lookups.atWindow(subject.windowId())) {
                    if (p.staffId() != subject.staffId()) {
                        found.add(staff(p, ContactKind.NEIGHBOUR_WINDOW, stay, estimated, "tracing.why.sameWindow",
                                List.of(String.valueOf(p.windowNumber()), p.windowName())));
                    }
                }
                for (Post p : lookups.nextTo(subject.windowId())) {
                    found.add(staff(p, ContactKind.NEIGHBOUR_WINDOW, stay, estimated, "tracing.why.neighbour",
                            List.of(String.valueOf(p.windowNumber()), p.windowName())));
                }
            }
            Found screener = screener(lookups, e);
            if (screener.staffId() == null || screener.staffId() != subject.staffId()) {
                found.add(screener);
            }
        }
        found.addAll(meals(siteId, subject.staffId(), period));
        return new Finding(visits, ContactRules.rank(found));
    }

    /** The citizens in the hall during a stay: admitted up to 12 hours before it ended, their own stay estimated. */
    private List<Found> visitors(long siteId, Interval stay, boolean stayEstimated, Set<Long> own,
            TraceSettings.Stays stays) {
        List<GateVisit> others = gate.citizensPresent(siteId, stay.from(), stay.to(), ContactRules.LONGEST_STAY)
                .stream().filter(o -> !own.contains(o.citizenId())).toList();
        Map<Long, BookingVisit> theirBookings = new HashMap<>();
        bookings.leavingOf(siteId, others.stream().map(GateVisit::screeningId).toList())
                .forEach(b -> theirBookings.putIfAbsent(b.screeningId(), b));
        Map<GateVisit, Interval> together = new LinkedHashMap<>();
        Map<GateVisit, Boolean> estimated = new HashMap<>();
        for (GateVisit o : others) {
            BookingVisit b = theirBookings.get(o.screeningId());
            Leaving left = ContactRules.leaving(o.screenedAt(), o.leftAt(), b == null ? null : b.slotEnd(),
                    b == null ? null : b.doneAt(), stays.defaultStay());
            new Interval(o.screenedAt(), left.at()).overlap(stay).ifPresent(t -> {
                together.put(o, t);
                estimated.put(o, stayEstimated || left.basis().estimated());
            });
        }
        Map<Long, byte[]> phones = gate.phoneCiphers(siteId, together.keySet().stream().map(GateVisit::citizenId).toList());
        List<Found> found = new ArrayList<>();
        together.forEach((o, t) -> found.add(new Found("citizen:" + o.citizenId(), ContactKind.VISITOR, PersonKind.CITIZEN,
                null, o.name(), o.phoneMasked(), phones.get(o.citizenId()), t, t.minutes(), estimated.get(o),
                "tracing.why.visitor", List.of(minute(o.screenedAt())))));
        return found;
    }

    /** The staff member who screened the person at the gate, if the screener's account is a staff member's. */
    private Found screener(Lookups lookups, GateVisit e) {
        Interval moment = new Interval(e.screenedAt(), e.screenedAt().plus(ContactRules.SCREENING));
        List<String> why = List.of(minute(e.screenedAt()));
        Optional<Accounts.AccountView> account = lookups.account(e.screener());
        Optional<Post> post = account.flatMap(a -> lookups.post(a.id()));
        if (post.isPresent()) {
            return staff(post.get(), ContactKind.SCREENER, moment, true, "tracing.why.screener", why);
        }
        String name = account.map(Accounts.AccountView::displayName).orElse(e.screener());
        return new Found("screener:" + e.screener(), ContactKind.SCREENER, PersonKind.STAFF, null, name, null, null,
                moment, moment.minutes(), true, "tracing.why.screener", why);
    }

    /** Other staff admitted at the canteen door for the same meal of the same day as the traced staff member. */
    private List<Found> meals(long siteId, long staffId, Interval period) {
        List<Sitting> mine = canteen.ofStaff(siteId, staffId, period.from(), period.to());
        if (mine.isEmpty()) {
            return List.of();
        }
        List<Sitting> all = canteen.between(siteId, period.from(), period.to());
        Map<Long, Post> people = posts.byIds(siteId, all.stream().map(Sitting::staffId).collect(Collectors.toSet()));
        List<Found> found = new ArrayList<>();
        for (Sitting m : mine) {
            LocalDate day = m.at().atZone(zone).toLocalDate();
            for (Sitting o : all) {
                Post p = people.get(o.staffId());
                if (o.staffId() != staffId && o.meal() == m.meal() && o.at().atZone(zone).toLocalDate().equals(day)
                        && p != null) {
                    found.add(staff(p, ContactKind.CANTEEN, ContactRules.sharedMeal(m.at(), o.at()), true,
                            "tracing.why.canteen." + m.meal().name(), List.of(day.toString())));
                }
            }
        }
        return found;
    }

    private static Found staff(Post p, ContactKind kind, Interval when, boolean estimated, String whyKey,
            List<String> whyArgs) {
        return new Found("staff:" + p.staffId(), kind, PersonKind.STAFF, p.staffId(), p.name(), p.phoneMasked(),
                p.phoneCipher(), when, when.minutes(), estimated, whyKey, whyArgs.stream().map(a -> a == null ? "" : a).toList());
    }

    private Map<Long, BookingVisit> bookingsOf(long siteId, List<GateVisit> entries) {
        Map<Long, BookingVisit> out = new HashMap<>();
        bookings.ofScreenings(siteId, entries.stream().map(GateVisit::screeningId).collect(Collectors.toCollection(HashSet::new)))
                .forEach(b -> out.putIfAbsent(b.screeningId(), b));
        return out;
    }

    private String minute(Instant at) {
        return MINUTE.format(at.atZone(zone));
    }

}
