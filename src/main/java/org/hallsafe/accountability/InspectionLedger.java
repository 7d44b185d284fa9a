package org.hallsafe.accountability;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.hallsafe.platform.Formats;
import org.hallsafe.platform.LedgerWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The inspection ledger (督查台账): every checklist item of the period's inspections with its result, and for a
 * finding its section, deadline and where the rectification stands. One list for the print view and the Excel file.
 */
@Component
class InspectionLedger {

    record Row(Inspections.Summary inspection, Inspections.Item item) {
    }

    private final Inspections inspections;
    private final MessageSource messages;
    private final Formats formats;

    InspectionLedger(Inspections inspections, MessageSource messages, Formats formats) {
        this.inspections = inspections;
        this.messages = messages;
        this.formats = formats;
    }

    @Transactional(readOnly = true)
    List<Row> rows(long siteId, boolean runs, LocalDate from, LocalDate to) {
        List<Row> rows = new ArrayList<>();
        for (Inspections.Summary s : inspections.list(siteId, runs, from, to)) {
            inspections.get(siteId, s.id(), runs).items().forEach(i -> rows.add(new Row(s, i)));
        }
        return rows;
    }

    @Transactional(readOnly = true)
    void fill(LedgerWorkbook book, long siteId, boolean runs, LocalDate from, LocalDate to, String hall, Locale locale) {
        LedgerWorkbook.Sheet sheet = book.sheet(text("inspection.ledger.title", locale), hall, book.period(from, to),
                Stream.of("inspection.plannedOn", "inspection.title", "inspection.state", "inspection.measure",
                        "inspection.item", "inspection.result", "inspection.note", "inspection.place",
                        "inspection.section", "inspection.dueOn", "rectification.title", "inspection.recordedBy")
                        .map(k -> text(k, locale)).toList());
        for (Row r : rows(siteId, runs, from, to)) {
            Inspections.Item i = r.item();
            sheet.row(r.inspection().plannedOn(), r.inspection().title(),
                    text("inspection.state." + r.inspection().state(), locale), text("measure." + i.measureCode(), locale), i.item(),
                    text(i.result() == null ? "inspection.result.none" : "inspection.result." + i.result(), locale),
                    i.note(), i.place(), i.departmentName() == null ? "" : i.departmentName(),
                    i.dueOn(),
                    i.rectificationState() == null ? "" : text("rectification.state." + i.rectificationState(), locale),
                    i.recordedBy() == null ? "" : book.person(i.recordedBy()) + " " + formats.dateTime(i.recordedAt()));
        }
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }
}
