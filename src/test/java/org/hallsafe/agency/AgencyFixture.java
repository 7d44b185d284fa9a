package org.hallsafe.agency;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.hallsafe.TestHall;
import org.hallsafe.appointments.AppointmentForms.ItemForm;
import org.hallsafe.appointments.Catalogue;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Items and cases for the tests of receiving materials and the service commitment (issue 14, items 2 and 3). */
final class AgencyFixture {

    static final ZoneId HALL_ZONE = ZoneId.of("Asia/Shanghai");
    static final List<String> MATERIALS = List.of("营业执照复印件", "法定代表人身份证复印件", "经营场所使用证明");

    private AgencyFixture() {
    }

    /** 10:00 in the hall on a date. */
    static Instant at(LocalDate day) {
        return day.atTime(LocalTime.of(10, 0)).atZone(HALL_ZONE).toInstant();
    }

    /** An item marked 可代办 with three materials, at the hall's first window; with its agency terms (limit, section). */
    static long item(Catalogue catalogue, JdbcClient jdbc, TestHall.Hall hall, int limitDays, Long sectionId) {
        long window = jdbc.sql("SELECT id FROM service_windows WHERE site_id = :site AND retired_at IS NULL ORDER BY id LIMIT 1")
                .param("site", hall.siteId()).query(Long.class).optional()
                .orElseGet(() -> jdbc.sql("""
                        INSERT INTO service_windows (site_id, number, name, area, section_id)
                        VALUES (:site, 9, '代办窗口', '一楼', :section) RETURNING id""")
                        .param("site", hall.siteId()).param("section", hall.sectionId()).query(Long.class).single());
        long item = catalogue.saveItem(hall.siteId(), null, new ItemForm("食品经营许可" + UUID.randomUUID().toString().substring(0, 6),
                20, String.join("\n", MATERIALS), "", true, List.of(window)));
        jdbc.sql("""
                INSERT INTO agency_items (site_id, item_id, time_limit_days, department_id, updated_at, updated_by)
                VALUES (:site, :item, :limit, :dept, :now, 'test')""")
                .param("site", hall.siteId()).param("item", item).param("limit", limitDays).param("dept", sectionId)
                .param("now", Timestamp.from(Instant.now())).update();
        return item;
    }

    /** A case opened at a window by the signed-in person. */
    static AgencyCases.Opened open(AgencyCases cases, TestHall.Hall hall, long item, String company) {
        return cases.open(hall.siteId(), new AgencyCases.Opening(UUID.randomUUID(), item, AgencyCases.Channel.WINDOW,
                "王小明", company, "13912345678", "北京市朝阳区建国路1号 王小明", "三份复印件", null));
    }

    /** Marks every material of the case received: the case is accepted. */
    static void receiveAll(MaterialChecks checks, long siteId, long caseId) {
        checks.check(siteId, caseId, checks.of(siteId, caseId).stream()
                .map(m -> new MaterialChecks.Mark(m.id(), MaterialChecks.Finding.RECEIVED, "")).toList());
    }
}
