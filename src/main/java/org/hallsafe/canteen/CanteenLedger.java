package org.hallsafe.canteen;

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
 * The canteen's paper ledgers as one Excel file, through the one spreadsheet component: the purchase inspection
 * ledger (进货查验台账, one line per item), the tableware disinfection ledger, and the food-waste handovers.
 */
@Component
class CanteenLedger {

    private final Canteen canteen;
    private final MealRecords meals;
    private final MessageSource messages;

    CanteenLedger(Canteen canteen, MealRecords meals, MessageSource messages) {
        this.canteen = canteen;
        this.meals = meals;
        this.messages = messages;
    }

    @StandbyRead
    @Transactional(readOnly = true)
    void fill(LedgerWorkbook book, long siteId, LocalDate from, LocalDate to, String hall, Locale locale) {
        String period = book.period(from, to);
        LedgerWorkbook.Sheet purchases = book.sheet(text("canteen.ledger.title", locale), hall, period, headings(locale,
                "canteen.deliveredOn", "canteen.supplier", "canteen.item.name", "canteen.item.category",
                "canteen.item.quantity", "canteen.item.unit", "canteen.item.batch", "canteen.item.producedOn",
                "canteen.item.shelfLife", "canteen.item.quarantineNo", "canteen.certificatesChecked.short",
                "canteen.invoiceNo", "canteen.item.result", "canteen.item.reason", "canteen.inspector", "record.backfill.column"));
        for (Canteen.Purchase p : canteen.purchases(siteId, from, to)) {
            for (CanteenForms.Item item : p.items()) {
                purchases.row(p.deliveredOn(), p.supplier(), item.name(),
                        text("canteen.category." + item.category(), locale), item.quantity(),
                        item.unit(), item.batch(), item.producedOn(),
                        item.shelfLife(), item.quarantineNo(),
                        text(p.certificatesChecked() ? "canteen.yes" : "canteen.no", locale), p.invoiceNo(),
                        text("canteen.result." + item.result(), locale), item.reason(), book.person(p.inspector()),
                        p.backfilled() ? text("record.backfilled.because", locale, p.backfillReason()) : "");
            }
        }
        LedgerWorkbook.Sheet tableware = book.sheet(text("canteen.tableware.title", locale), hall, period, headings(locale,
                "hygiene.time", "canteen.meal", "hygiene.method", "canteen.concentration", "canteen.minutes",
                "canteen.temperature", "hygiene.doneBy"));
        for (Canteen.Tableware d : meals.tableware(siteId, from, to)) {
            tableware.row(d.at(), text("canteen.meal." + d.meal(), locale),
                    text("canteen.tableware." + d.method(), locale), d.concentration(), d.minutes(), d.temperature(),
                    book.person(d.doneBy()));
        }
        LedgerWorkbook.Sheet waste = book.sheet(text("canteen.waste.title", locale), hall, period,
                headings(locale, "hygiene.time", "canteen.waste.kg", "canteen.waste.handedTo"));
        for (Canteen.Waste x : meals.waste(siteId, from, to)) {
            waste.row(x.at(), x.kg(), x.handedTo());
        }
    }

    private List<String> headings(Locale locale, String... keys) {
        return Stream.of(keys).map(k -> text(k, locale)).toList();
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
