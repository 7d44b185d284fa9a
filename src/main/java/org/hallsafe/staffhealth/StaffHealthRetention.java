package org.hallsafe.staffhealth;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;

import org.hallsafe.platform.RetentionProperties.DataClass;
import org.hallsafe.platform.RetentionRule;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Staff checks lose their temperature and symptoms after the staff-health period; time, source and abnormal stay. */
@Component
class StaffHealthRetention implements RetentionRule {

    private final JdbcClient jdbc;
    private final Clock clock;

    StaffHealthRetention(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "staff_checks";
    }

    @Override
    public DataClass dataClass() {
        return DataClass.STAFF_HEALTH;
    }

    @Override
    @Transactional
    public int anonymise(Instant before, int limit) {
        return jdbc.sql("""
                WITH batch AS (SELECT id FROM staff_checks WHERE anonymised_at IS NULL AND checked_at < :before
                    ORDER BY checked_at LIMIT :limit FOR UPDATE SKIP LOCKED)
                UPDATE staff_checks c SET health_cipher = NULL, anonymised_at = :now FROM batch WHERE c.id = batch.id""")
                .param("before", Timestamp.from(before)).param("limit", limit)
                .param("now", Timestamp.from(clock.instant())).update();
    }
}
