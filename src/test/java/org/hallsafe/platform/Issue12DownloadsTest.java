package org.hallsafe.platform;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue #12, item 14: the plain ledgers (duty roster, calls) write formula-like text as quote-prefixed text. */
class Issue12DownloadsTest {

    @Test
    void r12_14_sheetWritesFormulaLikeCellsQuotePrefixedAndKeepsTheTextExact() throws Exception {
        List<String> risky = List.of("=HYPERLINK(\"http://evil.example\",\"x\")", "+1", "-1", "@SUM(1)", "\tx", "=1+1");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Downloads.sheet(out, "=title", List.of("a", "b"),
                List.of(List.of(risky.get(0), "plain"), List.of(risky.get(1), risky.get(2)),
                        List.of(risky.get(3), risky.get(4)), List.of(risky.get(5), "1=1")));
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getCellStyle().getQuotePrefixed()).isTrue();
            int seen = 0;
            for (int r = 2; r <= sheet.getLastRowNum(); r++) {
                for (Cell cell : sheet.getRow(r)) {
                    assertThat(cell.getCellType()).isEqualTo(CellType.STRING);
                    String value = cell.getStringCellValue();
                    boolean formulaLike = risky.contains(value);
                    seen += formulaLike ? 1 : 0;
                    assertThat(cell.getCellStyle().getQuotePrefixed()).as(value).isEqualTo(formulaLike);
                }
            }
            assertThat(seen).isEqualTo(risky.size());
            assertThat(workbook.getNumCellStyles()).as("one quoted style, not one per cell").isLessThanOrEqualTo(3);
        }
    }
}
