package org.hallsafe.organization;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

/**
 * R-ORG (组织领导) in the responsibility matrix: the leadership group is complete, i.e. it has a leader (组长), a deputy
 * (副组长) and an office director (办公室主任). Each of the three places filled counts done, each empty one overdue;
 * the owning sections of R-ORG (the office, by the plan) see it. The group is today's: a past day shows it as it is.
 */
@Component
class LeadershipGroup implements MeasureStatusProvider {

    /** The places the plan requires to be filled. */
    static final List<LeadershipRole> REQUIRED = List.of(LeadershipRole.LEADER, LeadershipRole.DEPUTY,
            LeadershipRole.OFFICE_DIRECTOR);

    private final Leadership leadership;
    private final Measures measures;

    LeadershipGroup(Leadership leadership, Measures measures) {
        this.leadership = leadership;
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
        Set<LeadershipRole> filled = EnumSet.noneOf(LeadershipRole.class);
        leadership.members(siteId, false).forEach(m -> filled.add(m.role()));
        int done = (int) REQUIRED.stream().filter(filled::contains).count();
        MeasureStatus group = new MeasureStatus(done, 0, REQUIRED.size() - done);
        Map<Long, MeasureStatus> out = new HashMap<>();
        owners.forEach(owner -> out.put(owner, group));
        return out;
    }

    /** The leadership group page: the places counted. */
    @Override
    public String sectionLink(long siteId, long sectionId, LocalDate day) {
        return "/org/leadership";
    }

    @Override
    public String recordsKey() {
        return "measure.records.leadership";
    }
}
