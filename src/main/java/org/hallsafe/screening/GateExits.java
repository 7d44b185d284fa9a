package org.hallsafe.screening;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.hallsafe.platform.ActivityLog;
import org.hallsafe.platform.InvalidInputException;
import org.hallsafe.platform.LiveUpdates;
import org.hallsafe.platform.NotFoundException;
import org.hallsafe.platform.SignedIn;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The exit scan at the gate (issue 17 item 2): who was admitted today and has not left, and the stamp of a leaving
 * time, by the server, once. A second scan of the same person changes nothing and says when they left, so a
 * screener may scan again without fear; tracing then reads exact leaving times instead of estimates.
 */
@Service
class GateExits {

    /** At most this many people in the list (a hall holds a few hundred at once). */
    static final int LIST = 300;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ActivityLog activity;
    private final LiveUpdates live;
    private final ObjectProvider<VisitCodes> codes;

    GateExits(JdbcClient jdbc, Clock clock, ActivityLog activity, LiveUpdates live, ObjectProvider<VisitCodes> codes) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.activity = activity;
        this.live = live;
        this.codes = codes;
    }

    /** A visitor in the hall: admitted today, no leaving time yet. */
    record InHall(long screeningId, String name, String docMasked, Instant enteredAt) {
    }

    /** The outcome of an exit scan: who, when they left, and whether an earlier scan had already said so. */
    record Exit(long screeningId, String name, Instant leftAt, boolean alreadyLeft) implements java.io.Serializable {
    }

    @Transactional(readOnly = true)
    List<InHall> inHall(long siteId) {
        LocalDate day = LocalDate.now(clock);
        return jdbc.sql("""
                SELECT id, person_name, doc_masked, screened_at FROM screenings
                WHERE site_id = :site AND screened_at >= :from AND screened_at < :to
                  AND decision = 'ADMITTED' AND person_type = 'CITIZEN' AND left_at IS NULL
                ORDER BY screened_at DESC, id DESC LIMIT :limit""")
                .param("site", siteId).param("from", start(day)).param("to", start(day.plusDays(1)))
                .param("limit", LIST)
                .query((rs, n) -> new InHall(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant()))
                .list();
    }

    /** The visitor whose booking code was scanned leaves; the code must have admitted someone today. */
    @Transactional
    Exit leaveByCode(SignedIn who, String code) {
        String typed = code == null ? "" : code.strip();
        if (typed.isEmpty()) {
            throw new InvalidInputException("bookingCode", "validation.required");
        }
        LocalDate day = LocalDate.now(clock);
        long id = codes.orderedStream().map(c -> c.screeningOf(who.siteId(), typed, day)).flatMap(Optional::stream)
                .findFirst().orElseThrow(() -> new InvalidInputException("bookingCode", "gate.exit.codeUnknown"));
        return leave(who, id);
    }

    /** The visitor of this screening leaves: stamped once with the server's time; later scans change nothing. */
    @Transactional
    Exit leave(SignedIn who, long screeningId) {
        Instant now = clock.instant();
        Optional<Exit> stamped = jdbc.sql("""
                UPDATE screenings SET left_at = greatest(:now, screened_at), left_by = :by
                WHERE site_id = :site AND id = :id AND decision = 'ADMITTED' AND left_at IS NULL
                RETURNING id, person_name, left_at""")
                .param("now", Timestamp.from(now)).param("by", who.username()).param("site", who.siteId())
                .param("id", screeningId)
                .query((rs, n) -> new Exit(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant(), false))
                .optional();
        if (stamped.isPresent()) {
            activity.record("LEFT", "screening", screeningId, "exit scan");
            live.publishToSite(who.siteId(), "screening");
            return stamped.get();
        }
        record Row(String name, String decision, Timestamp leftAt) {
        }
        Row row = jdbc.sql("SELECT person_name, decision, left_at FROM screenings WHERE site_id = :site AND id = :id")
                .param("site", who.siteId()).param("id", screeningId)
                .query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getTimestamp(3))).optional()
                .orElseThrow(() -> NotFoundException.of("screening", screeningId));
        if (row.leftAt() == null) {
            throw new InvalidInputException("screeningId", "gate.exit.notAdmitted");
        }
        return new Exit(screeningId, row.name(), row.leftAt().toInstant(), true);
    }

    private Timestamp start(LocalDate day) {
        return Timestamp.from(day.atStartOfDay(clock.getZone()).toInstant());
    }
}
