package org.hallsafe.organization;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import org.hallsafe.organization.Views.SiteView;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The hall's work as Prometheus gauges (issue 20 item 9): per active hall ({@code site} = the hall's id), the
 * figures the leaders' overview shows for today, read from the modules' {@link HallFigures}. One snapshot of all halls
 * is computed at most once per {@link #FRESH} (the first gauge read of a scrape computes it, the others reuse it), so
 * a scrape costs one pass over the halls, not one per gauge. Every node reports what the database says: on several
 * nodes the same gauge comes once per instance; aggregate with {@code max by (site)}, never {@code sum}.
 */
@Component
class HallMetrics {

    static final Duration FRESH = Duration.ofSeconds(30);

    /** Gauge name, help text, and the overview figure it reports. */
    record Measure(String name, String help, String figureKey) {
    }

    static final List<Measure> MEASURES = List.of(
            new Measure("hallsafe.incidents.unacknowledged", "Reports to the leadership group not yet acknowledged",
                    "figure.incident.unacknowledged"),
            new Measure("hallsafe.staff.checks.overdue", "Staff temperature checks past their time and not done today",
                    "figure.staffhealth.due"),
            new Measure("hallsafe.bookings.today", "Bookings for today", "figure.appointments.bookings"),
            new Measure("hallsafe.agency.cases.overdue", "Agency cases past their promised day",
                    "figure.agency.overdue"));

    private final Directory directory;
    private final ObjectProvider<HallFigures> providers;
    private final MeterRegistry meters;
    private final Clock clock;
    private final Map<Long, List<Meter>> registered = new HashMap<>();
    /** The providers that gave a wanted figure on the first pass: the others are not asked again. */
    private List<HallFigures> useful;
    private Map<Long, Map<String, Long>> snapshot = Map.of();
    private Instant takenAt = Instant.MIN;

    HallMetrics(Directory directory, ObjectProvider<HallFigures> providers, MeterRegistry meters, Clock clock) {
        this.directory = directory;
        this.providers = providers;
        this.meters = meters;
        this.clock = clock;
        // read at every scrape: it refreshes the snapshot, and so registers the gauges of a hall opened since
        Gauge.builder("hallsafe.halls", this, h -> h.current().size()).description("Active halls reported")
                .strongReference(true).register(meters);
    }

    /** The value of one figure of one hall, from a snapshot at most {@link #FRESH} old; NaN for a hall gone. */
    double value(long siteId, String figureKey) {
        Long v = current().getOrDefault(siteId, Map.of()).get(figureKey);
        return v == null ? Double.NaN : v;
    }

    private synchronized Map<Long, Map<String, Long>> current() {
        Instant now = clock.instant();
        if (takenAt.plus(FRESH).isBefore(now) || now.isBefore(takenAt)) {
            refresh();
        }
        return snapshot;
    }

    private synchronized void refresh() {
        Set<String> wanted = new HashSet<>();
        MEASURES.forEach(m -> wanted.add(m.figureKey()));
        LocalDate today = LocalDate.now(clock);
        Map<Long, Map<String, Long>> next = new HashMap<>();
        List<SiteView> sites;
        try {
            sites = directory.sites("", false);
            List<HallFigures> asked = useful != null ? useful : providers.orderedStream().toList();
            Set<HallFigures> gave = new HashSet<>();
            for (SiteView site : sites) {
                Map<String, Long> values = new HashMap<>();
                for (HallFigures p : asked) {
                    p.figures(site.id(), today).stream().filter(f -> wanted.contains(f.key())).forEach(f -> {
                        values.put(f.key(), f.value());
                        gave.add(p);
                    });
                }
                next.put(site.id(), values);
            }
            if (useful == null && !sites.isEmpty()) {
                useful = asked.stream().filter(gave::contains).toList();
            }
        } catch (RuntimeException e) {
            // the database is away (or not yet migrated at start-up): keep the last snapshot, try again next scrape
            return;
        }
        snapshot = next;
        takenAt = clock.instant();
        for (SiteView site : sites) {
            registered.computeIfAbsent(site.id(), id -> MEASURES.stream()
                    .<Meter>map(m -> Gauge.builder(m.name(), this, h -> h.value(id, m.figureKey())).description(m.help())
                            .tag("site", String.valueOf(id)).strongReference(true).register(meters))
                    .toList());
        }
        registered.keySet().removeIf(id -> {
            boolean gone = !next.containsKey(id);
            if (gone) {
                registered.get(id).forEach(meters::remove);
            }
            return gone;
        });
    }
}
