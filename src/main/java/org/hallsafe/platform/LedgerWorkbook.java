package org.hallsafe.platform;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.context.MessageSource;

/**
 * One export's workbook, laid out like the signed paper ledger (台账, issue 13 item 6 and issue 20 item 4): row 1 the
 * hall's and the ledger's name, row 2 the hall and the period, row 3 who exported it and when, row 4 the headings
 * (frozen, repeated on every printed page), the rows, and at the end the line the person responsible signs (负责人签字 /
 * 日期). Columns are as wide as their longest value (a Chinese character counts double), dates and times are date
 * cells, numbers are numbers; A4 landscape, one page wide, "第 N 页 共 M 页" in the footer.
 * <p>
 * The same code prints: a workbook opened with {@link Spreadsheets#printout} keeps the rows for the one print view
 * ({@code fragments/ledger-print}) instead of writing cells, so every ledger that exports also prints, from one source.
 * Open it with {@link Spreadsheets#workbook}; write it once with {@link #write}; close it (try-with-resources) to
 * remove its temporary files. Text goes in through {@link Downloads#text}, so no cell is taken for a formula.
 */
public final class LedgerWorkbook implements AutoCloseable {

    /** Rows of a sheet: under the 1,048,576 an XLSX sheet holds, with the title, headings and signature lines. */
    static final int ROWS_PER_SHEET = 1_000_000;

    /** Title, hall and period, who exported it, then the headings. */
    static final int HEADING_ROW = 3;

    /** The widest a column grows, in characters: a long note wraps rather than making a sheet no one can print. */
    static final int MAX_WIDTH = 60;


    private final MessageSource messages;
    private final Locale locale;
    private final ZoneId zone;
    private final String exportedBy;
    private final ZonedDateTime exportedAt;
    private final Function<String, String> names;
    /** Zero for a spreadsheet; otherwise a print-out keeping at most this many rows per ledger. */
    private final int printLimit;
    private final SXSSFWorkbook workbook;
    private final List<Sheet> sheets = new ArrayList<>();
    private final Styles styles;
    private int rowsPerSheet = ROWS_PER_SHEET;

    LedgerWorkbook(MessageSource messages, Locale locale, ZoneId zone, String exportedBy, ZonedDateTime exportedAt,
            Function<String, String> names, int printLimit) {
        this.messages = messages;
        this.locale = locale;
        this.zone = zone;
        this.exportedBy = exportedBy;
        this.exportedAt = exportedAt;
        this.names = names;
        this.printLimit = printLimit;
        this.workbook = printLimit > 0 ? null : new FastWorkbook();
        this.styles = workbook == null ? null : new Styles(workbook);
    }

    /** For tests: a smaller sheet, to see a ledger go on in a second sheet without a million rows. */
    public LedgerWorkbook rowsPerSheet(int rows) {
        this.rowsPerSheet = rows;
        return this;
    }

    /** The period of a ledger in the reader's words: "2026-12-01 至 2026-12-07"; an open end is left blank. */
    public String period(LocalDate from, LocalDate to) {
        return word("spreadsheet.period.range", from == null ? "" : from.toString(), to == null ? "" : to.toString());
    }

    /**
     * The real name of the person behind a login name, for the screener's or recorder's column: {@code zhangjg} becomes
     * {@code 张建国}; a value that is no login (a name typed on a form) stays as it is.
     */
    public String person(String login) {
        return names.apply(login);
    }

    /** "导出人：张建国　导出时间：2026-11-28 14:05": the third line of every ledger, on paper and in the file. */
    public String exported() {
        return word("spreadsheet.exported", exportedBy, Cells.DATE_TIME.format(exportedAt));
    }

    /**
     * A new ledger sheet. {@code title} also names the sheet tab (cut to Excel's 31 characters); {@code hall} and
     * {@code period} go on the line under it ({@code period} may be empty, say for a roster without dates).
     */
    public Sheet sheet(String title, String hall, String period, List<String> headings) {
        Sheet sheet = new Sheet(title, hall, period, List.copyOf(headings));
        sheets.add(sheet);
        return sheet;
    }

    /** Finishes every sheet with its widths and the signature line and writes the workbook; call once. */
    public void write(OutputStream out) throws IOException {
        if (workbook == null) {
            throw new IllegalStateException("a print-out is shown, not written");
        }
        for (Sheet sheet : sheets) {
            sheet.finish();
        }
        workbook.write(out);
    }

    /** What the one print view shows: every ledger of this workbook, with who printed it and when. */
    public LedgerPrintout printout() {
        return new LedgerPrintout(exported(), sheets.stream().map(s -> new LedgerPrintout.Ledger(s.heading(), s.under(),
                s.headings, List.copyOf(s.printed), s.rows > s.printed.size())).toList());
    }

    /** Removes the temporary files. */
    @Override
    public void close() throws IOException {
        if (workbook != null) {
            workbook.dispose();
            workbook.close();
        }
    }

    private String word(String key, Object... args) {
        return messages.getMessage(key, args, locale);
    }

    /** One ledger: rows go in order; past {@link #rowsPerSheet} it goes on in a further tab with its headings. */
    public final class Sheet {
        private final String title;
        private final String hall;
        private final String period;
        private final List<String> headings;
        private final List<SXSSFSheet> parts = new ArrayList<>();
        private final int[] widths;
        private final List<List<LedgerPrintout.Cell>> printed = new ArrayList<>();
        private int rows;

        private Sheet(String title, String hall, String period, List<String> headings) {
            this.title = title;
            this.hall = hall;
            this.period = period;
            this.headings = headings;
            this.widths = new int[headings.size()];
            for (int c = 0; c < headings.size(); c++) {
                widths[c] = Math.min(TextWidth.of(headings.get(c)), 20); // a long heading wraps in its cell
            }
            if (workbook != null) {
                parts.add(start(0));
            }
        }

        /** Row 1: the hall's and the ledger's name. */
        String heading() {
            return hall == null || hall.isBlank() ? title : hall + " " + title;
        }

        /** Row 2: the hall and the period. */
        String under() {
            String hallWords = word("spreadsheet.hall", hall == null ? "" : hall);
            String periodWords = period == null || period.isEmpty() ? "" : word("spreadsheet.period", period);
            return (hallWords + "　" + periodWords).strip();
        }

        /**
         * Columns whose cells stay text when someone types into them (a template to fill in: Excel would turn an
         * 18-digit ID number into a rounded number, and a phone number's or card's leading zero would go).
         */
        public Sheet textColumns(int... columns) {
            if (workbook == null) {
                return this;
            }
            CellStyle text = workbook.createCellStyle();
            text.setDataFormat(workbook.createDataFormat().getFormat("@"));
            for (SXSSFSheet part : parts) {
                for (int c : columns) {
                    part.setDefaultColumnStyle(c, text);
                }
            }
            return this;
        }

        /** The rows written so far. */
        public int rows() {
            return rows;
        }

        /**
         * One row: a {@link Number} becomes a number cell (a temperature adds up and sorts as one); a
         * {@link LocalDate}, {@link Instant} (in the hall's zone), {@link LocalDateTime} or {@link LocalTime} a date
         * cell with its format; null or empty text an empty cell; anything else its text.
         */
        public void row(Object... values) {
            row(java.util.Arrays.asList(values));
        }

        public void row(List<?> values) {
            if (workbook == null) {
                rows++;
                if (printed.size() < printLimit) {
                    printed.add(values.stream().map(v -> Cells.printed(v, zone)).toList());
                }
                return;
            }
            int part = rows / rowsPerSheet;
            if (part == parts.size()) {
                parts.add(start(part));
            }
            Row row = parts.get(part).createRow(HEADING_ROW + 1 + rows % rowsPerSheet);
            rows++;
            for (int c = 0; c < values.size(); c++) {
                Object value = values.get(c);
                if (value == null || value instanceof String s && s.isEmpty()) {
                    continue; // left out: the sheet looks the same and is quicker to write
                }
                Cell cell = row.createCell(c);
                int width = cell(cell, value);
                if (c < widths.length && width > widths[c]) {
                    widths[c] = width;
                }
            }
        }

        /** Writes one value with its type; answers how many characters it shows. */
        private int cell(Cell cell, Object value) {
            if (value instanceof Number n) {
                cell.setCellStyle(styles.plain);
                cell.setCellValue(n.doubleValue());
                return Cells.number(n).length();
            }
            if (value instanceof LocalDate d) {
                cell.setCellValue(d);
                cell.setCellStyle(styles.dateStyle);
                return 10;
            }
            if (value instanceof LocalTime t) {
                cell.setCellValue(t.toSecondOfDay() / 86_400.0);
                cell.setCellStyle(styles.timeStyle);
                return 5;
            }
            LocalDateTime at = Cells.dateTime(value, zone);
            if (at != null) {
                cell.setCellValue(at);
                cell.setCellStyle(styles.dateTimeStyle);
                return 16;
            }
            String text = value.toString();
            int width = TextWidth.of(text);
            // explicit: POI then skips looking up the column's style for each cell
            cell.setCellStyle(width > MAX_WIDTH ? styles.wrapStyle : styles.plain);
            Downloads.text(cell, text);
            return width;
        }

        private SXSSFSheet start(int part) {
            String name = title.length() > 26 ? title.substring(0, 26) : title;
            SXSSFSheet sheet = workbook.createSheet(part == 0 ? name : name + " (" + (part + 1) + ")");
            int width = Math.max(1, headings.size());
            Cell titleCell = sheet.createRow(0).createCell(0);
            Downloads.text(titleCell, heading());
            titleCell.setCellStyle(styles.titleStyle);
            if (width > 1) {
                sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, width - 1));
            }
            Row under = sheet.createRow(1);
            String hallWords = word("spreadsheet.hall", hall == null ? "" : hall);
            String periodWords = period == null || period.isEmpty() ? "" : word("spreadsheet.period", period);
            if (width < 2) {
                Downloads.text(under.createCell(0), (hallWords + "  " + periodWords).strip());
            } else {
                Downloads.text(under.createCell(0), hallWords);
                if (!periodWords.isEmpty()) {
                    Downloads.text(under.createCell(width / 2), periodWords);
                }
            }
            Downloads.text(sheet.createRow(2).createCell(0), exported());
            Row head = sheet.createRow(HEADING_ROW);
            for (int c = 0; c < headings.size(); c++) {
                Cell cell = head.createCell(c);
                Downloads.text(cell, headings.get(c));
                cell.setCellStyle(styles.headingStyle);
            }
            // on screen: the headings stay while the rows scroll
            sheet.createFreezePane(0, HEADING_ROW + 1);
            // on paper: A4 landscape, one page wide, the headings on every page, "第 N 页 共 M 页" at the foot
            PrintSetup print = sheet.getPrintSetup();
            print.setPaperSize(PrintSetup.A4_PAPERSIZE);
            print.setLandscape(true);
            sheet.setFitToPage(true);
            print.setFitWidth((short) 1);
            print.setFitHeight((short) 0);
            sheet.setRepeatingRows(new CellRangeAddress(HEADING_ROW, HEADING_ROW, 0, width - 1));
            sheet.getFooter().setCenter(word("spreadsheet.footer", "&P", "&N")); // Excel's page number and count
            return sheet;
        }

        /** Every tab's column widths from its longest value; the signature line under the last row of the last tab. */
        private void finish() {
            for (SXSSFSheet part : parts) {
                for (int c = 0; c < widths.length; c++) {
                    part.setColumnWidth(c, (Math.min(widths[c], MAX_WIDTH) + 2) * 256);
                }
            }
            SXSSFSheet last = parts.get(parts.size() - 1);
            int next = HEADING_ROW + 1 + (rows == 0 ? 0 : (rows - 1) % rowsPerSheet + 1) + 1;
            Row line = last.createRow(next);
            int width = Math.max(2, headings.size());
            Downloads.text(line.createCell(0), word("spreadsheet.signature"));
            Downloads.text(line.createCell(Math.max(1, width * 2 / 3)), word("spreadsheet.signedOn"));
        }
    }
}
