package org.hallsafe.screening;

import org.hallsafe.organization.StaffDirectory;
import org.hallsafe.platform.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The person behind a ledger line: their full numbers, for a role that may see them. */
@Service
class LedgerPeople {

    private final JdbcClient jdbc;
    private final StaffDirectory staff;
    private final CitizenFile citizens;

    LedgerPeople(JdbcClient jdbc, StaffDirectory staff, CitizenFile citizens) {
        this.jdbc = jdbc;
        this.staff = staff;
        this.citizens = citizens;
    }

    /**
     * The full document or phone number of the person behind a ledger line, for a role that may see it; the read is
     * written to the audit log.
     */
    @Transactional
    String reveal(long siteId, long screeningId, String field) {
        record Who(String personType, Long staffId, Long citizenId) {
        }
        Who who = jdbc.sql("SELECT person_type, staff_id, citizen_id FROM screenings WHERE site_id = :site AND id = :id")
                .param("site", siteId).param("id", screeningId).query(Who.class).optional()
                .orElseThrow(() -> NotFoundException.of("screening", screeningId));
        if ("STAFF".equals(who.personType())) {
            return "phone".equals(field) ? staff.reveal(siteId, who.staffId(), "phone") : "";
        }
        return citizens.reveal(who.citizenId(), field);
    }
}
