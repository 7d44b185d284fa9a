package org.hallsafe.staffhealth;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.hallsafe.incident.Incidents;
import org.hallsafe.organization.DepartmentKind;
import org.hallsafe.organization.HallCalendar;
import org.hallsafe.organization.RecordTimes;
import org.hallsafe.organization.StaffDirectory;
import org.hallsafe.organization.Views.StaffView;
import org.hallsafe.platform.FormShape;
import org.hallsafe.platform.InvalidInputException;
import org.hallsafe.platform.LiveUpdates;
import org.hallsafe.platform.PersonalData;
import org.hallsafe.platform.SignedIn;
import org.hallsafe.screening.Gate;
import org.hallsafe.screening.ReadingRules;
import org.hallsafe.shared.EarlierMoment.Verdict;
import org.hallsafe.staffhealth.StaffDay.Group;
import org.hallsafe.staffhealth.StaffDay.Schedule;
import org.hallsafe.staffhealth.StaffDay.Slot;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff health's facade: temperature checks recorded (by the person, or by a head or screener), and from the day's
 * records and the clock, what each person owes today ({@link StaffDay} for checks, {@link MaskWear} for masks).
 * Leaving, returning, masks and hands are {@link DayRecords}; schedules {@link Schedules}; reminders
 * {@link ReminderInbox}.
 */
@Service
public class StaffHealth {

    public enum MaskState { NONE, WORN, CHANGE_DUE, OVERDUE }

    /** What a staff member's day looks like now. */
    public record Day(StaffView staff, Group group, List<Slot> slots, MaskState mask, Instant maskOn, String maskType,
            boolean abnormalToday, boolean out, int services, int sanitisations, int backfilled) {

        public long count(StaffDay.Status status) {
            return slots.stream().filter(s -> s.status() == status).count();
        }

        /** The next check to do: the first that needs attention or is open, else the next upcoming. */
        public Optional<Slot> next() {
            return slots.stream().filter(s -> s.needsAttention() || s.status() == StaffDay.Status.OPEN).findFirst()
                    .or(() -> slots.stream().filter(s -> s.status() == StaffDay.Status.UPCOMING).findFirst());
        }
    }

    /** A reminder a staff member has not read yet. */
    public record Reminder(String slotKey, String kind, Instant createdAt) {
    }

    /** The outcome of a check, as the person sees it. */
    public record Recorded(long id, boolean abnormal) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final StaffHealthProperties properties;
    private final StaffDirectory staff;
    private final ReadingRules gate;
    private final PersonalData personalData;
    private final Incidents incidents;
    private final LiveUpdates live;
    private final MessageSource messages;
    private final FormShape shape;
    private final HallCalendar calendar;
    private final Schedules schedules;
    private final RecordTimes recordTimes;

    StaffHealth(JdbcClient jdbc, Clock clock, StaffHealthProperties properties, StaffDirectory staff, ReadingRules gate,
            PersonalData personalData, Incidents incidents, LiveUpdates live, MessageSource messages, FormShape shape,
            HallCalendar calendar, Schedules schedules, RecordTimes recordTimes) {
        this.recordTimes = recordTimes;
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
        this.staff = staff;
        this.gate = gate;
        this.personalData = personalData;
        this.incidents = incidents;
        this.live = live;
        this.messages = messages;
        this.shape = shape;
        this.calendar = calendar;
        this.schedules = schedules;
    }

    static Group groupOf(StaffView s) {
        if (s.windowId() != null) {
            return Group.WINDOW;
        }
        return s.departmentKind() == DepartmentKind.CANTEEN ? Group.CANTEEN : Group.BUREAU;
    }

    // ---- recording

    /**
     * Every problem of a check at once, its shape's and the hall's rules' (read once): for a page whose form could not
     * even be bound (letters for a temperature), which {@code @Valid} did not check, so that nothing is stored.
     */
    Map<String, String> problems(long siteId, CheckForm form) {
        return shape.problemsOf(form, form.ruleProblems(gate.of(siteId).symptoms()));
    }

    /**
     * The hall's rules on a check whose shape the page found wrong, to name everything at once; nothing is stored.
     * The page asks this only then, so a request reads the hall's rules once.
     */
    Map<String, String> ruleProblems(long siteId, CheckForm form) {
        return form.ruleProblems(gate.of(siteId).symptoms());
    }

    /** A temperature check; an abnormal one tells the person to leave their post and reports to the leadership group. */
    @Transactional
    public Recorded recordCheck(long siteId, long staffId, CheckForm form, boolean self) {
        return recordCheck(siteId, staffId, form, self, true);
    }

    /** The same, for the pages, whose {@code @Valid} has checked the form's shape: the hall's rules only. */
    @Transactional
    Recorded recordCheckShaped(long siteId, long staffId, CheckForm form, boolean self) {
        return recordCheck(siteId, staffId, form, self, false);
    }

    private Recorded recordCheck(long siteId, long staffId, CheckForm form, boolean self, boolean checkShape) {
        Optional<Recorded> earlier = jdbc.sql("""
                SELECT id, abnormal FROM staff_checks WHERE site_id = :site AND submission_id = :s AND staff_id = :staff""")
                .param("site", siteId).param("s", form.submissionId()).param("staff", staffId).query(Recorded.class).optional();
        if (earlier.isPresent()) {
            return earlier.get();
        }
        // the one validation of this request: the form's shape and the hall's rules, with the hall's rules read once
        ReadingRules.HallRules settings = gate.of(siteId);
        Map<String, String> rules = form.ruleProblems(settings.symptoms());
        if (checkShape) {
            shape.check(form, rules);
        } else if (!rules.isEmpty()) {
            throw new InvalidInputException(rules);
        }
        StaffView person = staff.get(siteId, staffId);
        // a check for an earlier slot: the one rule for an earlier moment (issue 16, item 6)
        Verdict verdict = RecordTimes.accepted(recordTimes.judge(siteId, form.checkedAt() == null ? null
                : form.checkedAt().atZone(clock.getZone()).toInstant(), form.backfillReason()), "checkedAt");
        boolean abnormal = Gate.abnormal(form.temperature(), form.symptomSet(), settings.feverThreshold());
        String sealed = form.temperature().toPlainString() + "|"
                + form.symptomSet().stream().map(Enum::name).collect(Collectors.joining(",")) + "|"
                + (form.symptomNote() == null ? "" : form.symptomNote());
        Optional<Long> id = jdbc.sql("""
                INSERT INTO staff_checks (site_id, submission_id, staff_id, checked_at, source, health_cipher, abnormal,
                    measured_by, recorded_at, backfilled, backfill_reason)
                VALUES (:site, :s, :staff, :at, :source, :health, :abnormal, :by, :now, :backfilled, :reason)
                ON CONFLICT (site_id, submission_id) DO NOTHING RETURNING id""")
                .param("site", siteId).param("s", form.submissionId()).param("staff", staffId).param("now", now())
                .param("at", Timestamp.from(verdict.at())).param("backfilled", verdict.backfilled())
                .param("reason", verdict.reason())
                .param("source", self ? "SELF" : "OTHER").param("health", personalData.seal(sealed, "").cipherText())
                .param("abnormal", abnormal).param("by", SignedIn.actor()).query(Long.class).optional();
        if (id.isEmpty()) {
            return jdbc.sql("SELECT id, abnormal FROM staff_checks WHERE site_id = :site AND submission_id = :s")
                    .param("site", siteId).param("s", form.submissionId()).query(Recorded.class).single();
        }
        if (abnormal) {
            long incident = incidents.report(siteId, "staffhealth", String.valueOf(id.get()),
                    Incidents.Text.of("staffhealth.incident.title", person.name(), placement(person)),
                    Incidents.Text.of("staffhealth.incident.details", person.name(), placement(person),
                            form.temperature().toPlainString(),
                            form.symptomSet().isEmpty() ? "—" : Incidents.Words.of(form.symptomSet().stream()
                                    .map(sym -> "gate.symptom." + sym).toList()),
                            SignedIn.actor()));
            jdbc.sql("UPDATE staff_checks SET incident_id = :i WHERE id = :id").param("i", incident).param("id", id.get()).update();
        }
        live.publishToSite(siteId, "staffhealth");
        return new Recorded(id.get(), abnormal);
    }

    /**
     * Why a staff member may not be among others today (the canteen door asks, R-CAN-4): their latest check today was
     * a refusal at the gate or an abnormal reading, and no normal check cleared it since. Empty when they may.
     */
    @Transactional(readOnly = true)
    public Optional<String> notCleared(long siteId, long staffId) {
        ZoneId zone = clock.getZone();
        LocalDate today = LocalDate.now(clock);
        return jdbc.sql("""
                SELECT CASE WHEN source = 'GATE' THEN 'canteen.door.gateRefused' ELSE 'canteen.door.abnormal' END, abnormal
                FROM staff_checks WHERE site_id = :site AND staff_id = :staff AND checked_at >= :from AND checked_at <= :now
                ORDER BY checked_at DESC, id DESC LIMIT 1""")
                .param("site", siteId).param("staff", staffId)
                .param("from", Timestamp.from(today.atStartOfDay(zone).toInstant())).param("now", now())
                .query((rs, n) -> rs.getBoolean(2) ? rs.getString(1) : null).optional().map(Optional::ofNullable)
                .flatMap(o -> o);
    }

    // ---- the day

    @Transactional(readOnly = true)
    public Day day(long siteId, long staffId) {
        return days(siteId, List.of(staff.get(siteId, staffId)), LocalDate.now(clock)).get(0);
    }

    /**
     * Every active staff member of the hall (or of one department or window's section), as of now: an abnormal reading
     * first, then the most checks late or missed, then by name.
     */
    @Transactional(readOnly = true)
    public List<Day> board(long siteId, Long departmentId) {
        return board(siteId, departmentId, LocalDate.now(clock));
    }

    /**
     * The day's latest own temperature of each staff member (checks on their phone or taken by a head), opened for a
     * reader who may see readings ({@code staffhealth:readings:view}): one audit entry per board shown. Gate readings
     * of staff stay in the screening ledger.
     */
    @Transactional
    public Map<Long, String> readings(long siteId, LocalDate day) {
        ZoneId zone = clock.getZone();
        record Sealed(long staffId, byte[] health) {
        }
        List<Sealed> sealed = jdbc.sql("""
                SELECT DISTINCT ON (staff_id) staff_id, health_cipher AS health FROM staff_checks
                WHERE site_id = :site AND checked_at >= :from AND checked_at < :to AND health_cipher IS NOT NULL
                ORDER BY staff_id, checked_at DESC""")
                .param("site", siteId).param("from", Timestamp.from(day.atStartOfDay(zone).toInstant()))
                .param("to", Timestamp.from(day.plusDays(1).atStartOfDay(zone).toInstant())).query(Sealed.class).list();
        if (sealed.isEmpty()) {
            return Map.of();
        }
        List<String> plain = personalData.revealAll(sealed.stream().map(Sealed::health).toList(), "staffhealth",
                "board readings " + day);
        Map<Long, String> readings = new HashMap<>();
        for (int i = 0; i < sealed.size(); i++) {
            readings.put(sealed.get(i).staffId(), plain.get(i).split("\\|", 2)[0]);
        }
        return readings;
    }

    /** The board of a past day is the day as it ended. */
    @Transactional(readOnly = true)
    public List<Day> board(long siteId, Long departmentId, LocalDate date) {
        List<Day> days = new ArrayList<>(days(siteId, staff.search(siteId, "", departmentId, false), date));
        days.sort(java.util.Comparator.comparing((Day d) -> !d.abnormalToday())
                .thenComparing(d -> -(d.count(StaffDay.Status.LATE) + d.count(StaffDay.Status.MISSED)
                        + (d.mask() == MaskState.OVERDUE ? 1 : 0))));
        return days;
    }

    private List<Day> days(long siteId, List<StaffView> people, LocalDate today) {
        ZoneId zone = clock.getZone();
        Instant endOfDay = today.plusDays(1).atStartOfDay(zone).toInstant();
        Instant now = clock.instant().isBefore(endOfDay) ? clock.instant() : endOfDay;
        Timestamp from = Timestamp.from(today.atStartOfDay(zone).toInstant());
        Timestamp to = Timestamp.from(today.plusDays(1).atStartOfDay(zone).toInstant());
        Map<Long, List<Instant>> checks = new HashMap<>();
        Map<Long, Boolean> abnormal = new HashMap<>();
        Map<Long, Integer> backfilled = new HashMap<>();
        jdbc.sql("SELECT staff_id, checked_at, abnormal, backfilled FROM staff_checks WHERE site_id = :site AND checked_at >= :from AND checked_at < :to")
                .param("site", siteId).param("from", from).param("to", to).query((rs, n) -> {
                    checks.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getTimestamp(2).toInstant());
                    if (rs.getBoolean(4)) {
                        backfilled.merge(rs.getLong(1), 1, Integer::sum);
                    }
                    if (rs.getBoolean(3)) {
                        abnormal.put(rs.getLong(1), true);
                    }
                    return null;
                }).list();
        Map<Long, List<Instant>> returns = new HashMap<>();
        Map<Long, String> lastPresence = new HashMap<>();
        jdbc.sql("SELECT staff_id, kind, at FROM staff_presence WHERE site_id = :site AND at >= :from AND at < :to ORDER BY at, id")
                .param("site", siteId).param("from", from).param("to", to).query((rs, n) -> {
                    if ("RETURNED".equals(rs.getString(2))) {
                        returns.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getTimestamp(3).toInstant());
                    }
                    lastPresence.put(rs.getLong(1), rs.getString(2));
                    return null;
                }).list();
        record Mask(String type, Instant on) {
        }
        Map<Long, Mask> masks = new HashMap<>();
        jdbc.sql("""
                SELECT DISTINCT ON (staff_id) staff_id, mask_type, at FROM mask_events
                WHERE site_id = :site AND kind = 'PUT_ON' AND at >= :from AND at < :to ORDER BY staff_id, at DESC""")
                .param("site", siteId).param("from", from).param("to", to)
                .query((rs, n) -> masks.put(rs.getLong(1), new Mask(rs.getString(2), rs.getTimestamp(3).toInstant()))).list();
        Map<Long, int[]> hands = new HashMap<>();
        jdbc.sql("SELECT staff_id, kind, count(*) FROM hand_events WHERE site_id = :site AND at >= :from AND at < :to GROUP BY 1, 2")
                .param("site", siteId).param("from", from).param("to", to).query((rs, n) -> {
                    int[] c = hands.computeIfAbsent(rs.getLong(1), k -> new int[2]);
                    c["SERVICE".equals(rs.getString(2)) ? 0 : 1] = rs.getInt(3);
                    return null;
                }).list();
        Map<Group, Schedule> schedules = this.schedules.schedules(siteId);
        HallCalendar.DayHours hall = calendar.hours(siteId, today);
        List<Day> days = new ArrayList<>();
        for (StaffView p : people) {
            Group group = groupOf(p);
            List<Slot> slots = StaffDay.compute(schedules.get(group), properties.rules(), today, zone,
                    checks.getOrDefault(p.id(), List.of()), returns.getOrDefault(p.id(), List.of()), now,
                    hall.open(), hall.exception());
            Mask mask = masks.get(p.id());
            MaskState state = mask == null ? MaskState.NONE : properties.maskWear().state(mask.type(), mask.on(), now);
            int[] h = hands.getOrDefault(p.id(), new int[2]);
            days.add(new Day(p, group, slots, state, mask == null ? null : mask.on(), mask == null ? null : mask.type(),
                    abnormal.getOrDefault(p.id(), false), "LEFT".equals(lastPresence.get(p.id())), h[0], h[1],
                    backfilled.getOrDefault(p.id(), 0)));
        }
        return days;
    }

    private String placement(StaffView s) {
        return s.windowNumber() != null ? word("window.label", s.windowNumber(), s.windowName()) : s.departmentName();
    }

    String word(String key, Object... args) {
        return messages.getMessage(key, args, java.util.Locale.SIMPLIFIED_CHINESE);
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }
}
