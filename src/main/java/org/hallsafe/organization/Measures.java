package org.hallsafe.organization;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.hallsafe.organization.MeasureStatusProvider.MeasureStatus;
import org.hallsafe.organization.Views.DepartmentView;
import org.hallsafe.organization.Views.WindowView;
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
    /** The formalism check's flags (issue 16 item 6), shown per section. */
    private final ObjectProvider<SectionFlags> flags;

    Measures(JdbcClient jdbc, Clock clock, ActivityLog activity, ObjectProvider<MeasureStatusProvider> providers,
            ObjectProvider<SectionFlags> flags) {
        this.flags = flags;
        this.jdbc = jdbc;
        this.clock = clock;
        this.activity = activity;
        this.providers = providers;
    }

    /** A page listing the records behind a cell; {@code key} names what it lists (one link per provider). */
    public record Link(String key, String href) {
    }

    /**
     * One cell: whether the section (or window) is responsible, its figures summed over every module that reports
     * them, and the pages listing the records counted.
     */
    public record Cell(boolean responsible, boolean explicit, Optional<MeasureStatus> status, List<Link> links) {

        public Cell(boolean responsible, boolean explicit, Optional<MeasureStatus> status) {
            this(responsible, explicit, status, List.of());
        }
    }

    /** One row of the matrix: a cell per section, then a cell per window. */
    public record MeasureLine(PlanMeasure measure, List<Cell> cells, List<Cell> windowCells) {
    }

    /** The matrix of a day; {@code flags} are the formalism check's flags by section id (0 for the hall's own). */
    public record Matrix(LocalDate day, List<DepartmentView> sections, List<WindowView> windows, List<MeasureLine> rows,
            Map<Long, List<SectionFlags.Flag>> flags) {

        public Matrix(LocalDate day, List<DepartmentView> sections, List<MeasureLine> rows) {
            this(day, sections, List.of(), rows, Map.of());
        }
    }

    /**
     * Today's figures of the sections, without windows or the formalism flags: what a section's daily report starts
     * from. The flags are the formalism check over every hand-written record of the day (readings opened and audited),
     * work only the matrix page shows.
     */
    @StandbyRead
    @Transactional(readOnly = true)
    public Matrix matrix(long siteId, List<DepartmentView> sections) {
        return matrix(siteId, sections, List.of(), LocalDate.now(clock), false);
    }

    /**
     * The matrix of a day (today or a past one) for the given sections and windows: every module reporting a measure
     * is asked once for the day; several reporting the same measure are added up, each linking its own records.
     */
    @Transactional(readOnly = true)
    @StandbyRead
    public Matrix matrix(long siteId, List<DepartmentView> sections, List<WindowView> windows, LocalDate day) {
        return matrix(siteId, sections, windows, day, true);
    }

    private Matrix matrix(long siteId, List<DepartmentView> sections, List<WindowView> windows, LocalDate day,
            boolean withFlags) {
        Map<String, Set<Long>> owners = owners(siteId);
        Map<String, List<MeasureStatusProvider>> byCode = providers.orderedStream()
                .collect(Collectors.groupingBy(MeasureStatusProvider::measureCode));
        List<MeasureLine> rows = Arrays.stream(PlanMeasure.values()).map(m -> {
            Set<Long> explicit = owners.getOrDefault(m.code(), Set.of());
            List<Reported> reported = byCode.getOrDefault(m.code(), List.of()).stream()
                    .map(p -> new Reported(p, p.statuses(siteId, day),
                            windows.isEmpty() ? Map.of() : p.windowStatuses(siteId, day)))
                    .toList();
            List<Cell> cells = sections.stream().map(s -> {
                boolean isExplicit = explicit.contains(s.id());
                boolean responsible = isExplicit || m.allSections();
                return responsible ? cell(true, isExplicit, reported, r -> r.sections.get(s.id()),
                        p -> p.sectionLink(siteId, s.id(), day)) : new Cell(false, false, Optional.empty());
            }).toList();
            List<Cell> windowCells = windows.stream().map(w -> {
                boolean responsible = m.allSections() || (w.sectionId() != null && explicit.contains(w.sectionId()));
                Cell c = cell(responsible, false, reported, r -> r.windows.get(w.id()), p -> p.windowLink(siteId, w.id(), day));
                return responsible || c.status().isPresent() ? c : new Cell(false, false, Optional.empty());
            }).toList();
            return new MeasureLine(m, cells, windowCells);
        }).toList();
        Map<Long, List<SectionFlags.Flag>> flagged = !withFlags ? Map.of() : flags.orderedStream()
                .flatMap(f -> f.flags(siteId, day).stream())
                .collect(Collectors.groupingBy(f -> f.sectionId() == null ? 0L : f.sectionId()));
        return new Matrix(day, sections, windows, rows, flagged);
    }

    private record Reported(MeasureStatusProvider provider, Map<Long, MeasureStatus> sections,
            Map<Long, MeasureStatus> windows) {
    }

    /** The figures of one column summed over the providers that report it, with a link from each that has one. */
    private static Cell cell(boolean responsible, boolean explicit, List<Reported> reported,
            Function<Reported, MeasureStatus> figures, Function<MeasureStatusProvider, String> link) {
        MeasureStatus sum = null;
        List<Link> links = new ArrayList<>();
        for (Reported r : reported) {
            MeasureStatus s = figures.apply(r);
            if (s == null) {
                continue;
            }
            sum = sum == null ? s : sum.plus(s);
            String href = link.apply(r.provider);
            if (href != null) {
                links.add(new Link(r.provider.recordsKey(), href));
            }
        }
        return new Cell(responsible, explicit, Optional.ofNullable(sum), links);
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
