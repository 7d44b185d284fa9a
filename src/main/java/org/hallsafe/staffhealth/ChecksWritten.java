package org.hallsafe.staffhealth;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.hallsafe.organization.StaffDirectory;
import org.hallsafe.organization.Views.StaffView;
import org.hallsafe.organization.WrittenRecords;
import org.hallsafe.platform.PersonalData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * How the day's staff checks typed by hand (own or for someone; not the gate's) were written, for the formalism check
 * (issue 16, item 6). The readings are opened in one audited batch.
 */
@Component
class ChecksWritten implements WrittenRecords {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final StaffDirectory staff;
    private final PersonalData personalData;

    ChecksWritten(JdbcClient jdbc, Clock clock, StaffDirectory staff, PersonalData personalData) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.staff = staff;
        this.personalData = personalData;
    }

    @Override
    @Transactional
    public List<WrittenRecord> written(long siteId, LocalDate day) {
        ZoneId zone = clock.getZone();
        record Row(long staffId, Instant checkedAt, Instant recordedAt, boolean backfilled, String measuredBy,
                byte[] health) {
        }
        List<Row> rows = jdbc.sql("""
                SELECT staff_id, checked_at, coalesce(recorded_at, checked_at) AS recorded_at, backfilled, measured_by,
                       health_cipher AS health
                FROM staff_checks WHERE site_id = :site AND source <> 'GATE' AND checked_at >= :from AND checked_at < :to
                ORDER BY checked_at""")
                .param("site", siteId).param("from", Timestamp.from(day.atStartOfDay(zone).toInstant()))
                .param("to", Timestamp.from(day.plusDays(1).atStartOfDay(zone).toInstant())).query(Row.class).list();
        if (rows.isEmpty()) {
            return List.of();
        }
        List<Row> sealed = rows.stream().filter(r -> r.health() != null).toList();
        List<String> plain = sealed.isEmpty() ? List.of() : personalData.revealAll(
                sealed.stream().map(Row::health).toList(), "staffhealth", "formalism check " + day);
        Map<Long, StaffView> people = staff.search(siteId, "", null, true).stream()
                .collect(Collectors.toMap(StaffView::id, Function.identity()));
        List<WrittenRecord> out = new ArrayList<>();
        int opened = 0;
        for (Row r : rows) {
            BigDecimal reading = r.health() == null ? null : new BigDecimal(plain.get(opened++).split("\\|", 2)[0]);
            StaffView person = people.get(r.staffId());
            Long section = person == null ? null : person.departmentId();
            out.add(new WrittenRecord("staffhealth.check", section, r.measuredBy(), r.recordedAt(), r.checkedAt(),
                    r.backfilled(), reading, "staff:" + r.staffId(),
                    section == null ? "/staffhealth?dept=0" : "/staffhealth?dept=" + section));
        }
        return out;
    }
}
