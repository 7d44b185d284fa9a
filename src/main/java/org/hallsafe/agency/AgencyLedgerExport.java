package org.hallsafe.agency;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import org.hallsafe.agency.AgencyLedger.Filter;
import org.hallsafe.agency.AgencyLedger.Line;
import org.hallsafe.platform.LedgerWorkbook;
import org.hallsafe.platform.Spreadsheets;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The agency ledger as a spreadsheet laid out like the signed paper ledger (platform's {@link LedgerWorkbook}): the
 * ledger's name, the hall and the period, the headings repeated on every printed page (A4 landscape, fitted to the
 * width), one row per case with its number and days as numbers and dates as date cells, then the line the person
 * responsible signs.
 */
@Component
class AgencyLedgerExport {

    static final List<String> HEADINGS = List.of("agency.ledger.col.no", "agency.ledger.col.code",
            "agency.ledger.col.opened", "agency.ledger.col.channel", "agency.ledger.col.item",
            "agency.ledger.col.section", "agency.ledger.col.applicant", "agency.ledger.col.company",
            "agency.ledger.col.state", "agency.ledger.col.accepted", "agency.ledger.col.due", "agency.ledger.col.done",
            "agency.ledger.col.days", "agency.ledger.col.onTime", "agency.ledger.col.sent");

    private final Spreadsheets spreadsheets;
    private final MessageSource messages;

    AgencyLedgerExport(Spreadsheets spreadsheets, MessageSource messages) {
        this.spreadsheets = spreadsheets;
        this.messages = messages;
    }

    /** The ledger as an XLSX download through the one spreadsheet component. */
    void download(List<Line> lines, Filter filter, String hallName, Locale locale, HttpServletResponse response)
            throws IOException {
        spreadsheets.download(response, "agency-ledger-" + filter.from() + "_" + filter.to(), locale,
                book -> fill(book, lines, filter, hallName, locale));
    }

    /** Who prints the ledger and when, for the print view's third line. */
    String exported(Locale locale) {
        return spreadsheets.exported(locale);
    }

    void fill(LedgerWorkbook book, List<Line> lines, Filter filter, String hallName, Locale locale) {
        LedgerWorkbook.Sheet sheet = book.sheet(text("agency.ledger.title", locale), hallName,
                book.period(filter.from(), filter.to()), HEADINGS.stream().map(h -> text(h, locale)).toList());
        int no = 0;
        for (Line l : lines) {
            sheet.row(Arrays.asList(++no, l.code(), l.openedOn(),
                    text("agency.channel." + l.channel().name(), locale), l.itemName(), l.sectionName(),
                    l.applicantMasked(), l.company(), text("agency.state." + l.state().name(), locale),
                    l.acceptedOn(), l.dueOn(), l.doneOn(), l.workingDays(),
                    text("agency.ledger.timing." + l.timing().name(), locale), l.sentOn()));
        }
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
