package org.hallsafe.agency;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hallsafe.agency.AgencyCases.State;
import org.hallsafe.agency.CaseStates.Action;
import org.hallsafe.organization.Directory;
import org.hallsafe.platform.ActivityLog;
import org.hallsafe.platform.InvalidInputException;
import org.hallsafe.platform.LiveUpdates;
import org.hallsafe.platform.NotFoundException;
import org.hallsafe.platform.PlainText;
import org.hallsafe.platform.SignedIn;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Receiving a case's materials (item 2): each checked against the list as received, missing or to be corrected; the
 * one-time notice (一次性告知) that lists everything still needed at once and pauses the case (补正); acceptance (受理)
 * when all are in, which starts the clock or, after a correction, lets it run again with the paused working days
 * added; and finishing (办结), on time or late (item 3).
 */
@Service
class MaterialChecks {

    /** What a check can find; {@code EXPECTED} is only where a material starts. */
    enum Finding { RECEIVED, MISSING, TO_CORRECT }

    /** A material of the case as its page shows it. */
    record Material(long id, int position, String name, String state, String note, Instant checkedAt, String checkedBy) {

        boolean wanted() {
            return "MISSING".equals(state) || "TO_CORRECT".equals(state);
        }
    }

    /** One material checked: what was found and, for one to be corrected, what is wrong. */
    record Mark(Long materialId, Finding finding, String note) {
    }

    /** A one-time notice and its pause; {@code endedAt} null while the case waits on the citizen. */
    record Notice(long id, Instant startedAt, Instant endedAt, String noticeText, String startedBy) {
    }

    /** The longest note on a material (agency_materials.note). */
    static final int NOTE = 200;
    /** The longest notice text (agency_pauses.notice_text). */
    static final int NOTICE = 2000;

    private record Row(String code, String state, Instant acceptedAt, LocalDate dueOn, int timeLimitDays,
            int pausedDays, byte[] phone, String phoneMasked) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final CaseClocks clocks;
    private final CaseTexts texts;
    private final CaseLog log;
    private final Directory directory;
    private final ActivityLog activity;
    private final LiveUpdates live;
    private final ApplicationEventPublisher events;

    MaterialChecks(JdbcClient jdbc, Clock clock, CaseClocks clocks, CaseTexts texts, CaseLog log, Directory directory,
            ActivityLog activity, LiveUpdates live, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.clocks = clocks;
        this.texts = texts;
        this.log = log;
        this.directory = directory;
        this.activity = activity;
        this.live = live;
        this.events = events;
    }

    @Transactional(readOnly = true)
    List<Material> of(long siteId, long caseId) {
        return jdbc.sql("""
                SELECT id, position, name, state, note, checked_at, checked_by FROM agency_materials
                WHERE site_id = :site AND case_id = :case ORDER BY position""")
                .param("site", siteId).param("case", caseId).query(Material.class).list();
    }

    @Transactional(readOnly = true)
    List<Notice> notices(long siteId, long caseId) {
        return jdbc.sql("""
                SELECT id, started_at, ended_at, notice_text, started_by FROM agency_pauses
                WHERE site_id = :site AND case_id = :case ORDER BY started_at DESC, id DESC""")
                .param("site", siteId).param("case", caseId).query(Notice.class).list();
    }

    @Transactional(readOnly = true)
    Notice notice(long siteId, long caseId, long noticeId) {
        return notices(siteId, caseId).stream().filter(n -> n.id() == noticeId).findFirst()
                .orElseThrow(() -> NotFoundException.of("notice", noticeId));
    }

    /**
     * Records the check of some materials, all or none: a material to be corrected needs a note saying what is wrong.
     * When the last one is received the case is accepted (see {@link #accept}).
     *
     * @return true when this check completed the materials and accepted the case
     */
    @Transactional
    boolean check(long siteId, long caseId, List<Mark> marks) {
        Row c = lock(siteId, caseId);
        if (CaseStates.closed(State.valueOf(c.state())) || State.valueOf(c.state()) == State.DONE) {
            throw new InvalidInputException("materials", "agency.materials.closed");
        }
        Map<Long, Material> materials = new LinkedHashMap<>();
        of(siteId, caseId).forEach(m -> materials.put(m.id(), m));
        Map<String, String> problems = new LinkedHashMap<>();
        if (marks == null || marks.isEmpty()) {
            problems.put("materials", "agency.materials.none");
        }
        for (int i = 0; marks != null && i < marks.size(); i++) {
            Mark m = marks.get(i);
            String at = "materials[" + i + "].";
            String note = m == null || m.note() == null ? "" : m.note().strip();
            if (m == null || m.materialId() == null || !materials.containsKey(m.materialId())) {
                problems.put(at + "materialId", "agency.materials.unknown");
            } else if (m.finding() == null) {
                problems.put(at + "finding", "validation.required");
            } else if (m.finding() == Finding.TO_CORRECT && note.isEmpty()) {
                problems.put(at + "note", "agency.materials.noteRequired");
            }
            String noteProblem = PlainText.Rules.problem(note, NOTE, false);
            if (noteProblem != null) {
                problems.put(at + "note", noteProblem);
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        String by = SignedIn.actor();
        Timestamp now = Timestamp.from(clock.instant());
        List<String> changed = new ArrayList<>();
        for (Mark m : marks) {
            String note = m.note() == null || m.finding() == Finding.RECEIVED ? "" : m.note().strip();
            Material was = materials.get(m.materialId());
            if (was.state().equals(m.finding().name()) && was.note().equals(note)) {
                continue;
            }
            jdbc.sql("""
                    UPDATE agency_materials SET state = :state, note = :note, checked_at = :now, checked_by = :by
                    WHERE site_id = :site AND case_id = :case AND id = :id""")
                    .param("state", m.finding().name()).param("note", note).param("now", now).param("by", by)
                    .param("site", siteId).param("case", caseId).param("id", m.materialId()).update();
            changed.add(was.position() + " " + m.finding().name());
        }
        if (!changed.isEmpty()) {
            log.append(siteId, caseId, by, "MATERIALS_CHECKED", String.join(", ", changed));
        }
        State state = State.valueOf(c.state());
        boolean complete = of(siteId, caseId).stream().allMatch(m -> "RECEIVED".equals(m.state()));
        if (complete && !materials.isEmpty() && (state == State.APPLIED || state == State.SUPPLEMENT)) {
            accept(siteId, caseId);
            return true;
        }
        live.publishToSite(siteId, "agency");
        return false;
    }

    /**
     * The one-time notice (一次性告知): everything missing or to be corrected, in one message, sent by SMS and kept
     * for printing; the case waits on the citizen (补正) and its clock stands still until the materials are complete.
     */
    @Transactional
    Notice sendNotice(long siteId, long caseId) {
        Row c = lock(siteId, caseId);
        State from = State.valueOf(c.state());
        if (from == State.SUPPLEMENT) {
            throw new InvalidInputException("notice", "agency.notice.already");
        }
        State to = CaseStates.next(from, Action.ASK_SUPPLEMENT)
                .orElseThrow(() -> new InvalidInputException("notice", "agency.notice.notNow"));
        List<Material> wanted = of(siteId, caseId).stream().filter(Material::wanted).toList();
        if (wanted.isEmpty()) {
            throw new InvalidInputException("notice", "agency.notice.nothing");
        }
        String text = noticeText(siteId, c.code(), wanted);
        Timestamp now = Timestamp.from(clock.instant());
        String by = SignedIn.actor();
        int moved = jdbc.sql("""
                UPDATE agency_cases SET state = :to, updated_at = :now WHERE site_id = :site AND id = :id AND state = :from""")
                .param("to", to.name()).param("now", now).param("site", siteId).param("id", caseId)
                .param("from", from.name()).update();
        if (moved == 0) {
            throw new InvalidInputException("notice", "agency.notice.notNow");
        }
        long pause = jdbc.sql("""
                INSERT INTO agency_pauses (site_id, case_id, started_at, notice_text, started_by)
                VALUES (:site, :case, :now, :text, :by) RETURNING id""")
                .param("site", siteId).param("case", caseId).param("now", now)
                .param("text", PlainText.Rules.truncate(text, NOTICE)).param("by", by).query(Long.class).single();
        texts.send(siteId, caseId, "agency.sms.supplement/" + pause, c.phone(), c.phoneMasked(),
                texts.word("agency.sms.supplement", CaseCodes.display(c.code()), list(wanted, "；")));
        log.append(siteId, caseId, by, "PAUSED", wanted.size() + " · " + wanted.stream()
                .map(m -> String.valueOf(m.position())).reduce((a, b) -> a + "," + b).orElse(""));
        activity.record("AGENCY_NOTICE", "agency-case", caseId, c.code() + " " + wanted.size());
        live.publishToSite(siteId, "agency");
        events.publishEvent(new AgencyCasePaused(siteId, caseId));
        return notice(siteId, caseId, pause);
    }

    /**
     * 受理: the materials are complete. The first time the clock starts today; after a pause for a correction it runs
     * again, the pause's working days added to the due date. The citizen is told the due date by SMS.
     */
    @Transactional
    void accept(long siteId, long caseId) {
        Row c = lock(siteId, caseId);
        State from = State.valueOf(c.state());
        CaseStates.next(from, Action.ACCEPT).orElseThrow(() -> new InvalidInputException("accept", "agency.accept.notNow"));
        if (of(siteId, caseId).stream().anyMatch(m -> !"RECEIVED".equals(m.state()))) {
            throw new InvalidInputException("accept", "agency.accept.incomplete");
        }
        Instant nowInstant = clock.instant();
        Timestamp now = Timestamp.from(nowInstant);
        LocalDate today = clocks.today();
        CommitmentClock commitment = clocks.of(siteId);
        List<Instant> ended = jdbc.sql("""
                UPDATE agency_pauses SET ended_at = :now WHERE site_id = :site AND case_id = :case AND ended_at IS NULL
                RETURNING started_at""")
                .param("now", now).param("site", siteId).param("case", caseId)
                .query((rs, n) -> rs.getTimestamp(1).toInstant()).list();
        LocalDate acceptedOn = c.acceptedAt() == null ? today : c.acceptedAt().atZone(clock.getZone()).toLocalDate();
        int paused = c.pausedDays();
        if (c.acceptedAt() != null) {
            for (Instant started : ended) {
                paused += commitment.pausedDays(new CommitmentClock.Pause(
                        started.atZone(clock.getZone()).toLocalDate(), today), today);
            }
        }
        LocalDate due = commitment.dueOn(acceptedOn, c.timeLimitDays(), paused);
        int moved = jdbc.sql("""
                UPDATE agency_cases SET state = 'ACCEPTED', accepted_at = coalesce(accepted_at, :now), paused_days = :paused,
                       due_on = :due, updated_at = :now
                WHERE site_id = :site AND id = :id AND state = :from""")
                .param("now", now).param("paused", paused).param("due", due).param("site", siteId).param("id", caseId)
                .param("from", from.name()).update();
        if (moved == 0) {
            throw new InvalidInputException("accept", "agency.accept.notNow");
        }
        String by = SignedIn.actor();
        boolean resumed = c.acceptedAt() != null;
        log.append(siteId, caseId, by, resumed ? "RESUMED" : "ACCEPTED", due + (resumed ? " +" + (paused - c.pausedDays()) : ""));
        activity.record(resumed ? "AGENCY_RESUMED" : "AGENCY_ACCEPTED", "agency-case", caseId, c.code() + " " + due);
        String purpose = resumed ? "agency.sms.accepted/" + nowInstant.toEpochMilli() : "agency.sms.accepted";
        texts.send(siteId, caseId, purpose, c.phone(), c.phoneMasked(),
                texts.word(resumed ? "agency.sms.resumed" : "agency.sms.accepted", CaseCodes.display(c.code()),
                        due.toString(), c.timeLimitDays()));
        live.publishToSite(siteId, "agency");
        events.publishEvent(new AgencyCaseAccepted(siteId, caseId));
    }

    /** 办结: the result is ready; on time when it is the due date or before (the hall's date), late after it. */
    @Transactional
    boolean finish(long siteId, long caseId) {
        Row c = lock(siteId, caseId);
        State from = State.valueOf(c.state());
        CaseStates.next(from, Action.FINISH).orElseThrow(() -> new InvalidInputException("finish", "agency.finish.notNow"));
        boolean onTime = CommitmentClock.onTime(clocks.today(), c.dueOn());
        Timestamp now = Timestamp.from(clock.instant());
        int moved = jdbc.sql("""
                UPDATE agency_cases SET state = 'DONE', done_at = :now, on_time = :onTime, updated_at = :now
                WHERE site_id = :site AND id = :id AND state = :from""")
                .param("now", now).param("onTime", onTime).param("site", siteId).param("id", caseId)
                .param("from", from.name()).update();
        if (moved == 0) {
            throw new InvalidInputException("finish", "agency.finish.notNow");
        }
        log.append(siteId, caseId, SignedIn.actor(), "DONE", onTime ? "ON_TIME" : "LATE");
        activity.record("AGENCY_DONE", "agency-case", caseId, c.code() + (onTime ? " on time" : " late"));
        live.publishToSite(siteId, "agency");
        events.publishEvent(new AgencyCaseDone(siteId, caseId, onTime));
        return onTime;
    }

    /** The notice as printed and sent: the case, every material still needed with what is wrong, the hall. */
    String noticeText(long siteId, String code, List<Material> wanted) {
        var hall = directory.site(siteId);
        return texts.word("agency.notice.text", CaseCodes.display(code), list(wanted, "\n"), hall.name(),
                hall.address() == null ? "" : hall.address());
    }

    private String list(List<Material> wanted, String separator) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < wanted.size(); i++) {
            Material m = wanted.get(i);
            lines.add((i + 1) + ". " + m.name() + ("MISSING".equals(m.state()) ? texts.word("agency.notice.missing")
                    : texts.word("agency.notice.toCorrect", m.note())));
        }
        return String.join(separator, lines);
    }

    /** The case within the hall, locked for this change; another hall's id is not found. */
    private Row lock(long siteId, long caseId) {
        return jdbc.sql("""
                SELECT code, state, accepted_at, due_on, time_limit_days, paused_days, phone, phone_masked
                FROM agency_cases WHERE site_id = :site AND id = :id FOR UPDATE""")
                .param("site", siteId).param("id", caseId).query(Row.class).optional()
                .orElseThrow(() -> NotFoundException.of("agency case", caseId));
    }

}
