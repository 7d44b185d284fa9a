package org.hallsafe.appointments;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hallsafe.appointments.AppointmentForms.Channel;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The figures of a date range: bookings per day and channel, slot fill, no-show rate, and call outcomes. */
@Service
class Figures {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ObjectProvider<CallOutcomes> calls;

    Figures(JdbcClient jdbc, Clock clock, ObjectProvider<CallOutcomes> calls) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.calls = calls;
    }

    /** One day: bookings per channel (cancelled ones left out), places booked of those offered, no-shows of the due. */
    public record DayFigures(LocalDate day, Map<Channel, Integer> byChannel, int booked, int capacity, int noShows, int due) {

        public int total() {
            return byChannel.values().stream().mapToInt(Integer::intValue).sum();
        }

        /** Percent of the offered places booked, or -1 when none were offered. */
        public int fillPercent() {
            return capacity == 0 ? -1 : Math.round(100f * booked / capacity);
        }

        public int noShowPercent() {
            return due == 0 ? -1 : Math.round(100f * noShows / due);
        }
    }

    public record Report(List<DayFigures> days, Map<String, Integer> outcomes) {

        public int bookings() {
            return days.stream().mapToInt(DayFigures::total).sum();
        }

        public int noShowPercent() {
            int due = days.stream().mapToInt(DayFigures::due).sum();
            return due == 0 ? -1 : Math.round(100f * days.stream().mapToInt(DayFigures::noShows).sum() / due);
        }

        public int fillPercent() {
            int cap = days.stream().mapToInt(DayFigures::capacity).sum();
            return cap == 0 ? -1 : Math.round(100f * days.stream().mapToInt(DayFigures::booked).sum() / cap);
        }

        /** The charts' data: numbers and fixed names only, so it goes into a page attribute as it is. */
        public String json() {
            StringBuilder j = new StringBuilder("{\"days\":[");
            j.append(String.join(",", days.stream().map(d -> "\"" + d.day().toString().substring(5) + "\"").toList()));
            j.append("],\"channels\":{");
            j.append(String.join(",", java.util.Arrays.stream(Channel.values()).map(c -> "\"" + c + "\":"
                    + days.stream().map(d -> String.valueOf(d.byChannel().get(c))).toList()).toList()));
            j.append("},\"fill\":").append(days.stream().map(d -> d.fillPercent() < 0 ? "null" : String.valueOf(d.fillPercent())).toList());
            j.append(",\"noShow\":").append(days.stream().map(d -> d.noShowPercent() < 0 ? "null" : String.valueOf(d.noShowPercent())).toList());
            j.append(",\"outcomes\":").append(outcomes.values().stream().toList()).append('}');
            return j.toString().replace(" ", "");
        }
    }

    @Transactional(readOnly = true)
    Report report(long siteId, LocalDate from, LocalDate to) {
        String zone = clock.getZone().getId();
        Map<LocalDate, Map<Channel, Integer>> channels = new LinkedHashMap<>();
        Map<LocalDate, int[]> places = new LinkedHashMap<>();
        Map<LocalDate, int[]> shows = new LinkedHashMap<>();
        Timestamp start = Timestamp.from(from.atStartOfDay(clock.getZone()).toInstant());
        Timestamp end = Timestamp.from(to.plusDays(1).atStartOfDay(clock.getZone()).toInstant());
        jdbc.sql("""
                SELECT (starts_at AT TIME ZONE :zone)::date, channel, count(*)::int,
                       count(*) FILTER (WHERE status = 'NO_SHOW')::int,
                       count(*) FILTER (WHERE status IN ('ARRIVED','CALLED','DONE','NO_SHOW','REFUSED'))::int
                FROM bookings WHERE site_id = :site AND starts_at >= :from AND starts_at < :to AND status <> 'CANCELLED'
                GROUP BY 1, 2""")
                .param("zone", zone).param("site", siteId).param("from", start).param("to", end)
                .query((rs, n) -> {
                    LocalDate day = rs.getDate(1).toLocalDate();
                    channels.computeIfAbsent(day, d -> new LinkedHashMap<>()).put(Channel.valueOf(rs.getString(2)), rs.getInt(3));
                    int[] s = shows.computeIfAbsent(day, d -> new int[2]);
                    s[0] += rs.getInt(4);
                    s[1] += rs.getInt(5);
                    return null;
                }).list();
        jdbc.sql("""
                SELECT (starts_at AT TIME ZONE :zone)::date, sum(booked)::int, sum(capacity)::int FROM slots
                WHERE site_id = :site AND starts_at >= :from AND starts_at < :to GROUP BY 1""")
                .param("zone", zone).param("site", siteId).param("from", start).param("to", end)
                .query((rs, n) -> places.put(rs.getDate(1).toLocalDate(), new int[] {rs.getInt(2), rs.getInt(3)})).list();
        List<DayFigures> days = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            Map<Channel, Integer> c = new LinkedHashMap<>();
            for (Channel ch : Channel.values()) {
                c.put(ch, channels.getOrDefault(d, Map.of()).getOrDefault(ch, 0));
            }
            int[] p = places.getOrDefault(d, new int[2]);
            int[] s = shows.getOrDefault(d, new int[2]);
            days.add(new DayFigures(d, c, p[0], p[1], s[0], s[1]));
        }
        CallOutcomes outcomes = calls.getIfAvailable();
        return new Report(days, outcomes == null ? Map.of() : outcomes.outcomes(siteId, from, to));
    }
}
