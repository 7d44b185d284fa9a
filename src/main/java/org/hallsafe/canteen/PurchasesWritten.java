package org.hallsafe.canteen;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.hallsafe.organization.WrittenRecords;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * How the deliveries dated on a day were written, for the formalism check (issue 16, item 6): a delivery is about its
 * day (typed the same day, about the moment of entry; typed later, about the day's last moment). No section: the
 * canteen answers for them.
 */
@Component
class PurchasesWritten implements WrittenRecords {

    private final JdbcClient jdbc;
    private final Clock clock;

    PurchasesWritten(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public List<WrittenRecord> written(long siteId, LocalDate day) {
        Instant dayEnd = day.plusDays(1).atStartOfDay(clock.getZone()).toInstant().minusMillis(1);
        return jdbc.sql("""
                SELECT id, created_by, created_at, backfilled FROM purchases
                WHERE site_id = :site AND delivered_on = :day ORDER BY created_at""")
                .param("site", siteId).param("day", day).query((rs, n) -> {
                    Instant entered = rs.getTimestamp(3).toInstant();
                    return new WrittenRecord("canteen.purchase", null, rs.getString(2), entered,
                            entered.isBefore(dayEnd) ? entered : dayEnd, rs.getBoolean(4), null,
                            "purchase:" + rs.getLong(1), "/canteen/purchases?from=" + day + "&to=" + day);
                }).list();
    }
}
