package org.hallsafe.agency;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hallsafe.agency.AgencyCases.Channel;
import org.hallsafe.agency.AgencyCases.State;
import org.hallsafe.appointments.Catalogue;
import org.hallsafe.organization.Directory;
import org.hallsafe.organization.HallCalendar;
import org.hallsafe.platform.StandbyRead;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The agency ledger (代办台账, issue #14 item 7): every case of a period, filtered by item, section, state and whether it
 * was done on time, with the figures the office reports: cases by channel, the on-time rate by item and by section,
 * the average working days from acceptance to result, and the cases waiting on the citizen. Personal data appears
 * masked only, so reading the ledger opens nothing sealed.
 */
@Service
class AgencyLedger {

    /** On time, late, or not yet known (open, or overdue while still open). */
    enum Timing { ON_TIME, LATE, OVERDUE, OPEN }

    /** The ledger's filters; dates are the days a case was opened, both included. */
    record Filter(LocalDate from, LocalDate to, Long itemId, Long sectionId, State state, Timing timing) {
    }

    /** One line of the ledger. */
    record Line(long id, String code, LocalDate openedOn, Channel channel, long itemId, String itemName, Long sectionId,
            String sectionName, String applicantMasked, String company, State state, LocalDate acceptedOn,
            LocalDate dueOn, LocalDate doneOn, Boolean onTime, Integer workingDays, Timing timing, LocalDate sentOn) {
    }

    /** A rate: how many were done, how many of them on time. */
    record Rate(String name, int done, int onTime, Integer percent) {
        Rate(String name, int done, int onTime) {
            this(name, done, onTime, done == 0 ? null : Math.round(onTime * 100f / done));
        }
    }

    record Figures(Map<Channel, Integer> byChannel, List<Rate> byItem, List<Rate> bySection, Double averageWorkingDays,
            int waitingOnCitizen, int overdue, int total) {
    }

    /** The most lines a page or print view shows; the export holds them all. */
    static final int PAGE_LIMIT = 500;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Catalogue catalogue;
    private final Directory directory;
    private final HallCalendar calendar;

    AgencyLedger(JdbcClient jdbc, Clock clock, Catalogue catalogue, Directory directory, HallCalendar calendar) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.catalogue = catalogue;
        this.directory = directory;
        this.calendar = calendar;
    }

    /** The filter with its defaults: the last 30 days up to today. */
    Filter withDefaults(Filter f) {
        LocalDate today = LocalDate.now(clock);
        LocalDate to = f == null || f.to() == null ? today : f.to();
        LocalDate from = f == null || f.from() == null ? to.minusDays(29) : f.from();
        return f == null ? new Filter(from, to, null, null, null, null)
                : new Filter(from, to, f.itemId(), f.sectionId(), f.state(), f.timing());
    }

    /** The ledger's lines, oldest first (a paper ledger is written downwards), at most {@code limit}. */
    @StandbyRead
    @Transactional(readOnly = true)
    List<Line> lines(long siteId, Filter filter, int limit) {
        Filter f = withDefaults(filter);
        ZoneId zone = clock.getZone();
        LocalDate today = LocalDate.now(clock);
        Map<Long, String> items = new HashMap<>();
        catalogue.items(siteId, true).forEach(i -> items.put(i.id(), i.name()));
        Map<Long, String> sections = sections(siteId);
        Map<LocalDate, Boolean> workingDays = new HashMap<>();
        StringBuilder sql = new StringBuilder("""
                SELECT id, code, created_at, channel, item_id, department_id, applicant_masked, company, state,
                       accepted_at, due_on, done_at, on_time, sent_at, paused_days
                FROM agency_cases WHERE site_id = :site AND created_at >= :from AND created_at < :to""");
        if (f.itemId() != null) {
            sql.append(" AND item_id = :item");
        }
        if (f.sectionId() != null) {
            sql.append(" AND department_id = :section");
        }
        if (f.state() != null) {
            sql.append(" AND state = :state");
        }
        if (f.timing() != null) {
            sql.append(switch (f.timing()) {
                case ON_TIME -> " AND on_time";
                case LATE -> " AND NOT on_time";
                case OVERDUE -> " AND on_time IS NULL AND state IN ('ACCEPTED', 'SUPPLEMENT') AND due_on < :today";
                case OPEN -> " AND on_time IS NULL AND state NOT IN ('WITHDRAWN') AND (due_on IS NULL OR due_on >= :today)";
            });
        }
        sql.append(" ORDER BY created_at, id LIMIT :limit");
        var spec = jdbc.sql(sql.toString()).param("site", siteId)
                .param("from", Timestamp.from(f.from().atStartOfDay(zone).toInstant()))
                .param("to", Timestamp.from(f.to().plusDays(1).atStartOfDay(zone).toInstant()))
                .param("today", today).param("limit", limit);
        if (f.itemId() != null) {
            spec = spec.param("item", f.itemId());
        }
        if (f.sectionId() != null) {
            spec = spec.param("section", f.sectionId());
        }
        if (f.state() != null) {
            spec = spec.param("state", f.state().name());
        }
        return spec.query((rs, n) -> {
            Timestamp accepted = rs.getTimestamp("accepted_at");
            Timestamp done = rs.getTimestamp("done_at");
            Timestamp sent = rs.getTimestamp("sent_at");
            java.sql.Date due = rs.getDate("due_on");
            Boolean onTime = (Boolean) rs.getObject("on_time");
            Long section = (Long) rs.getObject("department_id");
            State state = State.valueOf(rs.getString("state"));
            LocalDate dueOn = due == null ? null : due.toLocalDate();
            Integer days = accepted == null || done == null ? null
                    : Math.max(0, workingDaysBetween(siteId, LocalDate.ofInstant(accepted.toInstant(), zone),
                            LocalDate.ofInstant(done.toInstant(), zone), workingDays) - rs.getInt("paused_days"));
            Timing timing = onTime != null ? (onTime ? Timing.ON_TIME : Timing.LATE)
                    : dueOn != null && dueOn.isBefore(today) && (state == State.ACCEPTED || state == State.SUPPLEMENT)
                            ? Timing.OVERDUE : Timing.OPEN;
            long item = rs.getLong("item_id");
            return new Line(rs.getLong("id"), rs.getString("code"), day(rs.getTimestamp("created_at"), zone),
                    Channel.valueOf(rs.getString("channel")), item, items.getOrDefault(item, "#" + item), section,
                    section == null ? null : sections.get(section), rs.getString("applicant_masked"),
                    rs.getString("company"), state, day(accepted, zone), dueOn, day(done, zone), onTime, days, timing,
                    day(sent, zone));
        }).list();
    }

    private static LocalDate day(Timestamp at, ZoneId zone) {
        return at == null ? null : LocalDate.ofInstant(at.toInstant(), zone);
    }

    /** The figures of these lines. */
    static Figures figures(List<Line> lines) {
        Map<Channel, Integer> byChannel = new EnumMap<>(Channel.class);
        for (Channel c : Channel.values()) {
            byChannel.put(c, 0);
        }
        Map<String, int[]> byItem = new LinkedHashMap<>();
        Map<String, int[]> bySection = new LinkedHashMap<>();
        int waiting = 0;
        int overdue = 0;
        long daysSum = 0;
        int daysCount = 0;
        for (Line l : lines) {
            byChannel.merge(l.channel(), 1, Integer::sum);
            if (l.state() == State.APPLIED || l.state() == State.SUPPLEMENT) {
                waiting++;
            }
            if (l.timing() == Timing.OVERDUE) {
                overdue++;
            }
            if (l.onTime() != null) {
                int[] item = byItem.computeIfAbsent(l.itemName(), k -> new int[2]);
                int[] section = bySection.computeIfAbsent(l.sectionName() == null ? "" : l.sectionName(), k -> new int[2]);
                item[0]++;
                section[0]++;
                if (l.onTime()) {
                    item[1]++;
                    section[1]++;
                }
            }
            if (l.workingDays() != null) {
                daysSum += l.workingDays();
                daysCount++;
            }
        }
        List<Rate> items = new ArrayList<>();
        byItem.forEach((k, v) -> items.add(new Rate(k, v[0], v[1])));
        List<Rate> sections = new ArrayList<>();
        bySection.forEach((k, v) -> sections.add(new Rate(k, v[0], v[1])));
        Double average = daysCount == 0 ? null : Math.round(daysSum * 10.0 / daysCount) / 10.0;
        return new Figures(byChannel, items, sections, average, waiting, overdue, lines.size());
    }

    /** The hall's sections by id, for the filter and the section column. */
    @StandbyRead
    Map<Long, String> sections(long siteId) {
        Map<Long, String> names = new LinkedHashMap<>();
        directory.departments(siteId, null, "", true).forEach(d -> names.put(d.id(), d.name()));
        return names;
    }

    /** Working days after {@code from} up to and including {@code to}, by the hall's calendar. */
    private int workingDaysBetween(long siteId, LocalDate from, LocalDate to, Map<LocalDate, Boolean> cache) {
        int days = 0;
        for (LocalDate d = from.plusDays(1); !d.isAfter(to) && days < 3660; d = d.plusDays(1)) {
            if (cache.computeIfAbsent(d, x -> calendar.isWorkingDay(siteId, x))) {
                days++;
            }
        }
        return days;
    }
}
