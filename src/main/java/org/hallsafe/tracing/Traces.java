package org.hallsafe.tracing;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import org.hallsafe.platform.ActivityLog;
import org.hallsafe.platform.NotFoundException;
import org.hallsafe.platform.SignedIn;
import org.hallsafe.shared.DocumentType;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Contact tracing (issue 17): from one person and a period, their visits and their contacts, ranked, stored as a
 * snapshot. For the leadership group and its office (the callers check {@code TRACE_RUN}); every trace and every
 * read of a contact list is written to the activity log with its reason. Everything is looked up within the
 * signed-in hall.
 */
@Service
public class Traces {

    /** How the person to trace is named. */
    public enum By { DOCUMENT, PHONE, STAFF }

    public enum PersonKind { CITIZEN, STAFF }

    /** What says when a visit ended: the exit scan, or an estimate from the slot, the 办结 or the hall's default stay. */
    public enum LeftBasis {
        SCANNED, SLOT, DONE, DEFAULT_STAY;

        public boolean estimated() {
            return this != SCANNED;
        }
    }

    /** Why someone is a contact. */
    public enum ContactKind { VISITOR, SERVED_BY, NEIGHBOUR_WINDOW, SCREENER, CANTEEN }

    /** What the office asks: one person (by document, phone or staff member), the days, and why. */
    public record TraceRequest(
            @Schema(description = "How the person is named: DOCUMENT (docType + docNo), PHONE or STAFF (staffId)",
                    example = "DOCUMENT") By by,
            @Schema(description = "The document's type, for DOCUMENT", example = "ID_CARD") DocumentType docType,
            @Schema(description = "The full document number, for DOCUMENT; matched by its keyed hash, never stored",
                    example = "11010519491231002X", maxLength = 30) String docNo,
            @Schema(description = "The full mobile number, for PHONE; matched by its keyed hash, never stored",
                    example = "13800138000", maxLength = 20) String phone,
            @Schema(description = "The staff member of the hall, for STAFF", example = "12") Long staffId,
            @Schema(description = "First day (Asia/Shanghai); default 13 days before `to`", example = "2026-11-19")
                    LocalDate from,
            @Schema(description = "Last day (Asia/Shanghai), not after today; default today", example = "2026-12-02")
                    LocalDate to,
            @Schema(description = "Why the trace is run (required, at most 500 characters); written to the activity log",
                    example = "区疾控中心通报该市民核酸阳性", maxLength = 500) String reason) {
    }

    /** One visit of the traced person: entry at the gate, leaving (scanned or estimated), booking and window. */
    public record Visit(
            @Schema(description = "Entry at the gate") Instant enteredAt,
            @Schema(description = "When they left: the exit scan, or an estimate (see leftBasis)") Instant leftAt,
            @Schema(description = "SCANNED (exact), SLOT (slot end), DONE (the window's 办结), DEFAULT_STAY (the hall's default)")
                    LeftBasis leftBasis,
            @Schema(description = "The booking they came with, if any", example = "K7P2Q9") String bookingCode,
            @Schema(description = "The window that served them", example = "5") Integer windowNumber,
            @Schema(description = "The window's name", example = "社保") String windowName,
            @Schema(description = "The staff posted at that window", example = "李娜") String servedBy,
            @Schema(description = "When the window called them") Instant calledAt,
            @Schema(description = "When the window marked them served (办结)") Instant doneAt,
            @Schema(description = "Who screened them at the gate (user name)", example = "gate1") String screener) {

        public boolean estimated() {
            return leftBasis.estimated();
        }
    }

    /** One contact, ranked. Why is a message key with its arguments, so each language says it in its own words. */
    public record Contact(
            @Schema(description = "The contact's id within the trace") long id,
            @Schema(description = "1 is the closest contact", example = "1") int rank,
            @Schema(description = "VISITOR, SERVED_BY, NEIGHBOUR_WINDOW, SCREENER or CANTEEN") ContactKind kind,
            @Schema(description = "CITIZEN or STAFF") PersonKind personKind,
            @Schema(description = "Name", example = "王芳") String name,
            @Schema(description = "Phone, masked", example = "138****8000") String phoneMasked,
            @Schema(description = "Message key of why", example = "tracing.why.visitor") String whyKey,
            @Schema(description = "The message's arguments", example = "[\"2026-12-01 09:12\"]") List<String> whyArgs,
            @Schema(description = "From when they were together") Instant from,
            @Schema(description = "Until when") Instant to,
            @Schema(description = "Minutes together (summed over visits)", example = "35") int minutes,
            @Schema(description = "Whether a leaving time or length behind it is estimated") boolean estimated,
            @Schema(description = "When the SMS notice went out, if it did") Instant notifiedAt) {
    }

    /** A stored trace: the person, the days, why, by whom, and what was found. */
    public record Trace(
            @Schema(description = "The trace's id") long id,
            @Schema(description = "The traced person, masked", example = "张三 110105********002X") String subjectLabel,
            @Schema(description = "First day") LocalDate from,
            @Schema(description = "Last day") LocalDate to,
            @Schema(description = "Why it was run") String reason,
            @Schema(description = "Who ran it (user name)") String tracedBy,
            @Schema(description = "When it was run (server time)") Instant tracedAt,
            @Schema(description = "The incident reported to the leadership group, once it is") Long incidentId,
            @Schema(description = "The person's visits, oldest first") List<Visit> visits,
            @Schema(description = "The contacts, closest first") List<Contact> contacts,
            @Schema(description = "CITIZEN or STAFF") PersonKind subjectKind) {
    }

    /** A trace in the list of recent ones. */
    public record TraceSummary(@Schema(description = "The trace's id in the hall", example = "7") long id,
            @Schema(description = "CITIZEN or STAFF") PersonKind subjectKind,
            @Schema(description = "The traced person, masked", example = "张三 4301**********1234") String subjectLabel,
            @Schema(description = "The period's first day", example = "2026-11-18") LocalDate from,
            @Schema(description = "The period's last day", example = "2026-12-01") LocalDate to,
            @Schema(description = "Why the trace was made", example = "市疾控通报确诊病例") String reason,
            @Schema(description = "Who made the trace (login name)", example = "office") String tracedBy,
            @Schema(description = "When the trace was made (server time)") Instant tracedAt,
            @Schema(description = "How many visits were found", example = "2") int visits,
            @Schema(description = "How many contacts were found", example = "35") int contacts) {
    }

    private final TraceRun run;
    private final TraceStore store;
    private final ActivityLog activity;
    private final Clock clock;

    Traces(TraceRun run, TraceStore store, ActivityLog activity, Clock clock) {
        this.run = run;
        this.store = store;
        this.activity = activity;
        this.clock = clock;
    }

    /**
     * Runs a trace: checks the request (every problem at once, by field), finds the visits and contacts, stores them
     * and writes the trace with its reason to the activity log.
     */
    @Transactional
    public Trace start(SignedIn who, TraceRequest request) {
        TraceRun.Checked checked = TraceChecks.check(request, LocalDate.now(clock));
        long id = run.run(who, checked);
        Trace trace = store.find(who.siteId(), id).orElseThrow();
        activity.record(who.siteId(), who.username(), "TRACED", "trace", id, summary(trace));
        return trace;
    }

    /** A trace of the hall; the read of its contact list is written to the activity log with the trace's reason. */
    @Transactional
    public Trace get(SignedIn who, long traceId) {
        Trace trace = store.find(who.siteId(), traceId).orElseThrow(() -> NotFoundException.of("trace", traceId));
        activity.record(who.siteId(), who.username(), "OPENED", "trace", traceId, summary(trace));
        return trace;
    }

    /** The hall's recent traces, newest first (at most 50). */
    @Transactional(readOnly = true)
    public List<TraceSummary> recent(SignedIn who) {
        return store.recent(who.siteId(), 50);
    }

    private static String summary(Trace t) {
        return t.subjectLabel() + " " + t.from() + ".." + t.to() + "; " + t.visits().size() + " visits, "
                + t.contacts().size() + " contacts; reason: " + t.reason();
    }
}
