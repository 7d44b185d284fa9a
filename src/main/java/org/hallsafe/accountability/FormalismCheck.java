package org.hallsafe.accountability;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.hallsafe.organization.HallCalendar;
import org.hallsafe.organization.SectionFlags;
import org.hallsafe.organization.WrittenRecords;
import org.hallsafe.organization.WrittenRecords.WrittenRecord;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The formalism check run over a hall's day (issue 16, item 6): every module's hand-written records
 * ({@link WrittenRecords}) grouped by section, each group through {@link FormalismRules}. The responsibility matrix and
 * the daily briefing read the flags through {@link SectionFlags}; the flags page lists them with their records.
 */
@Component
class FormalismCheck implements SectionFlags {

    /** A finding of one section (null: records that name no section, such as the gate's). */
    record Flagged(Long sectionId, FormalismRules.Finding finding) {
    }

    private final ObjectProvider<WrittenRecords> writers;
    private final HallCalendar calendar;
    private final Clock clock;

    FormalismCheck(ObjectProvider<WrittenRecords> writers, HallCalendar calendar, Clock clock) {
        this.writers = writers;
        this.calendar = calendar;
        this.clock = clock;
    }

    List<Flagged> findings(long siteId, LocalDate day) {
        List<WrittenRecord> all = writers.orderedStream().flatMap(w -> w.written(siteId, day).stream()).toList();
        if (all.isEmpty()) {
            return List.of();
        }
        Instant closes = closes(siteId, day);
        List<Flagged> out = new ArrayList<>();
        for (Map.Entry<Long, List<WrittenRecord>> section : FormalismRules.bySection(all).entrySet()) {
            for (FormalismRules.Finding f : FormalismRules.check(section.getValue(), closes)) {
                out.add(new Flagged(section.getKey(), f));
            }
        }
        return out;
    }

    @Override
    public List<Flag> flags(long siteId, LocalDate day) {
        return findings(siteId, day).stream().map(f -> new Flag(f.finding().rule().key(), f.sectionId(),
                f.finding().detail(), link(day, f))).toList();
    }

    /** The flags page of the day, at the flag's own entry. */
    static String link(LocalDate day, Flagged f) {
        return "/accountability/flags?day=" + day + "#" + anchor(f);
    }

    static String anchor(Flagged f) {
        return "flag-" + (f.sectionId() == null ? "hall" : f.sectionId()) + "-" + f.finding().rule().name();
    }

    /** When the hall closed that day; a closed day (records anyway) ends at midnight. */
    private Instant closes(long siteId, LocalDate day) {
        LocalTime closes = calendar.hours(siteId, day).closes();
        return closes == null ? day.plusDays(1).atStartOfDay(clock.getZone()).toInstant()
                : day.atTime(closes).atZone(clock.getZone()).toInstant();
    }
}
