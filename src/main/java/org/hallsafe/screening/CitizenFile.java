package org.hallsafe.screening;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.hallsafe.platform.NotFoundException;
import org.hallsafe.platform.PersonalData;
import org.hallsafe.platform.SealedValue;
import org.hallsafe.screening.GateDesk.KnownCitizen;
import org.hallsafe.shared.DocumentType;
import org.hallsafe.shared.PhoneNumber;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The citizens the gate has seen (table {@code citizens}): found by their document's look-up hash, written on each
 * visit, their sealed numbers opened for a role that may see them.
 */
@Component
class CitizenFile {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final PersonalData personalData;

    CitizenFile(JdbcClient jdbc, Clock clock, PersonalData personalData) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.personalData = personalData;
    }

    /** The gate's look-up of a returning citizen by the full document number: each one is audited. */
    @Transactional
    Optional<KnownCitizen> findAudited(long siteId, DocumentType type, String docNo) {
        if (type == null || DocumentType.problem(type, docNo) != null) {
            return Optional.empty();
        }
        Optional<KnownCitizen> found = find(siteId, type, docNo);
        personalData.recordLookUp("citizen", type.name(),
                type.mask(type.normalise(docNo)), found.isPresent() ? 1 : 0);
        return found;
    }

    /** Whether the gate has seen this document before (the form then needs less); not a look-up a person sees. */
    @Transactional(readOnly = true)
    boolean known(long siteId, DocumentType type, String docNo) {
        return type != null && DocumentType.problem(type, docNo) == null && find(siteId, type, docNo).isPresent();
    }

    private Optional<KnownCitizen> find(long siteId, DocumentType type, String docNo) {
        String normalised = type.normalise(docNo);
        return jdbc.sql("""
                SELECT id, name, doc_masked, phone_masked FROM citizens
                WHERE site_id = :site AND doc_type = :type AND doc_hash = :hash""")
                .param("site", siteId).param("type", type.name()).param("hash", personalData.lookupHash(normalised))
                .query(KnownCitizen.class).optional();
    }

    /** A citizen's visit at the gate, their numbers sealed, to be written with the reading ({@link GateWrites}). */
    record Visit(String name, DocumentType type, SealedValue doc, SealedValue phone, Instant at) {

        /** The parameters of {@link #UPSERT}. */
        JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec) {
            return spec.param("cname", name).param("ctype", type.name()).param("dc", doc.cipherText())
                    .param("dh", doc.lookupHash()).param("dm", doc.masked()).param("pc", phone.cipherText())
                    .param("ph", phone.lookupHash()).param("pm", phone.masked())
                    .param("cnow", Timestamp.from(at)); // the last visit, which the retention period counts from
        }
    }

    /** Writes a visit of a citizen: new, or the one on file with this document, their name and phone updated. */
    static final String UPSERT = """
            INSERT INTO citizens (site_id, name, doc_type, doc_cipher, doc_hash, doc_masked, phone_cipher, phone_hash,
                phone_masked, created_at, updated_at)
            VALUES (:site, :cname, :ctype, :dc, :dh, :dm, :pc, :ph, :pm, :cnow, :cnow)
            ON CONFLICT (site_id, doc_type, doc_hash) DO UPDATE SET name = excluded.name,
                phone_cipher = coalesce(excluded.phone_cipher, citizens.phone_cipher),
                phone_hash = coalesce(excluded.phone_hash, citizens.phone_hash),
                phone_masked = coalesce(excluded.phone_masked, citizens.phone_masked), updated_at = excluded.updated_at
            RETURNING id, phone_masked""";

    /** This visit of a citizen, sealed: the document always, the phone when one was given. */
    Visit visit(String name, DocumentType type, String docNo, String phoneNumber) {
        SealedValue doc = personalData.seal(docNo, type.mask(docNo));
        SealedValue phone = phoneNumber == null || phoneNumber.isBlank() ? new SealedValue(null, null, null)
                : personalData.seal(new PhoneNumber(phoneNumber).value(), new PhoneNumber(phoneNumber).masked());
        return new Visit(name, type, doc, phone, clock.instant());
    }

    /** The look-up hash of a citizen's document, for the event of a re-measure. */
    byte[] docHash(long citizenId) {
        return jdbc.sql("SELECT doc_hash FROM citizens WHERE id = :id").param("id", citizenId).query(byte[].class).single();
    }

    /** A citizen's full phone or document number; the read is written to the audit log. */
    String reveal(long citizenId, String field) {
        String column = switch (field) {
            case "phone" -> "phone_cipher";
            case "doc" -> "doc_cipher";
            default -> throw NotFoundException.of("field", field);
        };
        byte[] cipher = jdbc.sql("SELECT " + column + " FROM citizens WHERE id = :id").param("id", citizenId)
                .query(byte[].class).optional().orElse(null);
        return personalData.reveal(cipher, "citizen", citizenId, field);
    }
}
