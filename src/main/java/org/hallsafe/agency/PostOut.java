package org.hallsafe.agency;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hallsafe.agency.AgencyCases.State;
import org.hallsafe.agency.TrackingNumbers.Carrier;
import org.hallsafe.appointments.Catalogue;
import org.hallsafe.platform.ActivityLog;
import org.hallsafe.platform.InvalidInputException;
import org.hallsafe.platform.NotFoundException;
import org.hallsafe.platform.PersonalData;
import org.hallsafe.platform.PlainText;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sending the result by post (issue #14 item 5): a case whose result is done and whose file the mail room has
 * confirmed receiving is packed, posted with a checked tracking number and goes to 已寄出; the citizen gets an SMS with
 * the carrier and the number. The sealed return address is opened only to pack the envelope, and that read is audited.
 */
@Service
class PostOut {

    /** A result ready to post: done, its file confirmed back at the mail room. */
    record Ready(long caseId, String code, String itemName, String applicantMasked, String addressMasked,
            String company) {
    }

    /** One outgoing envelope, as the mailing list shows it. */
    record Sent(long id, long caseId, String code, String itemName, String applicantMasked, String addressMasked,
            Carrier carrier, String carrierOther, String trackingNo, boolean flagged, Integer sheets, String packedBy,
            Instant loggedAt) {
    }

    /** The packing form. */
    record SendForm(@PlainText(max = 20) String code, Carrier carrier, @PlainText(max = 40) String carrierOther,
            @PlainText(max = 60) String trackingNo, Integer sheets, @PlainText(max = 200) String note) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final PersonalData personalData;
    private final CaseTexts texts;
    private final CaseLog caseLog;
    private final ActivityLog activity;
    private final ApplicationEventPublisher events;
    private final CarrierTracking tracking;
    private final Catalogue catalogue;
    private final org.hallsafe.platform.Accounts accounts;

    PostOut(JdbcClient jdbc, Clock clock, PersonalData personalData, CaseTexts texts, CaseLog caseLog,
            ActivityLog activity, ApplicationEventPublisher events,
            org.springframework.beans.factory.ObjectProvider<CarrierTracking> tracking, Catalogue catalogue,
            org.hallsafe.platform.Accounts accounts) {
        this.catalogue = catalogue;
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.clock = clock;
        this.personalData = personalData;
        this.texts = texts;
        this.caseLog = caseLog;
        this.activity = activity;
        this.events = events;
        this.tracking = tracking.getIfAvailable(() -> CarrierTracking.NONE);
    }

    /** Results waiting to be posted, oldest first. */
    @Transactional(readOnly = true)
    List<Ready> ready(long siteId) {
        Map<Long, String> items = itemNames(siteId);
        return jdbc.sql("""
                SELECT c.id, c.code, c.item_id, c.applicant_masked, c.address_masked, c.company FROM agency_cases c
                WHERE c.site_id = :site AND c.state = 'DONE' AND EXISTS (SELECT 1 FROM agency_handovers h
                    WHERE h.site_id = c.site_id AND h.case_id = c.id AND h.to_station = 'MAIL_OUT' AND h.confirmed_by IS NOT NULL)
                ORDER BY c.done_at, c.id""").param("site", siteId)
                .query((rs, n) -> new Ready(rs.getLong(1), rs.getString(2), items.get(rs.getLong(3)), rs.getString(4),
                        rs.getString(5), rs.getString(6))).list();
    }

    /** The envelopes posted on one day (the hall's day), for the courier's pick-up list. */
    @Transactional(readOnly = true)
    List<Sent> sentOn(long siteId, LocalDate day) {
        ZoneId zone = clock.getZone();
        Map<Long, String> items = itemNames(siteId);
        Map<String, String> names = people(siteId);
        return jdbc.sql("""
                SELECT m.id, c.id, c.code, c.item_id, c.applicant_masked, c.address_masked, m.carrier, m.carrier_other,
                       m.tracking_no, m.tracking_flagged, m.sheets, m.packed_by, m.logged_at
                FROM agency_mail m JOIN agency_cases c ON c.site_id = m.site_id AND c.id = m.case_id
                WHERE m.site_id = :site AND m.direction = 'OUT' AND m.logged_at >= :from AND m.logged_at < :to
                ORDER BY m.logged_at, m.id""")
                .param("site", siteId).param("from", Timestamp.from(day.atStartOfDay(zone).toInstant()))
                .param("to", Timestamp.from(day.plusDays(1).atStartOfDay(zone).toInstant()))
                .query((rs, n) -> new Sent(rs.getLong(1), rs.getLong(2), rs.getString(3), items.get(rs.getLong(4)),
                        rs.getString(5), rs.getString(6), Carrier.valueOf(rs.getString(7)), rs.getString(8),
                        rs.getString(9), rs.getBoolean(10), (Integer) rs.getObject(11), names.getOrDefault(rs.getString(12), rs.getString(12)),
                        rs.getTimestamp(13).toInstant())).list();
    }

    /** The outgoing envelopes of one case (the case page and the citizen's status). */
    @Transactional(readOnly = true)
    List<Sent> ofCase(long siteId, long caseId) {
        Map<String, String> names = people(siteId);
        return jdbc.sql("""
                SELECT m.id, c.id, c.code, '' , c.applicant_masked, c.address_masked, m.carrier, m.carrier_other,
                       m.tracking_no, m.tracking_flagged, m.sheets, m.packed_by, m.logged_at
                FROM agency_mail m JOIN agency_cases c ON c.site_id = m.site_id AND c.id = m.case_id
                WHERE m.site_id = :site AND m.case_id = :case AND m.direction = 'OUT' ORDER BY m.logged_at, m.id""")
                .param("site", siteId).param("case", caseId)
                .query((rs, n) -> new Sent(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), Carrier.valueOf(rs.getString(7)), rs.getString(8),
                        rs.getString(9), rs.getBoolean(10), (Integer) rs.getObject(11), names.getOrDefault(rs.getString(12), rs.getString(12)),
                        rs.getTimestamp(13).toInstant())).list();
    }

    /**
     * The full return address, to write it on the envelope: only for a result ready to post, and the read is
     * written to the audit log (PersonalData.reveal).
     */
    @Transactional
    String revealAddress(long siteId, long caseId) {
        Ready ready = ready(siteId).stream().filter(r -> r.caseId() == caseId).findFirst()
                .orElseThrow(() -> NotFoundException.of("case", caseId));
        byte[] sealed = jdbc.sql("SELECT address FROM agency_cases WHERE site_id = :site AND id = :id")
                .param("site", siteId).param("id", ready.caseId()).query(byte[].class).single();
        return personalData.reveal(sealed, "agency_case", caseId, "address (to pack the result)");
    }

    /**
     * Posts the result of the case with this code: the tracking number checked by its carrier, the case from 已办结 to
     * 已寄出 (a doubled click changes nothing and is refused), who packed it, an SMS to the citizen.
     */
    @Transactional
    long send(long siteId, SendForm form, String packedBy) {
        Map<String, String> problems = new LinkedHashMap<>();
        String code = CaseCodes.normalise(form.code());
        Ready ready = ready(siteId).stream().filter(r -> r.code().equalsIgnoreCase(code)).findFirst().orElse(null);
        if (ready == null) {
            problems.put("code", code.isEmpty() ? "validation.required" : "agency.out.notReady");
        }
        if (form.carrier() == null) {
            problems.put("carrier", "validation.required");
        }
        String other = form.carrierOther() == null ? "" : form.carrierOther().strip();
        if (form.carrier() == Carrier.OTHER && other.isEmpty()) {
            problems.put("carrierOther", "agency.out.carrierOtherRequired");
        } else if (other.length() > 40) {
            problems.put("carrierOther", "agency.out.carrierOtherLong");
        }
        TrackingNumbers.Checked checked = TrackingNumbers.check(form.carrier(), form.trackingNo());
        if (!checked.ok()) {
            problems.put("trackingNo", checked.problem());
        }
        if (form.sheets() != null && (form.sheets() < 1 || form.sheets() > Custody.MAX_SHEETS)) {
            problems.put("sheets", "agency.chain.sheets");
        }
        String note = form.note() == null ? "" : form.note().strip();
        if (note.length() > 200) {
            problems.put("note", "agency.out.noteLong");
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (CaseStates.next(State.DONE, CaseStates.Action.SEND).isEmpty()) {
            throw new IllegalStateException("DONE → SENT");
        }
        Timestamp now = Timestamp.from(clock.instant());
        int changed = jdbc.sql("UPDATE agency_cases SET state = 'SENT', sent_at = :now, updated_at = :now"
                        + " WHERE site_id = :site AND id = :id AND state = 'DONE'")
                .param("now", now).param("site", siteId).param("id", ready.caseId()).update();
        if (changed == 0) {
            throw new InvalidInputException("code", "agency.out.notReady");
        }
        long id = jdbc.sql("""
                INSERT INTO agency_mail (site_id, case_id, direction, carrier, carrier_other, tracking_no,
                                         tracking_flagged, sheets, logged_at, logged_by, packed_by, note)
                VALUES (:site, :case, 'OUT', :carrier, :other, :no, :flagged, :sheets, :now, :by, :by, :note)
                RETURNING id""")
                .param("site", siteId).param("case", ready.caseId()).param("carrier", form.carrier().name())
                .param("other", form.carrier() == Carrier.OTHER ? other : "").param("no", checked.number())
                .param("flagged", checked.flagged()).param("sheets", form.sheets()).param("now", now)
                .param("by", packedBy).param("note", note).query(Long.class).single();
        caseLog.append(siteId, ready.caseId(), packedBy, "SENT", form.carrier().name() + " " + checked.number());
        String carrierName = form.carrier() == Carrier.OTHER ? other : texts.word("agency.carrier." + form.carrier().name());
        var phone = jdbc.sql("SELECT phone, phone_masked FROM agency_cases WHERE site_id = :site AND id = :id")
                .param("site", siteId).param("id", ready.caseId())
                .query((rs, n) -> java.util.Map.entry(rs.getBytes(1), rs.getString(2))).single();
        texts.send(siteId, ready.caseId(), "agency.sms.sent", phone.getKey(), phone.getValue(),
                texts.word("agency.sms.sent", CaseCodes.display(ready.code()), carrierName, checked.number()));
        activity.record("AGENCY_RESULT_SENT", "agency_case", ready.caseId(), form.carrier() + " " + checked.number());
        tracking.posted(siteId, ready.caseId(), form.carrier().name(), checked.number());
        events.publishEvent(new AgencyResultSent(siteId, ready.caseId()));
        return id;
    }

    private Map<String, String> people(long siteId) {
        Map<String, String> names = new java.util.HashMap<>();
        accounts.ofSite(siteId).forEach(a -> names.put(a.username(), a.displayName()));
        return names;
    }

    private Map<Long, String> itemNames(long siteId) {
        Map<Long, String> names = new java.util.HashMap<>();
        catalogue.items(siteId, true).forEach(i -> names.put(i.id(), i.name()));
        return names;
    }

}
