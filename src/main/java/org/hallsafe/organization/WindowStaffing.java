package org.hallsafe.organization;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.hallsafe.organization.Views.StaffView;
import org.hallsafe.organization.Views.WindowView;
import org.springframework.stereotype.Component;

/**
 * R-ORG (组织领导) in the responsibility matrix: every window of the hall has a person on it, so each window has a
 * responsible head (the plan's "各科室、窗口负责人"). A window with staff counts done, one without counts overdue; the
 * owning sections (the office, by the plan) see the hall's sum, each window its own. Staffing is today's: the
 * directory keeps no history, so a past day shows the windows as they are now.
 */
@Component
class WindowStaffing implements MeasureStatusProvider {

    private final Directory directory;
    private final StaffDirectory staff;
    private final Measures measures;

    WindowStaffing(Directory directory, StaffDirectory staff, Measures measures) {
        this.directory = directory;
        this.staff = staff;
        this.measures = measures;
    }

    @Override
    public String measureCode() {
        return PlanMeasure.R_ORG.code();
    }

    @Override
    public Map<Long, MeasureStatus> statuses(long siteId, LocalDate day) {
        Set<Long> owners = measures.owners(siteId).getOrDefault(measureCode(), Set.of());
        if (owners.isEmpty()) {
            return Map.of();
        }
        MeasureStatus hall = windowStatuses(siteId, day).values().stream()
                .reduce(new MeasureStatus(0, 0, 0), MeasureStatus::plus);
        Map<Long, MeasureStatus> out = new HashMap<>();
        owners.forEach(owner -> out.put(owner, hall));
        return out;
    }

    @Override
    public Map<Long, MeasureStatus> windowStatuses(long siteId, LocalDate day) {
        Map<Long, Long> staffed = staff.search(siteId, "", null, false).stream().filter(s -> s.windowId() != null)
                .collect(Collectors.groupingBy(StaffView::windowId, Collectors.counting()));
        return directory.windows(siteId, "", false).stream().collect(Collectors.toMap(WindowView::id,
                w -> staffed.containsKey(w.id()) ? new MeasureStatus(1, 0, 0) : new MeasureStatus(0, 0, 1)));
    }

    /** The hall's windows (those in use): the ones counted. */
    @Override
    public String sectionLink(long siteId, long sectionId, LocalDate day) {
        return "/org/windows";
    }

    /** The staff on that window. */
    @Override
    public String windowLink(long siteId, long windowId, LocalDate day) {
        return "/org/staff?window=" + windowId;
    }

    @Override
    public String recordsKey() {
        return "measure.records.windows";
    }
}
