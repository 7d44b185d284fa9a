package org.hallsafe.screening;

import org.hallsafe.platform.RetentionProperties.DataClass;
import org.hallsafe.platform.RetentionRule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The gate's share of retention: a reading keeps its time, mask, decision and reasons for the ledger's counts and
 * loses the temperature, symptoms and questioning; a citizen's reading also loses name, document and phone, and the
 * citizen row itself is emptied after the last visit. Staff readings follow the staff-health period.
 */
@Configuration(proxyBeanMethods = false)
class ScreeningRetention {

    /** Citizens' readings at the gate. */
    @Bean
    RetentionRule citizenReadingsRetention() {
        return new RetentionRule("screenings", DataClass.CITIZENS, """
                WITH batch AS (SELECT id FROM screenings
                    WHERE anonymised_at IS NULL AND person_type = 'CITIZEN' AND screened_at < :before
                    ORDER BY person_type, screened_at LIMIT :limit FOR NO KEY UPDATE SKIP LOCKED)
                UPDATE screenings s SET person_name = :marker, doc_masked = NULL, phone_masked = NULL,
                    health_cipher = NULL, questioning_cipher = NULL, anonymised_at = :now
                FROM batch WHERE s.id = batch.id""");
    }

    /** Who came to the gate: emptied after their last visit, so the gate no longer knows them by document. */
    @Bean
    RetentionRule citizensRetention() {
        return new RetentionRule("citizens", DataClass.CITIZENS, """
                WITH batch AS (SELECT id FROM citizens WHERE anonymised_at IS NULL AND updated_at < :before
                    ORDER BY updated_at LIMIT :limit FOR NO KEY UPDATE SKIP LOCKED)
                UPDATE citizens c SET name = :marker, doc_cipher = NULL, doc_hash = NULL, doc_masked = :marker,
                    phone_cipher = NULL, phone_hash = NULL, phone_masked = NULL, anonymised_at = :now
                FROM batch WHERE c.id = batch.id""");
    }

    /** Staff readings at the gate: employment health records, kept as long as the staff's own checks. */
    @Bean
    RetentionRule staffReadingsRetention() {
        return new RetentionRule("staff screenings", DataClass.STAFF_HEALTH, """
                WITH batch AS (SELECT id FROM screenings
                    WHERE anonymised_at IS NULL AND person_type = 'STAFF' AND screened_at < :before
                    ORDER BY person_type, screened_at LIMIT :limit FOR NO KEY UPDATE SKIP LOCKED)
                UPDATE screenings s SET health_cipher = NULL, questioning_cipher = NULL, anonymised_at = :now
                FROM batch WHERE s.id = batch.id""");
    }
}
