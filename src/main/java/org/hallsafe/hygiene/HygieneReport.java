package org.hallsafe.hygiene;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The day's hygiene ledgers as an Excel file, laid out like the paper ones: disinfection by zone, airing, medical waste. */
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

    @Transactional(readOnly = true)
    void export(long siteId, LocalDate day, String hall, Locale locale, OutputStream out) throws IOException {
        DateTimeFormatter time = DateTimeFormatter.ofPattern("HH:mm").withZone(clock.getZone());
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(100)) {
            SXSSFSheet sheet = workbook.createSheet(text("hygiene.report.sheet", locale));
            org.hallsafe.platform.Downloads.text(sheet.createRow(0).createCell(0), text("hygiene.report.heading", locale, hall, day.toString()));
            int r = 2;
            r = row(sheet, r, text("hygiene.zone", locale), text("department.title", locale), text("hygiene.time", locale),
                    text("hygiene.method", locale), text("hygiene.concentration", locale), text("hygiene.doneBy", locale));
            for (Hygiene.ZoneNow z : coverage.on(siteId, day, clock.instant())) {
                if (z.today().isEmpty()) {
                    r = row(sheet, r, z.zone().name(), nz(z.zone().departmentName()), text("hygiene.notDone", locale), "", "", "");
                }
                for (Hygiene.Done d : z.today()) {
                    r = row(sheet, r, z.zone().name(), nz(z.zone().departmentName()), time.format(d.at()),
                            text("hygiene.method." + d.method(), locale), d.concentration() == null ? "" : d.concentration() + " " + text("hygiene.unit", locale),
                            d.doneBy());
                }
            }
            r++;
            r = row(sheet, r, text("hygiene.ventilation.title", locale));
            for (Hygiene.Aired a : airingAndWaste.aired(siteId, day)) {
                r = row(sheet, r, a.zone(), time.format(a.at()), a.minutes() + " min", a.doneBy());
            }
            r++;
            r = row(sheet, r, text("hygiene.handover.title", locale));
            r = row(sheet, r, text("hygiene.time", locale), text("hygiene.containers", locale), text("hygiene.weight", locale),
                    text("hygiene.handedBy", locale), text("hygiene.receiverName", locale), text("hygiene.receiverUnit", locale));
            for (Hygiene.Handover h : airingAndWaste.handovers(siteId, day)) {
                r = row(sheet, r, time.format(h.at()), String.valueOf(h.containers()),
                        h.weightKg() == null ? "" : h.weightKg().toPlainString(), h.handedBy(), h.receiverName(), h.receiverUnit());
            }
            workbook.write(out);
            workbook.dispose();
        }
    }

    private static int row(SXSSFSheet sheet, int r, String... cells) {
        Row row = sheet.createRow(r);
        for (int i = 0; i < cells.length; i++) {
            org.hallsafe.platform.Downloads.text(row.createCell(i), cells[i]);
        }
        return r + 1;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
