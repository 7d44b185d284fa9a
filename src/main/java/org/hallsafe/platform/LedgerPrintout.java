package org.hallsafe.platform;

import java.util.List;

/**
 * A {@link LedgerWorkbook} as the one print view ({@code fragments/ledger-print}) shows it: every ledger of the
 * workbook on A4 landscape, with who printed it and when, and the line the person responsible signs.
 *
 * @param exported who printed it and when
 * @param ledgers the ledgers, each a table on paper
 */
public record LedgerPrintout(String exported, List<Ledger> ledgers) {

    /** One ledger: its title line, the hall and period, the headings, the rows; truncated when it held more. */
    public record Ledger(String title, String under, List<String> headings, List<List<Cell>> rows, boolean truncated) {
    }

    /** A cell on paper: its text, and whether it is a number (right-aligned, like the numbers people compare). */
    public record Cell(String text, boolean number) {
    }
}
