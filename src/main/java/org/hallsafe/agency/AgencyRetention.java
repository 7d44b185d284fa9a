package org.hallsafe.agency;

import org.hallsafe.platform.RetentionProperties.DataClass;
import org.hallsafe.platform.RetentionRule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Agency's share of retention: a closed case (result posted, or withdrawn) loses its applicant, phone, return address
 * and what the citizen wrote; item, channel, dates, time limit, on time or late, the chain and the post stay, so the
 * ledger of a past month does not change.
 */
@Configuration(proxyBeanMethods = false)
class AgencyRetention {

    /** The last event of a closed case: the result posted, or the withdrawal (its last change). */
    @Bean
    RetentionRule agencyCasesRetention() {
        return new RetentionRule("agency_cases", DataClass.AGENCY_CASES, """
                WITH batch AS (SELECT id FROM agency_cases
                    WHERE anonymised_at IS NULL AND state IN ('SENT', 'WITHDRAWN') AND coalesce(sent_at, updated_at) < :before
                    ORDER BY coalesce(sent_at, updated_at) LIMIT :limit FOR NO KEY UPDATE SKIP LOCKED)
                UPDATE agency_cases c SET applicant_name = NULL, applicant_masked = :marker, phone = NULL,
                    phone_masked = :marker, phone_hash = NULL, address = NULL, address_masked = :marker, sending = '',
                    anonymised_at = :now
                FROM batch WHERE c.id = batch.id""");
    }
}
