package org.hallsafe.hygiene;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.hallsafe.platform.LedgerWorkbook;
import org.hallsafe.platform.StandbyRead;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The day's hygiene ledgers as an Excel file through the one spreadsheet component, laid out like the paper ones:
 * disinfection by zone, airing, medical waste, a sheet each.
 */
@Component
class HygieneReport {

    private final Coverage coverage;
    private final AiringAndWaste airingAndWaste;
    private final MessageSource messages;
    private final Clock clock;

    HygieneReport(Coverage coverage, AiringAndWaste airingAndWaste, MessageSource messages, Clock clock) {
        this.coverage = coverage;
        this.airingAndWaste = airingAndWaste;
        this.messages = messages;
        this.clock = clock;
    }

    /** The day's report page: zones and their disinfection, zones left out, airing, waste removed and handed over. */
    record Day(List<Hygiene.ZoneNow> zones, List<Hygiene.Zone> uncovered, List<Hygiene.Aired> aired,
            List<Hygiene.Removed> removed, List<Hygiene.Handover> handovers) {
    }

    @StandbyRead
    @Transactional(readOnly = true)
    Day day(long siteId, LocalDate day) {
        return new Day(coverage.on(siteId, day, clock.instant()), coverage.uncovered(siteId, day),
                airingAndWaste.aired(siteId, day), airingAndWaste.removed(siteId, day),
                airingAndWaste.handovers(siteId, day));
    }

    @StandbyRead
    @Transactional(readOnly = true)
    void fill(LedgerWorkbook book, long siteId, LocalDate day, String hall, Locale locale) {
        String period = book.period(day, day);
        LedgerWorkbook.Sheet disinfection = book.sheet(text("hygiene.report.sheet", locale), hall, period,
                headings(locale, "hygiene.zone", "department.title", "hygiene.time", "hygiene.method",
                        "hygiene.concentration", "hygiene.doneBy", "record.backfill.column"));
        for (Hygiene.ZoneNow z : coverage.on(siteId, day, clock.instant())) {
            if (z.today().isEmpty()) {
                disinfection.row(z.zone().name(), z.zone().departmentName(), text("hygiene.notDone", locale));
            }
            for (Hygiene.Done d : z.today()) {
                disinfection.row(z.zone().name(), z.zone().departmentName(), d.at(),
                        text("hygiene.method." + d.method(), locale),
                        d.concentration() == null ? "" : d.concentration() + " " + text("hygiene.unit", locale),
                        book.person(d.doneBy()), d.backfilled() ? text("record.backfilled.because", locale, d.backfillReason()) : "");
            }
        }
        LedgerWorkbook.Sheet airing = book.sheet(text("hygiene.ventilation.title", locale), hall, period,
                headings(locale, "hygiene.zone", "hygiene.time", "hygiene.minutes", "hygiene.doneBy"));
        for (Hygiene.Aired a : airingAndWaste.aired(siteId, day)) {
            airing.row(a.zone(), a.at(), a.minutes(), book.person(a.doneBy()));
        }
        LedgerWorkbook.Sheet handovers = book.sheet(text("hygiene.handover.title", locale), hall, period,
                headings(locale, "hygiene.time", "hygiene.containers", "hygiene.weight", "hygiene.handedBy",
                        "hygiene.receiverName", "hygiene.receiverUnit"));
        for (Hygiene.Handover h : airingAndWaste.handovers(siteId, day)) {
            handovers.row(h.at(), h.containers(), h.weightKg(), book.person(h.handedBy()), h.receiverName(),
                    h.receiverUnit());
        }
    }

    private List<String> headings(Locale locale, String... keys) {
        return Stream.of(keys).map(k -> text(k, locale)).toList();
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
