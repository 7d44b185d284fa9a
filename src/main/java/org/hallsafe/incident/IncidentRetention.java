package org.hallsafe.incident;

import org.hallsafe.platform.RetentionProperties.DataClass;
import org.hallsafe.platform.RetentionRule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A closed incident loses its title (it names the person), sealed details and notes after the incidents' period;
 * source, status and times stay. An open incident keeps everything until it is closed.
 */
@Configuration(proxyBeanMethods = false)
class IncidentRetention {

    /** The notes go in the same statement (a data-modifying WITH), so the count is the incidents'. */
    @Bean
    RetentionRule incidentsRetention() {
        return new RetentionRule("incidents", DataClass.INCIDENTS, """
                WITH batch AS (SELECT id FROM incidents WHERE anonymised_at IS NULL AND status = 'CLOSED' AND closed_at < :before
                    ORDER BY closed_at LIMIT :limit FOR NO KEY UPDATE SKIP LOCKED),
                notes AS (UPDATE incident_notes n SET body_cipher = NULL FROM batch WHERE n.incident_id = batch.id)
                UPDATE incidents i SET title = :marker, details_cipher = NULL, anonymised_at = :now,
                    title_key = NULL, title_args = NULL, details_key = NULL
                FROM batch WHERE i.id = batch.id""");
    }
}
