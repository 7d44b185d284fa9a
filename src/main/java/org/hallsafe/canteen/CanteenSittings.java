package org.hallsafe.canteen;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.hallsafe.canteen.CanteenForms.Meal;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who sat down to eat when, for contact tracing (issue 17): the staff admitted at the canteen door, query-only, one
 * hall at a time (refused entries never sat down). Index-backed (V20261205_0103 and the door's day index).
 */
@Service
public class CanteenSittings {

    /** A staff member admitted at the canteen door for a meal. */
    public record Sitting(long staffId, Meal meal, Instant at) {
    }

    private final JdbcClient jdbc;

    CanteenSittings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One staff member's sittings from {@code from} until {@code to}. */
    @Transactional(readOnly = true)
    public List<Sitting> ofStaff(long siteId, long staffId, Instant from, Instant to) {
        return jdbc.sql("""
                SELECT staff_id, meal, at FROM canteen_entries
                WHERE site_id = :site AND staff_id = :staff AND allowed AND at >= :from AND at < :to ORDER BY at, id""")
                .param("site", siteId).param("staff", staffId).param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to)).query(Sitting.class).list();
    }

    /** Every staff sitting from {@code from} until {@code to}: the others at the same meal. */
    @Transactional(readOnly = true)
    public List<Sitting> between(long siteId, Instant from, Instant to) {
        return jdbc.sql("""
                SELECT staff_id, meal, at FROM canteen_entries
                WHERE site_id = :site AND staff_id IS NOT NULL AND allowed AND at >= :from AND at < :to ORDER BY at, id""")
                .param("site", siteId).param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .query(Sitting.class).list();
    }
}
