package org.hallsafe.platform;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 20, item 4: the one spreadsheet component lays every ledger out like the signed paper ledger. */
class LedgerWorkbookIssue20Test {

    private static final String MASKED_ID = "430902********1234";

    private static void fill(LedgerWorkbook book) {
        LedgerWorkbook.Sheet sheet = book.sheet("入口检测台账", "城东政务服务大厅",
                book.period(LocalDate.of(2026, 11, 28), LocalDate.of(2026, 11, 28)),
                List.of("日期", "时间", "姓名", "证件号", "体温(°C)", "记录时间", "检测人"));
        sheet.row(LocalDate.of(2026, 11, 28), LocalTime.of(14, 5), "张建国", MASKED_ID, new BigDecimal("36.5"),
                Instant.parse("2026-11-28T06:05:00Z"), book.person("zhangjg"));
        sheet.row(LocalDate.of(2026, 11, 28), LocalTime.of(14, 7), "欧阳娜娜娜娜娜娜娜娜娜", "E12345678", 37.4,
                Instant.parse("2026-11-28T06:07:00Z"), book.person("not-an-account"));
    }

    @Test
    void r20_4_aLedgerReadsBackLikeASignedA4LandscapePaperLedger() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (LedgerWorkbook book = SpreadsheetIssue13Test.spreadsheets().workbook(Locale.SIMPLIFIED_CHINESE)) {
            fill(book);
            book.write(out);
        }
        try (XSSFWorkbook read = PaperLedgers.read(out.toByteArray())) {
            Sheet sheet = read.getSheetAt(0);
            // outside a request nobody is signed in: the system exported it
            PaperLedgers.assertLikePaper(sheet, "城东政务服务大厅", "入口检测台账", "system");
            assertThat(PaperLedgers.shown(sheet.getRow(2).getCell(0))).isEqualTo("导出人：system　导出时间：2026-11-28 14:05");
            assertThat(PaperLedgers.shown(sheet.getRow(1).getCell(0))).isEqualTo("单位：城东政务服务大厅");
            PaperLedgers.assertDates(sheet, 0);
            PaperLedgers.assertDates(sheet, 1);
            PaperLedgers.assertDates(sheet, 5);
            PaperLedgers.assertNumbers(sheet, 4);
            assertThat(PaperLedgers.texts(sheet, 0)).containsOnly("2026-11-28");
            assertThat(PaperLedgers.texts(sheet, 1)).containsExactly("14:05", "14:07");
            assertThat(PaperLedgers.texts(sheet, 5)).containsExactly("2026-11-28 14:05", "2026-11-28 14:07");
            assertThat(sheet.getRow(4).getCell(4).getNumericCellValue()).isEqualTo(36.5);
            // widths: the masked number whole, a long Chinese name counted double
            assertThat(sheet.getColumnWidth(3)).isGreaterThanOrEqualTo(MASKED_ID.length() * 256);
            assertThat(sheet.getColumnWidth(2)).isGreaterThanOrEqualTo(11 * 2 * 256);
            // the recorder by real name; a value that is no login stays as it is
            assertThat(PaperLedgers.texts(sheet, 6)).containsExactly("张建国", "not-an-account");
            assertThat(sheet.getLastRowNum()).isEqualTo(LedgerWorkbook.HEADING_ROW + 2 + 2);
        }
    }

    @Test
    void r20_4_theSameLedgerPrintsFromTheSameCodeWithFormattedCellsAndNumbersMarked() throws Exception {
        LedgerPrintout printout;
        try (LedgerWorkbook book = SpreadsheetIssue13Test.spreadsheets().printout(Locale.SIMPLIFIED_CHINESE)) {
            fill(book);
            printout = book.printout();
        }
        assertThat(printout.exported()).isEqualTo("导出人：system　导出时间：2026-11-28 14:05");
        LedgerPrintout.Ledger ledger = printout.ledgers().get(0);
        assertThat(ledger.title()).isEqualTo("城东政务服务大厅 入口检测台账");
        assertThat(ledger.under()).isEqualTo("单位：城东政务服务大厅　期间：2026-11-28 至 2026-11-28");
        assertThat(ledger.headings()).hasSize(7);
        assertThat(ledger.truncated()).isFalse();
        assertThat(ledger.rows().get(0)).extracting(LedgerPrintout.Cell::text).containsExactly("2026-11-28", "14:05",
                "张建国", MASKED_ID, "36.5", "2026-11-28 14:05", "张建国");
        assertThat(ledger.rows().get(0).get(4).number()).isTrue();
        assertThat(ledger.rows().get(0).get(2).number()).isFalse();
    }

    @Test
    void r20_4_aChineseCharacterTakesTwoColumnsOfWidth() {
        assertThat(TextWidth.of("张建国")).isEqualTo(6);
        assertThat(TextWidth.of(MASKED_ID)).isEqualTo(18);
        assertThat(TextWidth.of("体温(°C)")).isEqualTo(8);
        assertThat(TextWidth.of("，")).isEqualTo(2);
    }
}
