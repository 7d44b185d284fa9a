package org.hallsafe.canteen;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.hallsafe.canteen.Canteen.CertificateState;
import org.hallsafe.canteen.CanteenForms.Meal;
import org.hallsafe.organization.HallFigures;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The canteen's warnings on the overview (R-CAN), as its day page shows them: suppliers with a certificate expiring,
 * expired or missing (the 证照提醒 list), and meals whose tableware was not disinfected within an hour of their end
 * (a meal 已超时 in {@link MealRecords#meals}). Red when a supplier is blocked or a meal overdue, amber when a
 * certificate only expires soon.
 */
@Component
class CanteenFigures implements HallFigures {

    static final String WARNINGS = "figure.canteen.warnings";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Canteen canteen;

    CanteenFigures(JdbcClient jdbc, Clock clock, Canteen canteen) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.canteen = canteen;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Figure> figures(long siteId, LocalDate day) {
        List<Canteen.Supplier> suppliers = canteen.suppliers(siteId);
        long meals = overdueMeals(siteId, day, day).get(0);
        long warned = suppliers.stream().filter(s -> warned(s, day)).count();
        boolean blocked = suppliers.stream().anyMatch(s -> s.certificates().stream()
                .anyMatch(c -> blocks(DeliveryRules.state(c.expiresOn(), day))));
        Level level = blocked || meals > 0 ? Level.ALERT : warned > 0 ? Level.WATCH : Level.GOOD;
        return List.of(new Figure(WARNINGS, "R-CAN", warned + meals, level, "/canteen?day=" + day));
    }

    @Override
    @Transactional(readOnly = true)
    public Map<String, List<Long>> trend(long siteId, LocalDate from, LocalDate to) {
        List<Canteen.Supplier> suppliers = canteen.suppliers(siteId);
        List<Long> meals = overdueMeals(siteId, from, to);
        List<Long> values = new ArrayList<>();
        int i = 0;
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1), i++) {
            LocalDate day = d;
            values.add(suppliers.stream().filter(s -> warned(s, day)).count() + meals.get(i));
        }
        return Map.of(WARNINGS, values);
    }

    /** A supplier on the warning list that day: a certificate of theirs not valid then (as {@code Supplier.warning}). */
    private static boolean warned(Canteen.Supplier s, LocalDate day) {
        return s.certificates().stream().anyMatch(c -> DeliveryRules.state(c.expiresOn(), day) != CertificateState.VALID);
    }

    private static boolean blocks(CertificateState state) {
        return state == CertificateState.EXPIRED || state == CertificateState.MISSING;
    }

    /** Per day, meals without tableware disinfection an hour after they ended (by now), as the day page's states. */
    private List<Long> overdueMeals(long siteId, LocalDate from, LocalDate to) {
        ZoneId zone = clock.getZone();
        Set<String> done = new HashSet<>();
        jdbc.sql("""
                SELECT DISTINCT (done_at AT TIME ZONE :zone)::date, meal FROM tableware_disinfections
                WHERE site_id = :site AND done_at >= :from AND done_at < :to""")
                .param("zone", zone.getId()).param("site", siteId)
                .param("from", Timestamp.from(from.atStartOfDay(zone).toInstant()))
                .param("to", Timestamp.from(to.plusDays(1).atStartOfDay(zone).toInstant()))
                .query((rs, n) -> done.add(rs.getDate(1).toLocalDate() + "/" + rs.getString(2))).list();
        Instant now = clock.instant();
        List<Long> out = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            long overdue = 0;
            for (Meal m : Meal.values()) {
                Instant end = d.atTime(m.end).atZone(zone).toInstant();
                overdue += !done.contains(d + "/" + m) && !now.isBefore(end.plus(Duration.ofHours(1))) ? 1 : 0;
            }
            out.add(overdue);
        }
        return out;
    }
}
