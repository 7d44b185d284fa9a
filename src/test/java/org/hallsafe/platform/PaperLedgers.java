package org.hallsafe.platform;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.PaneInformation;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 20, item 4: an exported ledger read back as the hall's staff would see it on screen and on paper. Every ledger
 * export's test runs its file through {@link #assertLikePaper}.
 */
public final class PaperLedgers {

    private static final DataFormatter SHOWN = new DataFormatter();

    private PaperLedgers() {
    }

    public static XSSFWorkbook read(byte[] xlsx) throws IOException {
        return new XSSFWorkbook(new ByteArrayInputStream(xlsx));
    }

    /** A cell as Excel shows it: a date as 2026-11-28, a time as 14:05, a number as typed. */
    public static String shown(Cell cell) {
        return cell == null ? "" : SHOWN.formatCellValue(cell);
    }

    /** Every row of a sheet as Excel shows it, cells joined with '|', rows with '\n'. */
    public static String shown(Sheet sheet) {
        StringBuilder all = new StringBuilder();
        for (Row row : sheet) {
            row.forEach(cell -> all.append(shown(cell)).append('|'));
            all.append('\n');
        }
        return all.toString();
    }

    /** The data rows: under the headings, above the blank line before the signature line. */
    public static List<Row> rows(Sheet sheet) {
        List<Row> rows = new ArrayList<>();
        for (int r = LedgerWorkbook.HEADING_ROW + 1; r < sheet.getLastRowNum() - 1; r++) {
            if (sheet.getRow(r) != null) {
                rows.add(sheet.getRow(r));
            }
        }
        return rows;
    }

    /**
     * The paper ledger (UX.md, "A paper ledger as a spreadsheet"): the hall's and the ledger's name on top, the period
     * and who exported it (by name) and when, frozen headings repeated on every A4 landscape page with "第 N 页 共 M 页"
     * at the foot, every column as wide as its longest value, and the signature line last.
     */
    public static void assertLikePaper(Sheet sheet, String hall, String ledger, String exportedBy) {
        assertThat(shown(sheet.getRow(0).getCell(0))).as("title row").contains(hall).contains(ledger);
        assertThat(shown(sheet.getRow(1).getCell(0))).as("hall line").contains(hall);
        assertThat(shown(sheet.getRow(2).getCell(0))).as("exported by and when")
                .contains("导出人：" + exportedBy).containsPattern("导出时间：\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}");
        Row head = sheet.getRow(LedgerWorkbook.HEADING_ROW);
        assertThat(head.getLastCellNum()).as("headings").isGreaterThan((short) 0);
        for (int c = 0; c < head.getLastCellNum(); c++) {
            int widest = Math.min(width(shown(head.getCell(c))), 20);
            for (Row row : rows(sheet)) {
                widest = Math.max(widest, Math.min(width(shown(row.getCell(c))), LedgerWorkbook.MAX_WIDTH));
            }
            assertThat(sheet.getColumnWidth(c)).as("column %d (%s) fits its longest value", c, shown(head.getCell(c)))
                    .isGreaterThan(0).isGreaterThanOrEqualTo(widest * 256);
        }
        PrintSetup print = sheet.getPrintSetup();
        assertThat(print.getLandscape()).as("landscape").isTrue();
        assertThat(print.getPaperSize()).as("A4").isEqualTo(PrintSetup.A4_PAPERSIZE);
        assertThat(print.getFitWidth()).as("one page wide").isEqualTo((short) 1);
        assertThat(sheet.getRepeatingRows().getFirstRow()).as("headings on every page").isEqualTo(LedgerWorkbook.HEADING_ROW);
        assertThat(sheet.getFooter().getCenter()).as("page numbers").isEqualTo("第 &P 页 共 &N 页");
        PaneInformation pane = sheet.getPaneInformation();
        assertThat(pane).as("frozen headings").isNotNull();
        assertThat(pane.isFreezePane()).isTrue();
        assertThat(pane.getHorizontalSplitTopRow()).isEqualTo((short) (LedgerWorkbook.HEADING_ROW + 1));
        Row last = sheet.getRow(sheet.getLastRowNum());
        assertThat(shown(last.getCell(0))).as("signature line last").startsWith("负责人签字：");
        StringBuilder lastLine = new StringBuilder();
        last.forEach(cell -> lastLine.append(shown(cell)));
        assertThat(lastLine).contains("日期：");
    }

    /** Every tab of a workbook: each ledger (named as its tab) like paper. */
    public static void assertEverySheetLikePaper(XSSFWorkbook book, String hall, String exportedBy) {
        for (Sheet sheet : book) {
            assertLikePaper(sheet, hall, sheet.getSheetName().replaceAll(" \\(\\d+\\)$", ""), exportedBy);
        }
    }

    /**
     * The column's dates are real dates (or times), shown with a date format, none stored as text; a word in their
     * place (未消毒, 已匿名) may stand as text.
     */
    public static void assertDates(Sheet sheet, int column) {
        List<Cell> cells = column(sheet, column);
        List<Cell> numbers = cells.stream().filter(c -> c.getCellType() == CellType.NUMERIC).toList();
        assertThat(numbers).as("date cells in column %d", column).isNotEmpty()
                .allMatch(DateUtil::isCellDateFormatted);
        assertThat(cells).as("no date as text in column %d", column).noneMatch(c -> c.getCellType() == CellType.STRING
                && c.getStringCellValue().matches("\\d{4}-\\d{2}-\\d{2}.*|\\d{2}:\\d{2}"));
    }

    /** The column's numbers are number cells, which add up and sort as numbers; none is stored as text. */
    public static void assertNumbers(Sheet sheet, int column) {
        List<Cell> cells = column(sheet, column);
        List<Cell> numbers = cells.stream().filter(c -> c.getCellType() == CellType.NUMERIC).toList();
        assertThat(numbers).as("number cells in column %d", column).isNotEmpty()
                .noneMatch(DateUtil::isCellDateFormatted);
        assertThat(cells).as("no number as text in column %d", column).noneMatch(c -> c.getCellType() == CellType.STRING
                && c.getStringCellValue().matches("-?\\d+(\\.\\d+)?"));
    }

    /** The texts of a column's data cells. */
    public static List<String> texts(Sheet sheet, int column) {
        return column(sheet, column).stream().map(PaperLedgers::shown).toList();
    }

    private static List<Cell> column(Sheet sheet, int column) {
        return rows(sheet).stream().map(r -> r.getCell(column)).filter(c -> c != null).toList();
    }

    /** Width as Excel needs it: a Chinese character takes two. */
    static int width(String text) {
        return TextWidth.of(text);
    }
}
