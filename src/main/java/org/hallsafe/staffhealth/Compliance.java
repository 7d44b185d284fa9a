package org.hallsafe.staffhealth;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.hallsafe.organization.Directory;
import org.hallsafe.organization.MeasureStatusProvider;
import org.hallsafe.organization.Views.WindowView;
import org.hallsafe.platform.LedgerWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How each section kept the rules on a day (R-MON, R-PPE): checks on time, late and missed, masks changed on time and
 * overdue, hands sanitised per service at each window. Also fills the responsibility matrix for R-MON and R-PPE.
 */
@Service
class Compliance {

    /** One section's day. */
    public record SectionDay(Long departmentId, String name, int onTime, int late, int missed, int due,
            int masksOnTime, int masksOverdue) {
    }

    /** One window's hand hygiene. */
    public record WindowDay(String window, int services, int sanitisations) {

        /** Sanitisations per completed service, 0 without services. */
        public double ratio() {
            return services == 0 ? 0 : (double) sanitisations / services;
        }
    }

    private final StaffHealth health;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final StaffHealthProperties properties;
    private final MessageSource messages;
    private final Directory directory;

    Compliance(StaffHealth health, JdbcClient jdbc, Clock clock, StaffHealthProperties properties, MessageSource messages,
            Directory directory) {
        this.directory = directory;
        this.health = health;
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
        this.messages = messages;
    }

    /** A day, per section; window staff are counted per window. */
    @Transactional(readOnly = true)
    List<SectionDay> sections(long siteId, LocalDate day) {
        Map<String, int[]> bySection = new LinkedHashMap<>();
        Map<String, Long> ids = new LinkedHashMap<>();
        Map<Long, int[]> masks = masksChanged(siteId, day);
        for (StaffHealth.Day d : health.board(siteId, null, day)) {
            String name = d.staff().windowId() != null ? d.staff().windowName() : d.staff().departmentName();
            String key = d.staff().departmentName() != null ? d.staff().departmentName() : name;
            ids.putIfAbsent(key, d.staff().departmentId());
            add(bySection.computeIfAbsent(key, k -> new int[6]), d, masks);
        }
        List<SectionDay> out = new ArrayList<>();
        bySection.forEach((name, c) -> out.add(new SectionDay(ids.get(name), name, c[0], c[1], c[2], c[3], c[4], c[5])));
        return out;
    }

    /** A day per window (window staff only), by window id: the matrix's window columns. */
    @Transactional(readOnly = true)
    Map<Long, SectionDay> byWindow(long siteId, LocalDate day) {
        Map<Long, int[]> byWindow = new LinkedHashMap<>();
        Map<Long, int[]> masks = masksChanged(siteId, day);
        for (StaffHealth.Day d : health.board(siteId, null, day)) {
            if (d.staff().windowId() != null) {
                add(byWindow.computeIfAbsent(d.staff().windowId(), k -> new int[6]), d, masks);
            }
        }
        Map<Long, SectionDay> out = new LinkedHashMap<>();
        byWindow.forEach((id, c) -> out.put(id, new SectionDay(null, "", c[0], c[1], c[2], c[3], c[4], c[5])));
        return out;
    }

    private static void add(int[] c, StaffHealth.Day d, Map<Long, int[]> masks) {
        c[0] += d.count(StaffDay.Status.DONE_ON_TIME);
        c[1] += d.count(StaffDay.Status.DONE_LATE);
        c[2] += d.count(StaffDay.Status.MISSED);
        c[3] += d.count(StaffDay.Status.DUE) + d.count(StaffDay.Status.LATE);
        int[] m = masks.getOrDefault(d.staff().id(), new int[2]);
        c[4] += m[0];
        c[5] += m[1] + (d.mask() == StaffHealth.MaskState.OVERDUE ? 1 : 0);
    }

    /** Per staff member: disposable masks changed within their life, and changed too late. */
    private Map<Long, int[]> masksChanged(long siteId, LocalDate today) {
        Map<Long, int[]> counts = new LinkedHashMap<>();
        Map<Long, Instant> previous = new LinkedHashMap<>();
        ZoneId zone = clock.getZone();
        jdbc.sql("""
                SELECT staff_id, mask_type, at FROM mask_events WHERE site_id = :site AND kind = 'PUT_ON'
                  AND at >= :from AND at < :to ORDER BY staff_id, at""")
                .param("site", siteId).param("from", Timestamp.from(today.atStartOfDay(zone).toInstant()))
                .param("to", Timestamp.from(today.plusDays(1).atStartOfDay(zone).toInstant()))
                .query((rs, n) -> {
                    long staffId = rs.getLong(1);
                    Instant at = rs.getTimestamp(3).toInstant();
                    Instant before = previous.put(staffId, MaskWear.timed(rs.getString(2)) ? at : null);
                    if (before != null) {
                        boolean inTime = properties.maskWear().changedInTime(before, at);
                        counts.computeIfAbsent(staffId, k -> new int[2])[inTime ? 0 : 1]++;
                    }
                    return null;
                }).list();
        return counts;
    }

    /** Each window's hand hygiene on a day, by window number; the windows' names from organization's facade. */
    @Transactional(readOnly = true)
    List<WindowDay> windows(long siteId, LocalDate today) {
        ZoneId zone = clock.getZone();
        Map<Long, WindowView> windows = directory.windows(siteId, "", true).stream()
                .collect(Collectors.toMap(WindowView::id, w -> w));
        record Counts(long windowId, int services, int sanitisations) {
        }
        return jdbc.sql("""
                SELECT window_id, count(*) FILTER (WHERE kind = 'SERVICE') AS services,
                       count(*) FILTER (WHERE kind = 'SANITISE') AS sanitisations
                FROM hand_events WHERE site_id = :site AND at >= :from AND at < :to GROUP BY window_id""")
                .param("site", siteId).param("from", Timestamp.from(today.atStartOfDay(zone).toInstant()))
                .param("to", Timestamp.from(today.plusDays(1).atStartOfDay(zone).toInstant()))
                .query(Counts.class).list().stream().filter(c -> windows.containsKey(c.windowId()))
                .sorted(Comparator.comparingInt(c -> windows.get(c.windowId()).number()))
                .map(c -> new WindowDay(windows.get(c.windowId()).number() + " " + windows.get(c.windowId()).name(),
                        c.services(), c.sanitisations()))
                .toList();
    }

    /** The day's compliance as an Excel file through the one spreadsheet component: sections, then windows. */
    @Transactional(readOnly = true)
    void fill(LedgerWorkbook book, long siteId, LocalDate day, String hall, Locale locale) {
        String period = book.period(day, day);
        LedgerWorkbook.Sheet sections = book.sheet(text("compliance.title", locale), hall, period, headings(locale,
                "compliance.section", "compliance.onTime", "compliance.late", "compliance.missed", "compliance.due",
                "compliance.masksOnTime", "compliance.masksOverdue"));
        for (SectionDay s : sections(siteId, day)) {
            sections.row(s.name(), s.onTime(), s.late(), s.missed(), s.due(), s.masksOnTime(), s.masksOverdue());
        }
        LedgerWorkbook.Sheet windows = book.sheet(text("compliance.window", locale), hall, period, headings(locale,
                "compliance.window", "compliance.services", "compliance.sanitisations", "compliance.ratio"));
        for (WindowDay w : windows(siteId, day)) {
            windows.row(w.window(), w.services(), w.sanitisations(), Math.round(w.ratio() * 100) / 100.0);
        }
    }

    private List<String> headings(Locale locale, String... keys) {
        return java.util.stream.Stream.of(keys).map(k -> text(k, locale)).toList();
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }

    /** R-MON in the responsibility matrix: checks done, due now, late or missed, per section. */
    @org.springframework.stereotype.Component
    static class Monitoring implements MeasureStatusProvider {
        private final Compliance compliance;

        Monitoring(Compliance compliance) {
            this.compliance = compliance;
        }

        @Override
        public String measureCode() {
            return "R-MON";
        }

        @Override
        public Map<Long, MeasureStatus> statuses(long siteId, LocalDate day) {
            return compliance.sections(siteId, day).stream().filter(s -> s.departmentId() != null).collect(
                    Collectors.toMap(SectionDay::departmentId, Monitoring::checks));
        }

        @Override
        public Map<Long, MeasureStatus> windowStatuses(long siteId, LocalDate day) {
            return compliance.byWindow(siteId, day).entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> checks(e.getValue())));
        }

        private static MeasureStatus checks(SectionDay s) {
            return new MeasureStatus(s.onTime() + s.late(), s.due(), s.missed());
        }

        @Override
        public String sectionLink(long siteId, long sectionId, LocalDate day) {
            return "/staffhealth?dept=" + sectionId + "&day=" + day;
        }

        @Override
        public String windowLink(long siteId, long windowId, LocalDate day) {
            return "/staffhealth?window=" + windowId + "&day=" + day;
        }

        @Override
        public String recordsKey() {
            return "measure.records.checks";
        }
    }

    /** R-PPE in the responsibility matrix: masks changed in time, and overdue, per section. */
    @org.springframework.stereotype.Component
    static class Protection implements MeasureStatusProvider {
        private final Compliance compliance;

        Protection(Compliance compliance) {
            this.compliance = compliance;
        }

        @Override
        public String measureCode() {
            return "R-PPE";
        }

        @Override
        public Map<Long, MeasureStatus> statuses(long siteId, LocalDate day) {
            return compliance.sections(siteId, day).stream().filter(s -> s.departmentId() != null).collect(
                    Collectors.toMap(SectionDay::departmentId, Protection::masks));
        }

        @Override
        public Map<Long, MeasureStatus> windowStatuses(long siteId, LocalDate day) {
            return compliance.byWindow(siteId, day).entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> masks(e.getValue())));
        }

        private static MeasureStatus masks(SectionDay s) {
            return new MeasureStatus(s.masksOnTime(), 0, s.masksOverdue());
        }

        @Override
        public String sectionLink(long siteId, long sectionId, LocalDate day) {
            return "/staffhealth?dept=" + sectionId + "&day=" + day;
        }

        @Override
        public String windowLink(long siteId, long windowId, LocalDate day) {
            return "/staffhealth?window=" + windowId + "&day=" + day;
        }

        @Override
        public String recordsKey() {
            return "measure.records.staff";
        }
    }
}
