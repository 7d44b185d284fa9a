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

/** The purchase inspection ledger (进货查验台账) as an Excel file laid out like the paper one: one line per item. */
@Component
class CanteenLedger {

    private final Canteen canteen;
    private final MessageSource messages;

    CanteenLedger(Canteen canteen, MessageSource messages) {
        this.canteen = canteen;
        this.messages = messages;
    }

    @Transactional(readOnly = true)
    void export(long siteId, LocalDate from, LocalDate to, String hall, Locale locale, OutputStream out) throws IOException {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(100)) {
            SXSSFSheet sheet = workbook.createSheet(text("canteen.ledger.sheet", locale));
            sheet.createRow(0).createCell(0).setCellValue(text("canteen.ledger.heading", locale, hall, from.toString(), to.toString()));
            String[] head = {"canteen.deliveredOn", "canteen.supplier", "canteen.item.name", "canteen.item.category",
                    "canteen.item.quantity", "canteen.item.unit", "canteen.item.batch", "canteen.item.producedOn",
                    "canteen.item.shelfLife", "canteen.item.quarantineNo", "canteen.certificatesChecked.short",
                    "canteen.invoiceNo", "canteen.item.result", "canteen.item.reason", "canteen.inspector"};
            Row h = sheet.createRow(2);
            for (int i = 0; i < head.length; i++) {
                h.createCell(i).setCellValue(text(head[i], locale));
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
                        row.createCell(i).setCellValue(v[i]);
                    }
                }
            }
            workbook.write(out);
            workbook.dispose();
        }
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
