package org.hallsafe.canteen;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;

import org.hallsafe.platform.RetentionProperties;
import org.hallsafe.platform.RetentionProperties.DataClass;
import org.hallsafe.platform.RetentionRule;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** What an outsider refused at the canteen door typed (a name, a number) goes after the citizens' period. */
@Component
class CanteenRetention implements RetentionRule {

    private final JdbcClient jdbc;
    private final Clock clock;

    CanteenRetention(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "canteen_entries";
    }

    @Override
    public DataClass dataClass() {
        return DataClass.CITIZENS;
    }

    @Override
    @Transactional
    public int anonymise(Instant before, int limit) {
        return jdbc.sql("""
                WITH batch AS (SELECT id FROM canteen_entries WHERE anonymised_at IS NULL AND staff_id IS NULL AND at < :before
                    ORDER BY at LIMIT :limit FOR UPDATE SKIP LOCKED)
                UPDATE canteen_entries e SET typed = :marker, anonymised_at = :now FROM batch WHERE e.id = batch.id""")
                .param("before", Timestamp.from(before)).param("limit", limit)
                .param("marker", RetentionProperties.ANONYMISED).param("now", Timestamp.from(clock.instant())).update();
    }
}
