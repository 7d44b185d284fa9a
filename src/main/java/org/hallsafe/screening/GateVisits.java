package org.hallsafe.screening;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import org.hallsafe.shared.DocumentType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who entered the hall through the gate and when they left, for contact tracing (issue 17): query-only, one hall at a
 * time, a person found by the keyed hash of their document or phone number ({@code PersonalData.lookupHash}) as the
 * gate stores it. Only admitted entries count: a person refused at the gate never was in the hall. Each query is
 * index-backed (V20261205_0101) so a 14-day trace stays fast at tens of millions of screenings.
 */
@Service
public class GateVisits {

    /**
     * One admitted entry at the gate.
     *
     * @param citizenId the citizen on file, or {@code null} for a staff member
     * @param staffId the staff member, or {@code null} for a citizen
     * @param phoneCipher the citizen's phone as sealed by {@code PersonalData} (never opened here), or {@code null}
     * @param leftAt the exit scan's time, {@code null} when nobody scanned the person out
     * @param screener the user name of who screened them
     */
    public record GateVisit(long screeningId, Long citizenId, Long staffId, String name, String docMasked,
            String phoneMasked, byte[] phoneCipher, Instant screenedAt, Instant leftAt, String screener) {
    }

    private static final String SELECT = """
            SELECT s.id AS screening_id, s.citizen_id, s.staff_id, coalesce(c.name, s.person_name) AS name,
                   coalesce(c.doc_masked, s.doc_masked) AS doc_masked, coalesce(c.phone_masked, s.phone_masked) AS phone_masked,
                   c.phone_cipher, s.screened_at, s.left_at, s.screener
            FROM screenings s LEFT JOIN citizens c ON c.site_id = s.site_id AND c.id = s.citizen_id
            """;

    private final JdbcClient jdbc;

    GateVisits(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A citizen's admitted entries from {@code from} until {@code to}, by document type and the keyed hash of the
     * normalised number.
     */
    @Transactional(readOnly = true)
    public List<GateVisit> ofCitizen(long siteId, DocumentType type, byte[] docHash, Instant from, Instant to) {
        return jdbc.sql(SELECT + """
                WHERE s.site_id = :site AND s.decision = 'ADMITTED' AND s.screened_at >= :from AND s.screened_at < :to
                  AND s.citizen_id IN (SELECT id FROM citizens WHERE site_id = :site AND doc_type = :type AND doc_hash = :hash)
                ORDER BY s.screened_at, s.id""")
                .param("site", siteId).param("type", type.name()).param("hash", docHash)
                .param("from", Timestamp.from(from)).param("to", Timestamp.from(to)).query(GateVisits::visit).list();
    }

    /**
     * The admitted entries from {@code from} until {@code to} of the citizens on file with this phone (its keyed
     * hash).
     */
    @Transactional(readOnly = true)
    public List<GateVisit> ofCitizenPhone(long siteId, byte[] phoneHash, Instant from, Instant to) {
        return jdbc.sql(SELECT + """
                WHERE s.site_id = :site AND s.decision = 'ADMITTED' AND s.screened_at >= :from AND s.screened_at < :to
                  AND s.citizen_id IN (SELECT id FROM citizens WHERE site_id = :site AND phone_hash = :hash)
                ORDER BY s.screened_at, s.id""")
                .param("site", siteId).param("hash", phoneHash)
                .param("from", Timestamp.from(from)).param("to", Timestamp.from(to)).query(GateVisits::visit).list();
    }

    /** A staff member's admitted entries at the gate from {@code from} until {@code to}. */
    @Transactional(readOnly = true)
    public List<GateVisit> ofStaff(long siteId, long staffId, Instant from, Instant to) {
        return jdbc.sql(SELECT + """
                WHERE s.site_id = :site AND s.staff_id = :staff AND s.decision = 'ADMITTED'
                  AND s.screened_at >= :from AND s.screened_at < :to
                ORDER BY s.screened_at, s.id""")
                .param("site", siteId).param("staff", staffId)
                .param("from", Timestamp.from(from)).param("to", Timestamp.from(to)).query(GateVisits::visit).list();
    }

    /**
     * The citizens who may have been in the hall at some time from {@code from} until {@code to}: admitted before
     * {@code to} and at most {@code longestStay} before {@code from}, and not scanned out before {@code from}; oldest
     * first.
     */
    @Transactional(readOnly = true)
    public List<GateVisit> citizensPresent(long siteId, Instant from, Instant to, Duration longestStay) {
        // the gate's own copy of name and masked numbers: no look-up per person in citizens (a busy hall has thousands
        // in 12 hours); the sealed phone is fetched for the real contacts only (phoneCiphers)
        return jdbc.sql("""
                SELECT s.id AS screening_id, s.citizen_id, s.staff_id, s.person_name AS name, s.doc_masked, s.phone_masked,
                       NULL::bytea AS phone_cipher, s.screened_at, s.left_at, s.screener
                FROM screenings s
                WHERE s.site_id = :site AND s.decision = 'ADMITTED' AND s.person_type = 'CITIZEN'
                  AND s.screened_at >= :earliest AND s.screened_at < :to AND (s.left_at IS NULL OR s.left_at > :from)
                ORDER BY s.screened_at, s.id""")
                .param("site", siteId).param("earliest", Timestamp.from(from.minus(longestStay)))
                .param("from", Timestamp.from(from)).param("to", Timestamp.from(to)).query(GateVisits::visit).list();
    }

    /** The sealed phones (never opened here) of these citizens of the hall, by citizen id; absent when none. */
    @Transactional(readOnly = true)
    public Map<Long, byte[]> phoneCiphers(long siteId, Collection<Long> citizenIds) {
        Map<Long, byte[]> out = new HashMap<>();
        if (!citizenIds.isEmpty()) { // one array, one statement text whatever the number of citizens
            jdbc.sql("SELECT id, phone_cipher FROM citizens WHERE site_id = :site AND id = ANY (:ids) AND phone_cipher IS NOT NULL")
                    .param("site", siteId).param("ids", new HashSet<>(citizenIds).toArray(Long[]::new))
                    .query((rs, n) -> out.put(rs.getLong(1), rs.getBytes(2))).list();
        }
        return out;
    }

    /** A row of the queries above: mapped by hand, a trace reads thousands (a bean mapper costs a reflection each). */
    private static GateVisit visit(ResultSet rs, int row) throws SQLException {
        return new GateVisit(rs.getLong("screening_id"), (Long) rs.getObject("citizen_id"), (Long) rs.getObject("staff_id"),
                rs.getString("name"), rs.getString("doc_masked"), rs.getString("phone_masked"),
                rs.getBytes("phone_cipher"), instant(rs.getTimestamp("screened_at")), instant(rs.getTimestamp("left_at")),
                rs.getString("screener"));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
