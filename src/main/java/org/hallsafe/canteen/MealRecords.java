package org.hallsafe.canteen;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hallsafe.canteen.Canteen.Entry;
import org.hallsafe.canteen.Canteen.MealState;
import org.hallsafe.canteen.Canteen.Tableware;
import org.hallsafe.canteen.Canteen.Waste;
import org.hallsafe.canteen.CanteenForms.Meal;
import org.hallsafe.canteen.CanteenForms.TablewareForm;
import org.hallsafe.canteen.CanteenForms.TablewareMethod;
import org.hallsafe.canteen.CanteenForms.WasteForm;
import org.hallsafe.organization.StaffDirectory;
import org.hallsafe.organization.Views.StaffView;
import org.hallsafe.platform.InvalidInputException;
import org.hallsafe.platform.PlainText;
import org.hallsafe.platform.SignedIn;
import org.hallsafe.staffhealth.StaffHealth;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Around each meal: tableware disinfected after it, the door (staff only, hands washed), and food waste handed over. */
@Service
class MealRecords {

    /** The longest card number or name the door takes, as the table's CHECK. */
    static final int DOOR_TYPED = 40;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final StaffDirectory staff;
    private final StaffHealth health;

    MealRecords(JdbcClient jdbc, Clock clock, StaffDirectory staff, StaffHealth health) {
        this.health = health;
        this.jdbc = jdbc;
        this.clock = clock;
        this.staff = staff;
    }

    @Transactional
    void disinfectTableware(long siteId, TablewareForm f) {
        if (f.method() == TablewareMethod.CHEMICAL && f.concentration() == null) {
            throw new InvalidInputException("concentration", "hygiene.concentration.required");
        }
        jdbc.sql("""
                INSERT INTO tableware_disinfections (site_id, meal, method, concentration, minutes, temperature_c, done_by,
                    done_at, recorded_by)
                VALUES (:site, :meal, :method, :c, :m, :t, :doneBy, :now, :by)""")
                .param("site", siteId).param("meal", f.meal().name()).param("method", f.method().name())
                .param("c", f.method() == TablewareMethod.CHEMICAL ? f.concentration() : null).param("m", f.minutes())
                .param("t", f.temperature()).param("doneBy", f.doneBy().strip()).param("now", Timestamp.from(clock.instant()))
                .param("by", SignedIn.actor()).update();
    }

    /**
     * Staff identified by card number (a QR scanner types it) or by their full name enter after washing their hands;
     * anyone else is refused and recorded, and so is a staff member refused at the gate or with an abnormal reading
     * today and not cleared since (R-CAN-4, issue 16 item 7), with the reason.
     */
    @Transactional
    Entry enter(long siteId, String typed, boolean handsWashed) {
        if (typed == null || typed.isBlank()) {
            throw new InvalidInputException("typed", "canteen.door.typed");
        }
        String tooLong = PlainText.Rules.problem(typed.strip(), DOOR_TYPED, false);
        if (tooLong != null) {
            throw new InvalidInputException("typed", tooLong);
        }
        if (!handsWashed) {
            throw new InvalidInputException("handsWashed", "canteen.door.wash");
        }
        String t = typed.strip();
        Optional<StaffView> person = staff.byCardNo(siteId, t).filter(s -> !s.retired());
        if (person.isEmpty()) {
            List<StaffView> byName = staff.search(siteId, t, null, false).stream().filter(s -> s.name().equals(t)).toList();
            person = byName.size() == 1 ? Optional.of(byName.get(0)) : Optional.empty();
        }
        Meal meal = Meal.at(clock.instant().atZone(clock.getZone()).toLocalTime());
        String refusal = person.isEmpty() ? "canteen.door.notStaff"
                : health.notCleared(siteId, person.get().id()).orElse(null);
        jdbc.sql("""
                INSERT INTO canteen_entries (site_id, meal, staff_id, typed, allowed, hands_washed, at, recorded_by, refusal)
                VALUES (:site, :meal, :staff, :typed, :allowed, true, :now, :by, :refusal)""")
                .param("site", siteId).param("meal", meal.name()).param("staff", person.map(StaffView::id).orElse(null))
                .param("typed", t).param("allowed", refusal == null).param("now", Timestamp.from(clock.instant()))
                .param("by", SignedIn.actor()).param("refusal", refusal).update();
        return new Entry(refusal == null, person.map(StaffView::name).orElse(t), meal, refusal);
    }

    @Transactional
    void foodWaste(long siteId, WasteForm f) {
        jdbc.sql("INSERT INTO food_waste (site_id, kg, handed_to, at, recorded_by) VALUES (:site, :kg, :to, :now, :by)")
                .param("site", siteId).param("kg", f.kg()).param("to", f.handedTo().strip())
                .param("now", Timestamp.from(clock.instant())).param("by", SignedIn.actor()).update();
    }

    /** Each meal of a day: tableware done, due or overdue, and who came through the door. */
    @Transactional(readOnly = true)
    List<MealState> meals(long siteId, LocalDate day) {
        ZoneId zone = clock.getZone();
        Instant now = clock.instant();
        Map<String, Object> params = Map.of("site", siteId, "from", Timestamp.from(day.atStartOfDay(zone).toInstant()),
                "to", Timestamp.from(day.plusDays(1).atStartOfDay(zone).toInstant()));
        Map<Meal, Instant> done = new EnumMap<>(Meal.class);
        jdbc.sql("SELECT meal, max(done_at) FROM tableware_disinfections WHERE site_id = :site AND done_at >= :from AND done_at < :to GROUP BY meal")
                .params(params).query((rs, n) -> done.put(Meal.valueOf(rs.getString(1)), rs.getTimestamp(2).toInstant())).list();
        Map<Meal, int[]> counts = new EnumMap<>(Meal.class);
        jdbc.sql("SELECT meal, allowed, count(*) FROM canteen_entries WHERE site_id = :site AND at >= :from AND at < :to GROUP BY meal, allowed")
                .params(params).query((rs, n) -> counts.computeIfAbsent(Meal.valueOf(rs.getString(1)), k -> new int[2])
                        [rs.getBoolean(2) ? 0 : 1] = rs.getInt(3)).list();
        List<MealState> out = new ArrayList<>();
        for (Meal m : Meal.values()) {
            Instant end = day.atTime(m.end).atZone(zone).toInstant();
            String state = done.containsKey(m) ? "DONE" : now.isBefore(end) ? "UPCOMING"
                    : now.isBefore(end.plus(Duration.ofHours(1))) ? "DUE" : "OVERDUE";
            int[] c = counts.getOrDefault(m, new int[2]);
            out.add(new MealState(m, state, done.get(m), c[0], c[1]));
        }
        return out;
    }

    @Transactional(readOnly = true)
    List<Tableware> tableware(long siteId, LocalDate from, LocalDate to) {
        ZoneId zone = clock.getZone();
        return jdbc.sql("""
                SELECT done_at AS at, meal, method, concentration, minutes, temperature_c AS temperature, done_by
                FROM tableware_disinfections WHERE site_id = :site AND done_at >= :from AND done_at < :to ORDER BY done_at""")
                .param("site", siteId).param("from", Timestamp.from(from.atStartOfDay(zone).toInstant()))
                .param("to", Timestamp.from(to.plusDays(1).atStartOfDay(zone).toInstant())).query(Tableware.class).list();
    }

    @Transactional(readOnly = true)
    List<Waste> waste(long siteId, LocalDate day) {
        return waste(siteId, day, day);
    }

    @Transactional(readOnly = true)
    List<Waste> waste(long siteId, LocalDate from, LocalDate to) {
        ZoneId zone = clock.getZone();
        return jdbc.sql("SELECT at, kg, handed_to FROM food_waste WHERE site_id = :site AND at >= :from AND at < :to ORDER BY at DESC")
                .param("site", siteId).param("from", Timestamp.from(from.atStartOfDay(zone).toInstant()))
                .param("to", Timestamp.from(to.plusDays(1).atStartOfDay(zone).toInstant())).query(Waste.class).list();
    }
}
