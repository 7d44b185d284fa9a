package org.hallsafe.organization;

import java.time.LocalDate;

import org.hallsafe.platform.HallSafeProperties;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo mode: the mainland public holidays and 调休 working weekends in the demo hall's calendar, loaded once into a hall
 * that has no exception in 2026 or 2027, before the demo's slots are made.
 *
 * <p>2026: 国务院办公厅关于2026年部分节假日安排的通知 of 2025-11-04 (Xinhua). 2027: no notice was at hand when this was
 * written, so only 元旦 2027-01-01 (a Friday) to 01-03 is loaded, as an estimate marked in its note; the hall's office
 * enters the rest of 2027 from the State Council's notice on the calendar page.
 */
@Component
class DemoCalendar {

    /** Closed from..to (inclusive), and the 调休 working weekends, with the note shown on the calendar page. */
    private static final String[][] CLOSED = {
            {"2026-01-01", "2026-01-03", "元旦"}, {"2026-02-15", "2026-02-23", "春节"},
            {"2026-04-04", "2026-04-06", "清明节"}, {"2026-05-01", "2026-05-05", "劳动节"},
            {"2026-06-19", "2026-06-21", "端午节"}, {"2026-09-25", "2026-09-27", "中秋节"},
            {"2026-10-01", "2026-10-07", "国庆节"},
            {"2027-01-01", "2027-01-03", "元旦（预估，以国务院通知为准）"}};
    private static final String[][] WORKING = {
            {"2026-01-04", "元旦调休上班"}, {"2026-02-14", "春节调休上班"}, {"2026-02-28", "春节调休上班"},
            {"2026-05-09", "劳动节调休上班"}, {"2026-09-20", "国庆节调休上班"}, {"2026-10-10", "国庆节调休上班"}};

    private final HallSafeProperties properties;
    private final JdbcClient jdbc;

    DemoCalendar(HallSafeProperties properties, JdbcClient jdbc) {
        this.properties = properties;
        this.jdbc = jdbc;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(11)
    @Transactional
    public void load() {
        long site = DemoBureau.SITE;
        boolean hallExists = jdbc.sql("SELECT count(*) > 0 FROM sites WHERE id = :site").param("site", site)
                .query(Boolean.class).single();
        if (!properties.demo() || !hallExists || jdbc.sql("""
                SELECT count(*) > 0 FROM hall_calendar_days
                WHERE site_id = :site AND day BETWEEN DATE '2026-01-01' AND DATE '2027-12-31'""")
                .param("site", site).query(Boolean.class).single()) {
            return;
        }
        for (String[] c : CLOSED) {
            for (LocalDate d = LocalDate.parse(c[0]); !d.isAfter(LocalDate.parse(c[1])); d = d.plusDays(1)) {
                insert(site, d, false, c[2]);
            }
        }
        for (String[] w : WORKING) {
            insert(site, LocalDate.parse(w[0]), true, w[1]);
        }
    }

    private void insert(long site, LocalDate day, boolean open, String note) {
        jdbc.sql("""
                INSERT INTO hall_calendar_days (site_id, day, open, note, created_by) VALUES (:site, :day, :open, :note, 'demo')
                ON CONFLICT (site_id, day) DO NOTHING""")
                .param("site", site).param("day", day).param("open", open).param("note", note).update();
    }
}
