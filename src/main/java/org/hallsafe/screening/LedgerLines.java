package org.hallsafe.screening;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.sql.DataSource;

import org.hallsafe.platform.PersonalData;
import org.hallsafe.screening.Gate.Decision;
import org.hallsafe.screening.Gate.PersonType;
import org.hallsafe.screening.Ledger.Filter;
import org.hallsafe.screening.Ledger.Line;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The ledger's rows as read: filtered, newest first, paged by key, streamed from a database cursor; their health
 * data opened a batch at a time with one audit entry per batch.
 */
@Component
class LedgerLines {

    private final NamedParameterJdbcTemplate streaming;
    private final PersonalData personalData;
    private final Clock clock;

    LedgerLines(DataSource dataSource, PersonalData personalData, Clock clock) {
        JdbcTemplate template = new JdbcTemplate(dataSource);
        template.setFetchSize(1000);
        this.streaming = new NamedParameterJdbcTemplate(template);
        this.personalData = personalData;
        this.clock = clock;
    }

    /** The template that streams rows, for the ledger's other reads. */
    NamedParameterJdbcTemplate streaming() {
        return streaming;
    }

    static final String SELECT = """
            SELECT s.id, s.screened_at, s.recorded_at, s.person_type, s.person_name, s.doc_masked, s.phone_masked,
                   s.mask, s.health_cipher, s.decision, s.reasons, s.handling, s.screener, s.backfilled,
                   s.backfill_reason, s.recheck_of, s.incident_id
            FROM screenings s""";

    void query(long siteId, Filter f, int limit, Consumer<Sealed> each) {
        StringBuilder sql = new StringBuilder(SELECT).append(" WHERE s.site_id = :site");
        Map<String, Object> params = new HashMap<>();
        params.put("site", siteId);
        ZoneId zone = clock.getZone();
        if (f.from() != null) {
            sql.append(" AND s.screened_at >= :from");
            params.put("from", Timestamp.from(f.from().atStartOfDay(zone).toInstant()));
        }
        if (f.to() != null) {
            sql.append(" AND s.screened_at < :to");
            params.put("to", Timestamp.from(f.to().plusDays(1).atStartOfDay(zone).toInstant()));
        }
        if (f.personType() != null) {
            sql.append(" AND s.person_type = :type");
            params.put("type", f.personType().name());
        }
        if (f.decision() != null) {
            sql.append(" AND s.decision = :decision");
            params.put("decision", f.decision().name());
        }
        if (f.screener() != null && !f.screener().isBlank()) {
            sql.append(" AND s.screener = :screener");
            params.put("screener", f.screener().strip());
        }
        LedgerSearch search = LedgerSearch.of(f.person());
        if (search != null && search.byDocument()) {
            // the document's keyed hash, for every kind of document the number could be: the number itself is sealed
            List<byte[]> hashes = search.normalised().stream().map(personalData::lookupHash).toList();
            sql.append(hashes.isEmpty() ? " AND false" : " AND s.citizen_id IN (SELECT c.id FROM citizens c"
                    + " WHERE c.site_id = :site AND c.doc_hash IN (:hashes))");
            params.put("hashes", hashes);
        } else if (search != null) {
            sql.append(" AND strpos(s.person_name, :name) > 0");
            params.put("name", search.text());
        }
        if (f.before() != null && f.before().matches("\\d+_\\d+")) {
            String[] cursor = f.before().split("_");
            long micros = Long.parseLong(cursor[0]);
            sql.append(" AND (s.screened_at, s.id) < (:beforeAt, :beforeId)");
            params.put("beforeAt", Timestamp.from(Instant.ofEpochSecond(micros / 1_000_000, micros % 1_000_000 * 1000)));
            params.put("beforeId", Long.parseLong(cursor[1]));
        }
        sql.append(" ORDER BY s.screened_at DESC, s.id DESC");
        if (limit != Integer.MAX_VALUE) {
            sql.append(" LIMIT ").append(limit);
        }
        streaming.query(sql.toString(), params, rs -> {
            each.accept(map(rs));
        });
    }

    /** A ledger line as read, its health data still sealed. */
    record Sealed(Line line, byte[] health) {
    }

    /** Reads a row with its health data still sealed; {@link #open} opens a batch with one audit entry. */
    Sealed map(ResultSet rs) throws SQLException {
        // by position, in the order of SELECT: looking columns up by name was a noticeable part of an export
        long recheckOf = rs.getLong(16);
        boolean noRecheck = rs.wasNull();
        long incident = rs.getLong(17);
        boolean noIncident = rs.wasNull();
        String handling = rs.getString(12);
        Line line = new Line(rs.getLong(1), rs.getTimestamp(2).toInstant(),
                rs.getTimestamp(3).toInstant(), PersonType.valueOf(rs.getString(4)),
                rs.getString(5), rs.getString(6), rs.getString(7),
                null, Gate.Mask.valueOf(rs.getString(8)), List.of(),
                Decision.valueOf(rs.getString(10)), Arrays.asList((String[]) rs.getArray(11).getArray()),
                handling == null ? null : Gate.Handling.valueOf(handling), rs.getString(13),
                rs.getBoolean(14), rs.getString(15), noRecheck ? null : recheckOf,
                noIncident ? null : incident);
        return new Sealed(line, rs.getBytes(9));
    }

    List<Line> open(List<Sealed> lines, String what) {
        if (lines.isEmpty()) {
            return List.of();
        }
        List<String> plain = personalData.revealAll(lines.stream().map(Sealed::health).toList(), "screening", what);
        List<Line> opened = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            Line l = lines.get(i).line();
            Health h = Health.open(plain.get(i));
            opened.add(new Line(l.id(), l.screenedAt(), l.recordedAt(), l.personType(), l.name(), l.docMasked(),
                    l.phoneMasked(), h.temperature(), l.mask(), h.symptoms().stream().map(Enum::name).toList(),
                    l.decision(), l.reasons(), l.handling(), l.screener(), l.backfilled(), l.backfillReason(),
                    l.recheckOf(), l.incidentId()));
        }
        return opened;
    }

}
