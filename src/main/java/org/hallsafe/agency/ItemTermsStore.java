package org.hallsafe.agency;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.hallsafe.agency.AgencyCases.ItemTerms;
import org.hallsafe.appointments.Catalogue;
import org.hallsafe.platform.ActivityLog;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The commitment of each item marked 可代办 (items come from the appointments catalogue): time limit in working days
 * and the owning section; an item without its own terms has {@value #DEFAULT_LIMIT} working days and no section.
 */
@Component
class ItemTermsStore {

    static final int DEFAULT_LIMIT = 5;
    /** A case's materials list holds at most this many lines of the item's list. */
    static final int MAX_MATERIALS = 30;

    private final JdbcClient jdbc;
    private final Catalogue catalogue;
    private final Clock clock;
    private final ActivityLog activity;

    ItemTermsStore(JdbcClient jdbc, Catalogue catalogue, Clock clock, ActivityLog activity) {
        this.jdbc = jdbc;
        this.catalogue = catalogue;
        this.clock = clock;
        this.activity = activity;
    }

    private record Row(long itemId, int timeLimitDays, Long departmentId) {
    }

    List<ItemTerms> all(long siteId) {
        Map<Long, Row> rows = rows(siteId);
        return catalogue.items(siteId, false).stream().filter(Catalogue.Item::agency).map(i -> terms(i, rows.get(i.id())))
                .toList();
    }

    Optional<ItemTerms> find(long siteId, long itemId) {
        return catalogue.find(siteId, itemId).filter(i -> i.agency() && !i.retired())
                .map(i -> terms(i, rows(siteId).get(i.id())));
    }

    /** Sets an item's time limit and owning section (the section checked by the caller within the hall). */
    void save(long siteId, long itemId, int limit, Long departmentId, String by) {
        jdbc.sql("""
                INSERT INTO agency_items (site_id, item_id, time_limit_days, department_id, updated_at, updated_by)
                VALUES (:site, :item, :limit, :dept, :now, :by)
                ON CONFLICT (site_id, item_id) DO UPDATE SET time_limit_days = :limit, department_id = :dept,
                    updated_at = :now, updated_by = :by""")
                .param("site", siteId).param("item", itemId).param("limit", limit).param("dept", departmentId)
                .param("now", Timestamp.from(clock.instant())).param("by", by).update();
        activity.record("UPDATED", "agency-item", itemId, limit + " " + departmentId);
    }

    private Map<Long, Row> rows(long siteId) {
        return jdbc.sql("SELECT item_id, time_limit_days, department_id FROM agency_items WHERE site_id = :site")
                .param("site", siteId).query(Row.class).list().stream()
                .collect(Collectors.toMap(Row::itemId, Function.identity()));
    }

    private static ItemTerms terms(Catalogue.Item item, Row row) {
        return new ItemTerms(item.id(), item.name(), row == null ? DEFAULT_LIMIT : row.timeLimitDays(),
                row == null ? null : row.departmentId(), materials(item.materials()));
    }

    /** One line one material, trimmed, blank lines and list marks skipped, at most {@value #MAX_MATERIALS}, each ≤ 100. */
    static List<String> materials(String text) {
        if (text == null) {
            return List.of();
        }
        return Arrays.stream(text.split("\\R")).map(l -> l.strip().replaceFirst("^([-*•·]|\\d+[.、)）])\\s*", "").strip())
                .filter(l -> !l.isEmpty()).map(l -> l.length() > 100 ? l.substring(0, 100) : l).limit(MAX_MATERIALS)
                .toList();
    }
}
