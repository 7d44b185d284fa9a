package org.hallsafe.agency;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.hallsafe.platform.PlainText;
import org.hallsafe.platform.SignedIn;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A case's timeline as its page shows it ({@code agency_case_log}); every part of the module appends here. The
 * detail never holds personal data.
 */
@Component
class CaseLog {

    /** One line of the timeline; {@code action} is a message key suffix {@code agency.log.<action>}. */
    record Entry(Instant at, String by, String action, String detail) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    CaseLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Appends by the signed-in person (or "citizen" / "system" without one). */
    void append(long siteId, long caseId, String action, String detail) {
        append(siteId, caseId, SignedIn.actor(), action, detail);
    }

    void append(long siteId, long caseId, String by, String action, String detail) {
        jdbc.sql("""
                INSERT INTO agency_case_log (site_id, case_id, at, by, action, detail)
                VALUES (:site, :case, :at, :by, :action, :detail)""")
                .param("site", siteId).param("case", caseId).param("at", Timestamp.from(clock.instant()))
                .param("by", PlainText.Rules.truncate(by, 100)).param("action", PlainText.Rules.truncate(action, 40))
                .param("detail", PlainText.Rules.truncate(detail == null ? "" : detail, 300)).update();
    }

    List<Entry> of(long siteId, long caseId) {
        return jdbc.sql("SELECT at, by, action, detail FROM agency_case_log WHERE site_id = :site AND case_id = :case ORDER BY at, id")
                .param("site", siteId).param("case", caseId).query(Entry.class).list();
    }
}
