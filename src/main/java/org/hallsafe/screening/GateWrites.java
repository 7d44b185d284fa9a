package org.hallsafe.screening;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.hallsafe.platform.SignedIn;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The write of one check-in (issue 18, item 1): a citizen's visit and the reading in one statement (the citizen
 * upserted in a CTE, the reading inserted with the citizen's id), staff and re-measures in one insert. Sent again with
 * the same submission id, nothing is written and the answer is empty.
 */
@Component
class GateWrites {

    private final JdbcClient jdbc;

    GateWrites(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What a check-in writes, its decision taken and its health data sealed. */
    record Reading(long siteId, UUID submissionId, Gate.PersonType type, Long staffId, Long citizenId, String name,
            String docMasked, String phoneMasked, Gate.Mask mask, byte[] health, Gate.Outcome outcome, Long recheckOf,
            Instant screenedAt, Instant recordedAt, boolean backfilled, String backfillReason) {
    }

    /** The stored reading: its id, and the citizen it belongs to with the phone on file (masked). */
    record Stored(long id, Long citizenId, String phoneMasked) {
    }

    private static final String INSERT = """
            INSERT INTO screenings (site_id, submission_id, person_type, staff_id, citizen_id, person_name, doc_masked,
                phone_masked, mask, health_cipher, decision, reasons, recheck_of, screened_at, recorded_at, backfilled,
                backfill_reason, screener)
            """;
    private static final String CONFLICT = "\nON CONFLICT (site_id, submission_id) DO NOTHING RETURNING id, citizen_id, phone_masked";

    /** A staff member's reading, or a re-measure of anyone: the person is known already. */
    Optional<Stored> insert(Reading r) {
        return bind(jdbc.sql(INSERT + """
                VALUES (:site, :submission, :type, :staff, :citizen, :name, :doc, :phone, :mask, :health, :decision,
                    string_to_array(:reasons, ','), :recheckOf, :screenedAt, :now, :backfilled, :reason, :screener)"""
                + CONFLICT), r).query(Stored.class).optional();
    }

    /** A citizen's first reading of this visit: the citizen written (new, or updated) and the reading, together. */
    Optional<Stored> insertWithCitizen(Reading r, CitizenFile.Visit visit) {
        return bind(visit.bind(jdbc.sql("WITH c AS (" + CitizenFile.UPSERT + ")\n" + INSERT + """
                SELECT :site, :submission, :type, :staff, c.id, :name, :doc, c.phone_masked, :mask, :health, :decision,
                    string_to_array(:reasons, ','), :recheckOf, :screenedAt, :now, :backfilled, :reason, :screener
                FROM c""" + CONFLICT)), r).query(Stored.class).optional();
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, Reading r) {
        return spec.param("site", r.siteId()).param("submission", r.submissionId()).param("type", r.type().name())
                .param("staff", r.staffId()).param("citizen", r.citizenId()).param("name", r.name())
                .param("doc", r.docMasked()).param("phone", r.phoneMasked()).param("mask", r.mask().name())
                .param("health", r.health()).param("decision", r.outcome().decision().name())
                .param("reasons", String.join(",", r.outcome().reasons())).param("recheckOf", r.recheckOf())
                .param("screenedAt", Timestamp.from(r.screenedAt())).param("now", Timestamp.from(r.recordedAt()))
                .param("backfilled", r.backfilled()).param("reason", r.backfillReason())
                .param("screener", SignedIn.actor());
    }
}
