package org.hallsafe.organization;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;

import org.hallsafe.organization.Forms.DepartmentForm;
import org.hallsafe.organization.Forms.SiteForm;
import org.hallsafe.organization.Forms.WindowForm;
import org.hallsafe.organization.Views.DepartmentView;
import org.hallsafe.organization.Views.SiteView;
import org.hallsafe.organization.Views.WindowView;
import org.hallsafe.platform.ActivityLog;
import org.hallsafe.platform.InvalidInputException;
import org.hallsafe.platform.NotFoundException;
import org.hallsafe.platform.SignedIn;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Halls, sections and bureau units, and service windows. Nothing is deleted: retiring keeps the row, so records that
 * name it keep their meaning.
 */
@Service
public class Directory {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ActivityLog activity;
    private final Measures measures;

    Directory(JdbcClient jdbc, Clock clock, ActivityLog activity, Measures measures) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.activity = activity;
        this.measures = measures;
    }

    // ---- sites

    /*
     * Rows of sites and windows mapped by hand: most requests read them (the hall, its windows), and
     * query(SiteView.class) matches columns to the record's parameters by name and converts each value, row by row
     * (issue 18, the booking burst's profile).
     */
    private static final RowMapper<SiteView> SITE = (rs, n) -> new SiteView(rs.getLong("id"), rs.getString("code"),
            rs.getString("name"), rs.getString("address"), rs.getBoolean("retired"));
    private static final RowMapper<WindowView> WINDOW = (rs, n) -> new WindowView(rs.getLong("id"), rs.getInt("number"),
            rs.getString("name"), rs.getString("area"), rs.getObject("section_id", Long.class),
            rs.getString("section_name"), rs.getBoolean("retired"));

    @Transactional(readOnly = true)
    public List<SiteView> sites(String query, boolean includeRetired) {
        return jdbc.sql("""
                SELECT id, code, name, address, retired_at IS NOT NULL AS retired FROM sites
                WHERE (:all OR retired_at IS NULL) AND (:q = '' OR name ILIKE '%' || :q || '%' OR code ILIKE :q)
                ORDER BY id""")
                .param("all", includeRetired).param("q", trim(query)).query(SITE).list();
    }

    /** Whether a hall with this id exists (retired or not). */
    @Transactional(readOnly = true)
    public boolean siteExists(long id) {
        return jdbc.sql("SELECT count(*) FROM sites WHERE id = :id").param("id", id).query(Long.class).single() > 0;
    }

    @Transactional(readOnly = true)
    public SiteView site(long id) {
        return jdbc.sql("SELECT id, code, name, address, retired_at IS NOT NULL AS retired FROM sites WHERE id = :id")
                .param("id", id).query(SITE).optional().orElseThrow(() -> NotFoundException.of("hall", id));
    }

    @Transactional
    public long saveSite(Long id, SiteForm form) {
        try {
            long saved = id == null
                    ? jdbc.sql("INSERT INTO sites (code, name, address, created_by) VALUES (:code, :name, :address, :by) RETURNING id")
                            .param("code", form.code().strip()).param("name", form.name().strip())
                            .param("address", trim(form.address())).param("by", SignedIn.actor()).query(Long.class).single()
                    : updated(jdbc.sql("UPDATE sites SET code = :code, name = :name, address = :address, updated_at = :now WHERE id = :id")
                            .param("code", form.code().strip()).param("name", form.name().strip())
                            .param("address", trim(form.address())).param("now", now()).param("id", id).update(), id);
            activity.record(id == null ? "CREATED" : "UPDATED", "site", saved, form.name());
            return saved;
        } catch (DuplicateKeyException e) {
            throw new InvalidInputException("code", "site.code.taken");
        }
    }

    @Transactional
    public void retireSite(long id) {
        retire("sites", id, null);
        activity.record("RETIRED", "site", id, site(id).name());
    }

    // ---- sections and bureau units

    @Transactional(readOnly = true)
    public List<DepartmentView> departments(long siteId, DepartmentKind kind, String query, boolean includeRetired) {
        return jdbc.sql("""
                SELECT id, kind, name, phone, duties, retired_at IS NOT NULL AS retired FROM departments
                WHERE site_id = :site AND (:all OR retired_at IS NULL) AND (:kind = '' OR kind = :kind)
                  AND (:q = '' OR name ILIKE '%' || :q || '%')
                ORDER BY kind, id""")
                .param("site", siteId).param("all", includeRetired).param("kind", kind == null ? "" : kind.name())
                .param("q", trim(query)).query(DepartmentView.class).list();
    }

    @Transactional(readOnly = true)
    public DepartmentView department(long siteId, long id) {
        return jdbc.sql("""
                SELECT id, kind, name, phone, duties, retired_at IS NOT NULL AS retired FROM departments
                WHERE site_id = :site AND id = :id""")
                .param("site", siteId).param("id", id).query(DepartmentView.class).optional()
                .orElseThrow(() -> NotFoundException.of("section", id));
    }

    /** A new section whose name the plan uses becomes owner of the measures the plan gives it. */
    @Transactional
    public long saveDepartment(long siteId, Long id, DepartmentForm form) {
        try {
            long saved;
            if (id == null) {
                saved = jdbc.sql("""
                        INSERT INTO departments (site_id, kind, name, phone, duties, created_by)
                        VALUES (:site, :kind, :name, :phone, :duties, :by) RETURNING id""")
                        .param("site", siteId).param("kind", form.kind().name()).param("name", form.name().strip())
                        .param("phone", trim(form.phone())).param("duties", trim(form.duties())).param("by", SignedIn.actor())
                        .query(Long.class).single();
                if (form.kind() == DepartmentKind.SECTION) {
                    measures.assignByPlan(siteId, saved, form.name().strip());
                }
            } else {
                saved = updated(jdbc.sql("""
                        UPDATE departments SET kind = :kind, name = :name, phone = :phone, duties = :duties, updated_at = :now
                        WHERE site_id = :site AND id = :id""")
                        .param("site", siteId).param("id", id).param("kind", form.kind().name())
                        .param("name", form.name().strip()).param("phone", trim(form.phone()))
                        .param("duties", trim(form.duties())).param("now", now()).update(), id);
            }
            activity.record(id == null ? "CREATED" : "UPDATED", "department", saved, form.name());
            return saved;
        } catch (DuplicateKeyException e) {
            throw new InvalidInputException("name", "department.name.taken");
        }
    }

    @Transactional
    public void retireDepartment(long siteId, long id) {
        retire("departments", id, siteId);
        activity.record("RETIRED", "department", id, department(siteId, id).name());
    }

    // ---- service windows

    @Transactional(readOnly = true)
    public List<WindowView> windows(long siteId, String query, boolean includeRetired) {
        return jdbc.sql("""
                SELECT w.id, w.number, w.name, w.area, w.section_id, d.name AS section_name,
                       w.retired_at IS NOT NULL AS retired
                FROM service_windows w LEFT JOIN departments d ON d.id = w.section_id
                WHERE w.site_id = :site AND (:all OR w.retired_at IS NULL)
                  AND (:q = '' OR w.name ILIKE '%' || :q || '%' OR w.number::text = :q)
                ORDER BY w.number, w.id""")
                .param("site", siteId).param("all", includeRetired).param("q", trim(query))
                .query(WINDOW).list();
    }

    @Transactional(readOnly = true)
    public WindowView window(long siteId, long id) {
        return windows(siteId, "", true).stream().filter(w -> w.id() == id).findFirst()
                .orElseThrow(() -> NotFoundException.of("window", id));
    }

    /**
     * Every window of the hall by id, retired ones too (old records name them): for another module that shows
     * window numbers and names beside its own rows, instead of joining service_windows (issue 13).
     */
    @Transactional(readOnly = true)
    public java.util.Map<Long, WindowView> windowsById(long siteId) {
        java.util.Map<Long, WindowView> byId = new java.util.LinkedHashMap<>();
        windows(siteId, "", true).forEach(w -> byId.put(w.id(), w));
        return byId;
    }

    /** Every section's name by id, retired ones too: for another module that names sections beside its rows. */
    @Transactional(readOnly = true)
    public java.util.Map<Long, String> departmentNames(long siteId) {
        java.util.Map<Long, String> names = new java.util.LinkedHashMap<>();
        departments(siteId, null, "", true).forEach(d -> names.put(d.id(), d.name()));
        return names;
    }

    @Transactional
    public long saveWindow(long siteId, Long id, WindowForm form) {
        if (form.sectionId() != null) {
            department(siteId, form.sectionId());
        }
        try {
            long saved = id == null
                    ? jdbc.sql("""
                            INSERT INTO service_windows (site_id, number, name, area, section_id, created_by)
                            VALUES (:site, :number, :name, :area, :section, :by) RETURNING id""")
                            .param("site", siteId).param("number", form.number()).param("name", form.name().strip())
                            .param("area", trim(form.area())).param("section", form.sectionId()).param("by", SignedIn.actor())
                            .query(Long.class).single()
                    : updated(jdbc.sql("""
                            UPDATE service_windows SET number = :number, name = :name, area = :area,
                                   section_id = :section, updated_at = :now
                            WHERE site_id = :site AND id = :id""")
                            .param("site", siteId).param("id", id).param("number", form.number())
                            .param("name", form.name().strip()).param("area", trim(form.area()))
                            .param("section", form.sectionId()).param("now", now()).update(), id);
            activity.record(id == null ? "CREATED" : "UPDATED", "window", saved, form.number() + " " + form.name());
            return saved;
        } catch (DuplicateKeyException e) {
            throw new InvalidInputException("number", "window.number.taken");
        }
    }

    @Transactional
    public void retireWindow(long siteId, long id) {
        retire("service_windows", id, siteId);
        activity.record("RETIRED", "window", id, window(siteId, id).name());
    }

    // ---- shared by all

    private void retire(String table, long id, Long siteId) {
        String hall = siteId == null ? "" : " AND site_id = :site";
        var statement = jdbc.sql("UPDATE " + table + " SET retired_at = :now, updated_at = :now"
                + " WHERE id = :id AND retired_at IS NULL" + hall).param("now", now()).param("id", id);
        int n = (siteId == null ? statement : statement.param("site", siteId)).update();
        if (n == 0) {
            throw NotFoundException.of(table, id);
        }
    }

    static long updated(int rows, long id) {
        if (rows == 0) {
            throw NotFoundException.of("record", id);
        }
        return id;
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }

    static String trim(String s) {
        return s == null ? "" : s.strip();
    }
}
