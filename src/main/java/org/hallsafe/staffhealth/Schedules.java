package org.hallsafe.staffhealth;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.hallsafe.platform.ActivityLog;
import org.hallsafe.platform.InvalidInputException;
import org.hallsafe.platform.SignedIn;
import org.hallsafe.staffhealth.StaffDay.Group;
import org.hallsafe.staffhealth.StaffDay.Schedule;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Each group's working hours in a hall (the plan's hall until a hall sets its own). */
@Service
class Schedules {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ActivityLog activity;

    Schedules(JdbcClient jdbc, Clock clock, ActivityLog activity) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.activity = activity;
    }

    @Transactional(readOnly = true)
    Map<Group, Schedule> schedules(long siteId) {
        Map<Group, Schedule> all = new HashMap<>();
        for (Group g : Group.values()) {
            all.put(g, Schedule.DEFAULT);
        }
        jdbc.sql("""
                SELECT staff_group, morning_start, morning_end, afternoon_start, afternoon_end, working_days
                FROM staffhealth_schedules WHERE site_id = :site""").param("site", siteId)
                .query((rs, n) -> all.put(Group.valueOf(rs.getString(1)), new Schedule(rs.getTime(2).toLocalTime(),
                        rs.getTime(3).toLocalTime(), rs.getTime(4).toLocalTime(), rs.getTime(5).toLocalTime(),
                        Arrays.stream(rs.getString(6).split(",")).filter(d -> !d.isBlank())
                                .map(d -> DayOfWeek.of(Integer.parseInt(d)))
                                .collect(Collectors.toCollection(() -> EnumSet.noneOf(DayOfWeek.class))))))
                .list();
        return all;
    }

    @Transactional
    void saveSchedule(long siteId, Group group, Schedule s) {
        if (s.morningStart() == null || s.morningEnd() == null || s.afternoonStart() == null || s.afternoonEnd() == null
                || !s.morningStart().isBefore(s.morningEnd()) || s.morningEnd().isAfter(s.afternoonStart())
                || !s.afternoonStart().isBefore(s.afternoonEnd())) {
            throw new InvalidInputException("morningStart", "staffhealth.schedule.order");
        }
        jdbc.sql("""
                INSERT INTO staffhealth_schedules (site_id, staff_group, morning_start, morning_end, afternoon_start,
                    afternoon_end, working_days, updated_at, updated_by)
                VALUES (:site, :group, :ms, :me, :as, :ae, :days, :now, :by)
                ON CONFLICT (site_id, staff_group) DO UPDATE SET morning_start = excluded.morning_start,
                    morning_end = excluded.morning_end, afternoon_start = excluded.afternoon_start,
                    afternoon_end = excluded.afternoon_end, working_days = excluded.working_days,
                    updated_at = excluded.updated_at, updated_by = excluded.updated_by""")
                .param("site", siteId).param("group", group.name()).param("ms", s.morningStart())
                .param("me", s.morningEnd()).param("as", s.afternoonStart()).param("ae", s.afternoonEnd())
                .param("days", s.workingDays().stream().map(d -> String.valueOf(d.getValue())).sorted().collect(Collectors.joining(",")))
                .param("now", Timestamp.from(clock.instant())).param("by", SignedIn.actor()).update();
        activity.record("UPDATED", "staffhealth-schedule", group, s.morningStart() + "-" + s.afternoonEnd());
    }
}
