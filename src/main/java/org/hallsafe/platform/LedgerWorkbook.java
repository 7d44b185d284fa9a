package org.hallsafe.platform;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.context.MessageSource;

/**
 * One export's workbook, laid out like the signed paper ledger: a title, the hall and the period, a heading row,
 * the rows, and the lines the preparer and the reviewer sign (制表人 / 审核人 / 日期). Open it with
 * {@link Spreadsheets#workbook}; write it once with {@link #write}; close it (try-with-resources) to remove its
 * temporary files. Text goes in through {@link Downloads#text}, so no cell is taken for a formula.
 */
public final class LedgerWorkbook implements AutoCloseable {

    /** Rows of a sheet: under the 1,048,576 an XLSX sheet holds, with the title, headings and signature lines. */
    static final int ROWS_PER_SHEET = 1_000_000;

    /** Title, hall and period, a blank line, then the headings. */
    static final int HEADING_ROW = 3;

    private final MessageSource messages;
    private final Locale locale;
    private final SXSSFWorkbook workbook = new FastWorkbook();
    private final List<Sheet> sheets = new ArrayList<>();
    private final CellStyle plain;
    private final CellStyle titleStyle;
    private final CellStyle headingStyle;
    private int rowsPerSheet = ROWS_PER_SHEET;

    LedgerWorkbook(MessageSource messages, Locale locale) {
        this.messages = messages;
        this.locale = locale;
        workbook.setCompressTempFiles(true);
        plain = workbook.getCellStyleAt(0);
        titleStyle = workbook.createCellStyle();
        Font big = workbook.createFont();
        big.setBold(true);
        big.setFontHeightInPoints((short) 14);
        titleStyle.setFont(big);
        titleStyle.setAlignment(HorizontalAlignment.CENTER);
        headingStyle = workbook.createCellStyle();
        Font bold = workbook.createFont();
        bold.setBold(true);
        headingStyle.setFont(bold);
        headingStyle.setBorderBottom(BorderStyle.THIN);
        headingStyle.setWrapText(true);
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
     * A new ledger sheet. {@code title} also names the sheet tab (cut to Excel's 31 characters); {@code hall} and
     * {@code period} go on the line under it ({@code period} may be empty, say for a roster without dates).
     */
    public Sheet sheet(String title, String hall, String period, List<String> headings) {
        Sheet sheet = new Sheet(title, hall, period, List.copyOf(headings));
        sheets.add(sheet);
        return sheet;
    }

    /** Finishes every sheet with its signature lines and writes the workbook; call once. */
    public void write(OutputStream out) throws IOException {
        for (Sheet sheet : sheets) {
            sheet.sign();
        }
        workbook.write(out);
    }

    /** Removes the temporary files. */
    @Override
    public void close() throws IOException {
        workbook.dispose();
        workbook.close();
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
        private int rows;

        private Sheet(String title, String hall, String period, List<String> headings) {
            this.title = title;
            this.hall = hall;
            this.period = period;
            this.headings = headings;
            parts.add(start(0));
        }

        /**
         * Columns whose cells stay text when someone types into them (a template to fill in: Excel would turn an
         * 18-digit ID number into a rounded number, and a phone number's or card's leading zero would go).
         */
        public Sheet textColumns(int... columns) {
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
         * One row: a {@link Number} becomes a number cell (a temperature adds up and sorts as one), null or empty
         * text an empty cell, anything else its text.
         */
        public void row(Object... values) {
            row(java.util.Arrays.asList(values));
        }

        public void row(List<?> values) {
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
                cell.setCellStyle(plain); // explicit: POI then skips looking up the column's style for each cell
                if (value instanceof Number n) {
                    cell.setCellValue(n.doubleValue());
                } else {
                    Downloads.text(cell, value.toString());
                }
            }
        }

        private SXSSFSheet start(int part) {
            String name = title.length() > 26 ? title.substring(0, 26) : title;
            SXSSFSheet sheet = workbook.createSheet(part == 0 ? name : name + " (" + (part + 1) + ")");
            int width = Math.max(1, headings.size());
            Cell titleCell = sheet.createRow(0).createCell(0);
            Downloads.text(titleCell, title);
            titleCell.setCellStyle(titleStyle);
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
            Row head = sheet.createRow(HEADING_ROW);
            for (int c = 0; c < headings.size(); c++) {
                Cell cell = head.createCell(c);
                Downloads.text(cell, headings.get(c));
                cell.setCellStyle(headingStyle);
                sheet.setColumnWidth(c, 16 * 256);
            }
            // on paper: landscape, one page wide, the headings on every page
            sheet.getPrintSetup().setLandscape(true);
            sheet.setFitToPage(true);
            sheet.getPrintSetup().setFitWidth((short) 1);
            sheet.getPrintSetup().setFitHeight((short) 0);
            sheet.setRepeatingRows(new CellRangeAddress(HEADING_ROW, HEADING_ROW, 0, width - 1));
            return sheet;
        }

        /** The signature lines under the last row of the last tab. */
        private void sign() {
            SXSSFSheet last = parts.get(parts.size() - 1);
            int next = HEADING_ROW + 1 + (rows == 0 ? 0 : (rows - 1) % rowsPerSheet + 1) + 1;
            Row lines = last.createRow(next);
            int width = Math.max(3, headings.size());
            int step = width / 3;
            Downloads.text(lines.createCell(0), word("spreadsheet.preparedBy"));
            Downloads.text(lines.createCell(step), word("spreadsheet.reviewedBy"));
            Downloads.text(lines.createCell(2 * step), word("spreadsheet.date"));
        }
    }

    /**
     * A streaming workbook that keeps 100 rows in memory and compresses with the fastest deflate level, both its
     * temporary sheet files and the XLSX it writes: an export spends its time writing XML, and the default level
     * compressed each byte twice at a slower setting for a file a few per cent smaller.
     */
    private static final class FastWorkbook extends SXSSFWorkbook {

        FastWorkbook() {
            super(100);
        }

        @Override
        protected org.apache.poi.xssf.streaming.SheetDataWriter createSheetDataWriter() throws IOException {
            return new org.apache.poi.xssf.streaming.GZIPSheetDataWriter(getSharedStringSource()) {
                @Override
                protected OutputStream decorateOutputStream(java.io.FileOutputStream fos) throws IOException {
                    return new java.util.zip.GZIPOutputStream(fos, 64 * 1024) {
                        {
                            def.setLevel(java.util.zip.Deflater.BEST_SPEED);
                        }
                    };
                }
            };
        }

        @Override
        protected org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream createArchiveOutputStream(OutputStream stream) {
            org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream zip = super.createArchiveOutputStream(stream);
            zip.setLevel(java.util.zip.Deflater.BEST_SPEED);
            return zip;
        }
    }
}
