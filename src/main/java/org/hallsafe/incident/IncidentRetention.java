package org.hallsafe.incident;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;

import org.hallsafe.platform.RetentionProperties;
import org.hallsafe.platform.RetentionProperties.DataClass;
import org.hallsafe.platform.RetentionRule;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A closed incident loses its title (it names the person), sealed details and notes after the incidents' period;
 * source, status and times stay. An open incident keeps everything until it is closed.
 */
@Component
class IncidentRetention implements RetentionRule {

    private final JdbcClient jdbc;
    private final Clock clock;

    IncidentRetention(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "incidents";
    }

    @Override
    public DataClass dataClass() {
        return DataClass.INCIDENTS;
    }

    @Override
    @Transactional
    public int anonymise(Instant before, int limit) {
        Timestamp now = Timestamp.from(clock.instant());
        java.util.List<Long> ids = jdbc.sql("""
                WITH batch AS (SELECT id FROM incidents WHERE anonymised_at IS NULL AND status = 'CLOSED' AND closed_at < :before
                    ORDER BY closed_at LIMIT :limit FOR UPDATE SKIP LOCKED)
                UPDATE incidents i SET title = :marker, details_cipher = NULL, anonymised_at = :now
                FROM batch WHERE i.id = batch.id RETURNING i.id""")
                .param("before", Timestamp.from(before)).param("limit", limit)
                .param("marker", RetentionProperties.ANONYMISED).param("now", now).query(Long.class).list();
        if (!ids.isEmpty()) {
            jdbc.sql("UPDATE incident_notes SET body_cipher = NULL WHERE incident_id IN (:ids)").param("ids", ids).update();
        }
        return ids.size();
    }
}
