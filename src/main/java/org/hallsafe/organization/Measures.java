package org.hallsafe.organization;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.hallsafe.organization.MeasureStatusProvider.MeasureStatus;
import org.hallsafe.organization.Views.DepartmentView;
import org.hallsafe.platform.ActivityLog;
import org.hallsafe.platform.NotFoundException;
import org.hallsafe.platform.SignedIn;
import org.hallsafe.platform.StandbyRead;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The responsibility matrix (事事有人抓，环环有人管): each measure of the plan against each section, with who is
 * responsible and, once the modules that carry a measure report it, what is done, due and overdue.
 */
@Service
public class Measures {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ActivityLog activity;
    /** Looked up when the matrix is drawn: the modules that provide figures themselves depend on this one. */
    private final ObjectProvider<MeasureStatusProvider> providers;

    Measures(JdbcClient jdbc, Clock clock, ActivityLog activity, ObjectProvider<MeasureStatusProvider> providers) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.activity = activity;
        this.providers = providers;
    }

    /** One cell: whether the section is responsible, and its figures if a module reports them. */
    public record Cell(boolean responsible, boolean explicit, Optional<MeasureStatus> status) {
    }

    /** One row of the matrix. */
    public record MeasureLine(PlanMeasure measure, List<Cell> cells) {
    }

    public record Matrix(LocalDate day, List<DepartmentView> sections, List<MeasureLine> rows) {
    }

    @StandbyRead
    @Transactional(readOnly = true)
    public Matrix matrix(long siteId, List<DepartmentView> sections) {
        LocalDate day = LocalDate.now(clock);
        Map<String, Set<Long>> owners = owners(siteId);
        Map<String, MeasureStatusProvider> byCode = providers.orderedStream()
                .collect(Collectors.toMap(MeasureStatusProvider::measureCode, p -> p, (a, b) -> a));
        List<MeasureLine> rows = java.util.Arrays.stream(PlanMeasure.values()).map(m -> {
            Set<Long> explicit = owners.getOrDefault(m.code(), Set.of());
            Map<Long, MeasureStatus> figures = byCode.containsKey(m.code())
                    ? byCode.get(m.code()).statuses(siteId, day) : Map.of();
            List<Cell> cells = sections.stream().map(s -> {
                boolean isExplicit = explicit.contains(s.id());
                boolean responsible = isExplicit || m.allSections();
                Optional<MeasureStatus> status = responsible ? Optional.ofNullable(figures.get(s.id())) : Optional.empty();
                return new Cell(responsible, isExplicit, status);
            }).toList();
            return new MeasureLine(m, cells);
        }).toList();
        return new Matrix(day, sections, rows);
    }

    /** Section ids named as owners of each measure code. */
    @Transactional(readOnly = true)
    public Map<String, Set<Long>> owners(long siteId) {
        return jdbc.sql("SELECT measure_code, department_id FROM measure_owners WHERE site_id = :site")
                .param("site", siteId)
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2))).list().stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toCollection(HashSet::new))));
    }

    /** An admin names the responsible sections of one measure; the change is logged. */
    @Transactional
    public void setOwners(long siteId, PlanMeasure measure, Set<Long> sectionIds) {
        jdbc.sql("DELETE FROM measure_owners WHERE site_id = :site AND measure_code = :code")
                .param("site", siteId).param("code", measure.code()).update();
        for (Long section : sectionIds) {
            if (insertOwner(siteId, measure, section) == 0) {
                // not a section of this hall: nothing is stored and nothing recorded
                throw NotFoundException.of("section", section);
            }
        }
        activity.record("MEASURE_OWNERS_CHANGED", "measure", measure.code(), sectionIds.toString());
    }

    /** A section named in the plan becomes owner of the measures the plan gives it. */
    void assignByPlan(long siteId, long sectionId, String sectionName) {
        for (PlanMeasure m : PlanMeasure.values()) {
            if (m.namedSections().contains(sectionName)) {
                insertOwner(siteId, m, sectionId);
            }
        }
    }

    private int insertOwner(long siteId, PlanMeasure measure, long sectionId) {
        return jdbc.sql("""
                INSERT INTO measure_owners (site_id, measure_code, department_id, created_by)
                SELECT :site, :code, id, :by FROM departments WHERE id = :section AND site_id = :site
                ON CONFLICT DO NOTHING""")
                .param("site", siteId).param("code", measure.code()).param("section", sectionId)
                .param("by", SignedIn.actor()).update();
    }
}
