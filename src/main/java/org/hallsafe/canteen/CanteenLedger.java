package org.hallsafe.canteen;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.hallsafe.platform.LedgerWorkbook;
import org.hallsafe.platform.Spreadsheets;
import org.hallsafe.platform.StandbyRead;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The canteen's paper ledgers as one Excel file, through the one spreadsheet component: the purchase inspection
 * ledger (进货查验台账, one line per item), the tableware disinfection ledger, and the food-waste handovers.
 */
@Component
class CanteenLedger {

    private final Canteen canteen;
    private final MealRecords meals;
    private final Spreadsheets spreadsheets;
    private final MessageSource messages;
    private final Clock clock;

    CanteenLedger(Canteen canteen, MealRecords meals, Spreadsheets spreadsheets, MessageSource messages, Clock clock) {
        this.canteen = canteen;
        this.meals = meals;
        this.spreadsheets = spreadsheets;
        this.messages = messages;
        this.clock = clock;
    }

    @StandbyRead
    @Transactional(readOnly = true)
    void export(long siteId, LocalDate from, LocalDate to, String hall, Locale locale, OutputStream out) throws IOException {
        DateTimeFormatter time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(clock.getZone());
        try (LedgerWorkbook book = spreadsheets.workbook(locale)) {
            String period = book.period(from, to);
            LedgerWorkbook.Sheet purchases = book.sheet(text("canteen.ledger.title", locale), hall, period, headings(locale,
                    "canteen.deliveredOn", "canteen.supplier", "canteen.item.name", "canteen.item.category",
                    "canteen.item.quantity", "canteen.item.unit", "canteen.item.batch", "canteen.item.producedOn",
                    "canteen.item.shelfLife", "canteen.item.quarantineNo", "canteen.certificatesChecked.short",
                    "canteen.invoiceNo", "canteen.item.result", "canteen.item.reason", "canteen.inspector", "record.backfill.column"));
            for (Canteen.Purchase p : canteen.purchases(siteId, from, to)) {
                for (CanteenForms.Item item : p.items()) {
                    purchases.row(p.deliveredOn().toString(), p.supplier(), item.name(),
                            text("canteen.category." + item.category(), locale), item.quantity().toPlainString(),
                            item.unit(), item.batch(), item.producedOn() == null ? "" : item.producedOn().toString(),
                            item.shelfLife(), item.quarantineNo(),
                            text(p.certificatesChecked() ? "canteen.yes" : "canteen.no", locale), p.invoiceNo(),
                            text("canteen.result." + item.result(), locale), item.reason(), p.inspector(),
                            p.backfilled() ? text("record.backfilled.because", locale, p.backfillReason()) : "");
                }
            }
            LedgerWorkbook.Sheet tableware = book.sheet(text("canteen.tableware.title", locale), hall, period, headings(locale,
                    "hygiene.time", "canteen.meal", "hygiene.method", "canteen.concentration", "canteen.minutes",
                    "canteen.temperature", "hygiene.doneBy"));
            for (Canteen.Tableware d : meals.tableware(siteId, from, to)) {
                tableware.row(time.format(d.at()), text("canteen.meal." + d.meal(), locale),
                        text("canteen.tableware." + d.method(), locale), d.concentration(), d.minutes(), d.temperature(),
                        d.doneBy());
            }
            LedgerWorkbook.Sheet waste = book.sheet(text("canteen.waste.title", locale), hall, period,
                    headings(locale, "hygiene.time", "canteen.waste.kg", "canteen.waste.handedTo"));
            for (Canteen.Waste x : meals.waste(siteId, from, to)) {
                waste.row(time.format(x.at()), x.kg(), x.handedTo());
            }
            book.write(out);
        }
    }

    private List<String> headings(Locale locale, String... keys) {
        return Stream.of(keys).map(k -> text(k, locale)).toList();
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
