package org.hallsafe.platform;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.util.TempFile;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ReloadableResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 13, item 6: the one spreadsheet component, read back as the hall's staff would see the file. */
class SpreadsheetIssue13Test {

    static Spreadsheets spreadsheets() {
        ReloadableResourceBundleMessageSource messages = new ReloadableResourceBundleMessageSource();
        messages.setBasename("classpath:messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        // 2026-11-28 14:05 in the hall's zone; one account whose real name is known
        java.time.Clock clock = java.time.Clock.fixed(java.time.Instant.parse("2026-11-28T06:05:00Z"),
                java.time.ZoneId.of("Asia/Shanghai"));
        return new Spreadsheets(messages, clock,
                new PersonNames(login -> "zhangjg".equals(login) ? java.util.Optional.of("张建国") : java.util.Optional.empty()));
    }

    private static String text(Sheet sheet, int row, int col) {
        Row r = sheet.getRow(row);
        return r == null || r.getCell(col) == null ? "" : r.getCell(col).getStringCellValue();
    }

    private static String rowText(Sheet sheet, int row) {
        StringBuilder all = new StringBuilder();
        Row r = sheet.getRow(row);
        if (r != null) {
            r.forEach(c -> all.append(c.getCellType() == CellType.NUMERIC ? String.valueOf(c.getNumericCellValue())
                    : c.getStringCellValue()).append('|'));
        }
        return all.toString();
    }

    @Test
    void r13_6_aLedgerReadsBackWithTitleHallPeriodHeadingsRowsAndSignatureLines() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (LedgerWorkbook book = spreadsheets().workbook(Locale.SIMPLIFIED_CHINESE)) {
            LedgerWorkbook.Sheet sheet = book.sheet("入口体温监测台账", "城东政务服务大厅",
                    book.period(LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 7)), List.of("日期", "姓名", "体温", "备注"));
            sheet.row("2026-12-01", "张建国", new java.math.BigDecimal("36.5"), "");
            sheet.row("2026-12-02", "=HYPERLINK(\"http://x\")", 37.4, "复测");
            book.write(out);
        }
        try (XSSFWorkbook read = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            Sheet s = read.getSheetAt(0);
            assertThat(s.getSheetName()).isEqualTo("入口体温监测台账");
            assertThat(text(s, 0, 0)).isEqualTo("城东政务服务大厅 入口体温监测台账");
            assertThat(s.getMergedRegions()).anyMatch(m -> m.getFirstRow() == 0 && m.getLastColumn() == 3);
            assertThat(rowText(s, 1)).contains("单位：城东政务服务大厅").contains("期间：2026-12-01 至 2026-12-07");
            assertThat(rowText(s, LedgerWorkbook.HEADING_ROW)).isEqualTo("日期|姓名|体温|备注|");
            assertThat(text(s, 4, 1)).isEqualTo("张建国");
            assertThat(s.getRow(4).getCell(2).getNumericCellValue()).isEqualTo(36.5);
            assertThat(s.getRow(4).getCell(3)).isNull(); // empty text: no cell
            // a formula-like name stays text, marked so no spreadsheet evaluates it
            assertThat(s.getRow(5).getCell(1).getCellType()).isEqualTo(CellType.STRING);
            assertThat(s.getRow(5).getCell(1).getCellStyle().getQuotePrefixed()).isTrue();
            // one blank line, then the line the person responsible signs (issue 20: 负责人签字 / 日期)
            assertThat(s.getRow(6)).isNull();
            assertThat(rowText(s, 7)).contains("负责人签字：").contains("日期：");
            assertThat(s.getLastRowNum()).isEqualTo(7);
            // on paper: the headings repeat on every page, landscape
            assertThat(s.getRepeatingRows().getFirstRow()).isEqualTo(LedgerWorkbook.HEADING_ROW);
            assertThat(s.getPrintSetup().getLandscape()).isTrue();
        }
    }

    @Test
    void r13_6_aLongLedgerGoesOnInAFurtherTabWithItsHeadingsAndIsSignedAtTheEnd() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (LedgerWorkbook book = spreadsheets().workbook(Locale.ENGLISH).rowsPerSheet(2)) {
            LedgerWorkbook.Sheet sheet = book.sheet("Duty roster", "East Hall", "", List.of("Day", "Who"));
            sheet.row("Mon", "Zhang");
            sheet.row("Tue", "Li");
            sheet.row("Wed", "Wang");
            assertThat(sheet.rows()).isEqualTo(3);
            book.write(out);
        }
        try (XSSFWorkbook read = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            assertThat(read.getNumberOfSheets()).isEqualTo(2);
            Sheet first = read.getSheetAt(0);
            Sheet second = read.getSheetAt(1);
            assertThat(second.getSheetName()).isEqualTo("Duty roster (2)");
            assertThat(rowText(first, 1)).isEqualTo("Hall: East Hall|"); // no period given: none shown
            assertThat(rowText(second, LedgerWorkbook.HEADING_ROW)).isEqualTo("Day|Who|");
            assertThat(rowText(second, 4)).isEqualTo("Wed|Wang|");
            assertThat(rowText(first, 7)).doesNotContain("Signed by");
            assertThat(rowText(second, 6)).contains("Signed by the person responsible:").contains("Date:");
        }
    }

    @Test
    void r13_6_poiTemporaryFilesGoToHallSafesOwnDirectorySetByTheComponent() throws Exception {
        // another exporter (screening's Ledger, until it moves) setting POI's process-wide option is undone
        TempFile.setTempFileCreationStrategy(new org.apache.poi.util.DefaultTempFileCreationStrategy());
        spreadsheets().workbook(Locale.SIMPLIFIED_CHINESE).close();
        java.io.File probe = TempFile.createTempFile("probe", ".tmp");
        try {
            assertThat(probe.getParentFile().getName()).startsWith("hallsafe-poi");
            assertThat(probe.getParentFile().toPath()).isEqualTo(Spreadsheets.PoiTemp.ensure());
        } finally {
            probe.delete();
        }
    }
}
