package org.hallsafe.accountability;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.hallsafe.organization.Directory;
import org.hallsafe.organization.Leadership;
import org.hallsafe.organization.SectionFlags;
import org.hallsafe.organization.StaffDirectory;
import org.hallsafe.organization.Views.DepartmentView;
import org.hallsafe.organization.Views.LeadershipView;
import org.hallsafe.platform.ActivityLog;
import org.hallsafe.platform.Deliveries;
import org.hallsafe.platform.InvalidInputException;
import org.hallsafe.platform.LiveUpdates;
import org.hallsafe.platform.NotFoundException;
import org.hallsafe.platform.SignedIn;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The daily briefing (每日防控工作日报) for the leadership group: every module's figures (the overview's tiles), each
 * section's report, the formalism check's flags, and the office's remarks. Until it is sent it is assembled afresh
 * on every view; sending stores it as it stood then (a JSON snapshot), so the history does not move, and tells every
 * member of the group (in the app and by SMS), once.
 */
@Service
class Briefings {

    record Tile(String key, String measureCode, long value, String level, String link, List<Long> trend) {
    }

    record SectionLine(String section, String state, String submittedName, Instant submittedAt, String problems,
            String request, String requestTo, Long reportId) {
    }

    record FlagLine(String rule, String section, String detail, String link) {
    }

    record Briefing(LocalDate day, String hall, List<Tile> tiles, List<SectionLine> sections, List<FlagLine> flags,
            String remarks, Instant sentAt, String sentBy) {

        public boolean sent() {
            return sentAt != null;
        }

        Briefing with(String remarks, Instant sentAt, String sentBy) {
            return new Briefing(day, hall, tiles, sections, flags, remarks, sentAt, sentBy);
        }
    }

    /** One day of the history: whether the briefing was sent, when and by whom. */
    record HistoryLine(LocalDate day, Instant sentAt, String sentBy, boolean hasRemarks) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Overview overview;
    private final SectionReports reports;
    private final ReportThread thread;
    private final ObjectProvider<SectionFlags> flags;
    private final Directory directory;
    private final Leadership leadership;
    private final StaffDirectory staff;
    private final LiveUpdates live;
    private final Deliveries sms;
    private final MessageSource messages;
    private final ActivityLog activity;

    Briefings(JdbcClient jdbc, Clock clock, Overview overview, SectionReports reports, ReportThread thread,
            ObjectProvider<SectionFlags> flags, Directory directory, Leadership leadership, StaffDirectory staff,
            LiveUpdates live, Deliveries sms, MessageSource messages, ActivityLog activity) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.overview = overview;
        this.reports = reports;
        this.thread = thread;
        this.flags = flags;
        this.directory = directory;
        this.leadership = leadership;
        this.staff = staff;
        this.live = live;
        this.sms = sms;
        this.messages = messages;
        this.activity = activity;
    }

    private record Row(String remarks, String snapshot, Instant sentAt, String sentBy) {
    }

    /** The day's briefing: as sent, or as it stands now. A day after today has none. */
    @Transactional(readOnly = true)
    Briefing of(long siteId, LocalDate day) {
        if (day.isAfter(LocalDate.now(clock))) {
            throw NotFoundException.of("briefing", day.toString());
        }
        Optional<Row> row = row(siteId, day);
        if (row.isPresent() && row.get().snapshot() != null) {
            return JSON.readValue(row.get().snapshot(), Briefing.class)
                    .with(row.get().remarks(), row.get().sentAt(), row.get().sentBy());
        }
        return assemble(siteId, day, row.map(Row::remarks).orElse(""));
    }

    private Optional<Row> row(long siteId, LocalDate day) {
        return jdbc.sql("SELECT remarks, snapshot, sent_at, sent_by FROM briefings WHERE site_id = :site AND day = :day")
                .param("site", siteId).param("day", day).query(Row.class).optional();
    }

    private Briefing assemble(long siteId, LocalDate day, String remarks) {
        List<Tile> tiles = overview.tiles(siteId, day).stream().map(t -> new Tile(t.figure().key(),
                t.figure().measureCode(), t.figure().value(), t.figure().level().name(), t.figure().link(), t.trend()))
                .toList();
        Map<Long, ReportThread.Report> submitted = thread.ofDay(siteId, day).stream()
                .collect(Collectors.toMap(ReportThread.Report::sectionId, Function.identity()));
        List<SectionLine> sections = new ArrayList<>();
        for (SectionReports.Line line : reports.day(siteId, day)) {
            ReportThread.Report r = submitted.get(line.section().id());
            sections.add(r == null
                    ? new SectionLine(line.section().name(), line.state().name(), null, null, "", "", null, null)
                    : new SectionLine(line.section().name(), line.state().name(), r.submittedName(), r.submittedAt(),
                            r.problems(), r.request(), r.request().isEmpty() ? null
                                    : r.requestTo() == null ? "" : r.requestToName(), r.id()));
        }
        Map<Long, String> names = directory.departments(siteId, null, "", true).stream()
                .collect(Collectors.toMap(DepartmentView::id, DepartmentView::name));
        List<FlagLine> flagLines = flags.orderedStream().flatMap(f -> f.flags(siteId, day).stream())
                .map(f -> new FlagLine(f.rule(), f.sectionId() == null ? "" : names.getOrDefault(f.sectionId(), ""),
                        f.detail(), f.link()))
                .toList();
        return new Briefing(day, directory.site(siteId).name(), tiles, sections, flagLines, remarks, null, null);
    }

    /** The office's remarks, until the briefing is sent. */
    @Transactional
    void saveRemarks(long siteId, LocalDate day, String remarks) {
        of(siteId, day);
        int changed = jdbc.sql("""
                INSERT INTO briefings (site_id, day, remarks, updated_at, updated_by) VALUES (:site, :day, :remarks, :now, :by)
                ON CONFLICT (site_id, day) DO UPDATE SET remarks = excluded.remarks, updated_at = excluded.updated_at,
                    updated_by = excluded.updated_by WHERE briefings.sent_at IS NULL""")
                .param("site", siteId).param("day", day).param("remarks", remarks == null ? "" : remarks.strip())
                .param("now", Timestamp.from(clock.instant())).param("by", SignedIn.actor()).update();
        if (changed == 0) {
            throw new InvalidInputException("remarks", "briefing.alreadySent");
        }
        activity.record("UPDATED", "briefing", siteId + "/" + day, null);
    }

    /** Stores the briefing as it stands and tells the group; a briefing is sent once. */
    @Transactional
    Briefing send(long siteId, LocalDate day) {
        Briefing now = of(siteId, day);
        if (now.sent()) {
            throw new InvalidInputException("remarks", "briefing.alreadySent");
        }
        Instant at = clock.instant();
        String by = SignedIn.actor();
        int changed = jdbc.sql("""
                INSERT INTO briefings (site_id, day, remarks, snapshot, sent_at, sent_by, updated_at, updated_by)
                VALUES (:site, :day, :remarks, :snapshot, :at, :by, :at, :by)
                ON CONFLICT (site_id, day) DO UPDATE SET snapshot = excluded.snapshot, sent_at = excluded.sent_at,
                    sent_by = excluded.sent_by, updated_at = excluded.updated_at, updated_by = excluded.updated_by
                WHERE briefings.sent_at IS NULL""")
                .param("site", siteId).param("day", day).param("remarks", now.remarks())
                .param("snapshot", JSON.writeValueAsString(now.with("", null, null)))
                .param("at", Timestamp.from(at)).param("by", by).update();
        if (changed == 0) {
            throw new InvalidInputException("remarks", "briefing.alreadySent");
        }
        activity.record("SENT", "briefing", siteId + "/" + day, null);
        tellGroup(siteId, day);
        return now.with(now.remarks(), at, by);
    }

    private void tellGroup(long siteId, LocalDate day) {
        List<LeadershipView> members = leadership.members(siteId, false);
        live.publish(members.stream().map(LeadershipView::accountId).filter(id -> id != null).toList(), "briefing");
        String text = messages.getMessage("briefing.sms.sent", new Object[] {day.toString()}, Locale.SIMPLIFIED_CHINESE);
        for (LeadershipView m : members) {
            var person = staff.get(siteId, m.staffId());
            if (person.phoneMasked() != null && !person.phoneMasked().isEmpty()) {
                sms.enqueueSms(new Deliveries.Sms(siteId, "briefing", day.toString(), "SENT", "staff:" + m.staffId(),
                        person.name(), person.phoneMasked(), text), () -> staff.reveal(siteId, m.staffId(), "phone"));
            }
        }
    }

    /** The last {@code days} days, newest first, with whether each briefing was sent. */
    @Transactional(readOnly = true)
    List<HistoryLine> history(long siteId, int days) {
        LocalDate today = LocalDate.now(clock);
        Map<LocalDate, HistoryLine> stored = jdbc.sql("""
                SELECT day, sent_at, sent_by, remarks <> '' FROM briefings WHERE site_id = :site AND day > :since""")
                .param("site", siteId).param("since", today.minusDays(days))
                .query((rs, n) -> new HistoryLine(rs.getObject(1, LocalDate.class),
                        rs.getTimestamp(2) == null ? null : rs.getTimestamp(2).toInstant(), rs.getString(3),
                        rs.getBoolean(4)))
                .list().stream().collect(Collectors.toMap(HistoryLine::day, Function.identity()));
        List<HistoryLine> lines = new ArrayList<>();
        for (int i = 0; i < days; i++) {
            LocalDate d = today.minusDays(i);
            lines.add(stored.getOrDefault(d, new HistoryLine(d, null, null, false)));
        }
        return lines;
    }
}
