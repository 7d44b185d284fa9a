package org.hallsafe.agency;

import java.time.Instant;

import org.hallsafe.agency.AgencyCases.CaseSummary;
import org.hallsafe.platform.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** One case in full for its page (personal data masked) and the plain values for a person who may see them, audited. */
@Component
class CaseFiles {

    /** The case as its page shows it: the summary and the rest of its row, nothing sealed. */
    record CaseDetail(CaseSummary summary, String company, String addressMasked, String sending, int timeLimitDays,
            Instant acceptedAt, int pausedDays, Instant doneAt, Instant sentAt, String withdrawnReason, Long callId,
            Long departmentId, String createdBy, Instant updatedAt) {

        long id() {
            return summary.id();
        }
    }

    /** The sealed values, opened. */
    record Revealed(String applicant, String phone, String address) {
    }

    private record Rest(String company, String addressMasked, String sending, int timeLimitDays, Instant acceptedAt,
            int pausedDays, Instant doneAt, Instant sentAt, String withdrawnReason, Long callId, Long departmentId,
            String createdBy, Instant updatedAt) {
    }

    private record Sealed(byte[] applicantName, byte[] phone, byte[] address) {
    }

    private final JdbcClient jdbc;
    private final CaseBook book;
    private final org.hallsafe.platform.PersonalData personalData;

    CaseFiles(JdbcClient jdbc, CaseBook book, org.hallsafe.platform.PersonalData personalData) {
        this.jdbc = jdbc;
        this.book = book;
        this.personalData = personalData;
    }

    /** The case within the hall; another hall's id is not found. */
    @Transactional(readOnly = true)
    CaseDetail detail(long siteId, long id) {
        CaseSummary summary = book.summaries(siteId, java.util.Map.of("id", id), 1).stream().findFirst()
                .orElseThrow(() -> NotFoundException.of("agency case", id));
        Rest r = jdbc.sql("""
                SELECT company, address_masked, sending, time_limit_days, accepted_at, paused_days, done_at, sent_at,
                       withdrawn_reason, call_id, department_id, created_by, updated_at
                FROM agency_cases WHERE site_id = :site AND id = :id""")
                .param("site", siteId).param("id", id).query(Rest.class).single();
        return new CaseDetail(summary, r.company(), r.addressMasked(), r.sending(), r.timeLimitDays(), r.acceptedAt(),
                r.pausedDays(), r.doneAt(), r.sentAt(), r.withdrawnReason(), r.callId(), r.departmentId(), r.createdBy(),
                r.updatedAt());
    }

    /** Applicant, phone and return address in plain, for a person holding PERSON_REVEAL: one audit entry per field. */
    @Transactional
    Revealed reveal(long siteId, long id) {
        Sealed s = jdbc.sql("SELECT applicant_name, phone, address FROM agency_cases WHERE site_id = :site AND id = :id")
                .param("site", siteId).param("id", id).query(Sealed.class).optional()
                .orElseThrow(() -> NotFoundException.of("agency case", id));
        return new Revealed(personalData.reveal(s.applicantName(), "agency-case", id, "applicant"),
                personalData.reveal(s.phone(), "agency-case", id, "phone"),
                personalData.reveal(s.address(), "agency-case", id, "address"));
    }
}
