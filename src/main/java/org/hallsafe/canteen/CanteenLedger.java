package org.hallsafe.canteen;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.Locale;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The canteen's paper ledgers as one Excel file: the purchase inspection ledger (进货查验台账, one line per item), the
 * tableware disinfection ledger, and the food-waste handovers.
 */
@Component
class CanteenLedger {

    private final Canteen canteen;
    private final MealRecords meals;
    private final MessageSource messages;
    private final java.time.Clock clock;

    CanteenLedger(Canteen canteen, MealRecords meals, MessageSource messages, java.time.Clock clock) {
        this.canteen = canteen;
        this.meals = meals;
        this.messages = messages;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    void export(long siteId, LocalDate from, LocalDate to, String hall, Locale locale, OutputStream out) throws IOException {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(100)) {
            SXSSFSheet sheet = workbook.createSheet(text("canteen.ledger.sheet", locale));
            org.hallsafe.platform.Downloads.text(sheet.createRow(0).createCell(0), text("canteen.ledger.heading", locale, hall, from.toString(), to.toString()));
            String[] head = {"canteen.deliveredOn", "canteen.supplier", "canteen.item.name", "canteen.item.category",
                    "canteen.item.quantity", "canteen.item.unit", "canteen.item.batch", "canteen.item.producedOn",
                    "canteen.item.shelfLife", "canteen.item.quarantineNo", "canteen.certificatesChecked.short",
                    "canteen.invoiceNo", "canteen.item.result", "canteen.item.reason", "canteen.inspector"};
            Row h = sheet.createRow(2);
            for (int i = 0; i < head.length; i++) {
                org.hallsafe.platform.Downloads.text(h.createCell(i), text(head[i], locale));
            }
            int r = 3;
            for (Canteen.Purchase p : canteen.purchases(siteId, from, to)) {
                for (CanteenForms.Item item : p.items()) {
                    Row row = sheet.createRow(r++);
                    String[] v = {p.deliveredOn().toString(), p.supplier(), item.name(),
                            text("canteen.category." + item.category(), locale), item.quantity().toPlainString(),
                            item.unit(), item.batch(), item.producedOn() == null ? "" : item.producedOn().toString(),
                            item.shelfLife(), item.quarantineNo(), text(p.certificatesChecked() ? "canteen.yes" : "canteen.no", locale),
                            p.invoiceNo(), text("canteen.result." + item.result(), locale), item.reason(), p.inspector()};
                    for (int i = 0; i < v.length; i++) {
                        org.hallsafe.platform.Downloads.text(row.createCell(i), v[i]);
                    }
                }
            }
            java.time.format.DateTimeFormatter time = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
                    .withZone(clock.getZone());
            SXSSFSheet tableware = workbook.createSheet(text("canteen.tableware.title", locale));
            Row th = tableware.createRow(0);
            String[] theads = {"hygiene.time", "canteen.meal", "hygiene.method", "canteen.concentration", "canteen.minutes",
                    "canteen.temperature", "hygiene.doneBy"};
            for (int i = 0; i < theads.length; i++) {
                org.hallsafe.platform.Downloads.text(th.createCell(i), text(theads[i], locale));
            }
            int t = 1;
            for (Canteen.Tableware d : meals.tableware(siteId, from, to)) {
                Row row = tableware.createRow(t++);
                String[] v = {time.format(d.at()), text("canteen.meal." + d.meal(), locale),
                        text("canteen.tableware." + d.method(), locale),
                        d.concentration() == null ? "" : String.valueOf(d.concentration()), String.valueOf(d.minutes()),
                        d.temperature() == null ? "" : String.valueOf(d.temperature()), d.doneBy()};
                for (int i = 0; i < v.length; i++) {
                    org.hallsafe.platform.Downloads.text(row.createCell(i), v[i]);
                }
            }
            SXSSFSheet waste = workbook.createSheet(text("canteen.waste.title", locale));
            Row wh = waste.createRow(0);
            org.hallsafe.platform.Downloads.text(wh.createCell(0), text("hygiene.time", locale));
            org.hallsafe.platform.Downloads.text(wh.createCell(1), text("canteen.waste.kg", locale));
            org.hallsafe.platform.Downloads.text(wh.createCell(2), text("canteen.waste.handedTo", locale));
            int w = 1;
            for (Canteen.Waste x : meals.waste(siteId, from, to)) {
                Row row = waste.createRow(w++);
                org.hallsafe.platform.Downloads.text(row.createCell(0), time.format(x.at()));
                row.createCell(1).setCellValue(x.kg().doubleValue());
                org.hallsafe.platform.Downloads.text(row.createCell(2), x.handedTo());
            }
            workbook.write(out);
            workbook.dispose();
        }
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
