package org.hallsafe.platform;

import java.io.IOException;
import java.io.OutputStream;

import jakarta.servlet.http.HttpServletResponse;

/** How every Excel ledger leaves HallSafe: the right type, a file name, and the stream to write it to. */
public final class Downloads {

    private Downloads() {
    }

    /** The most characters a spreadsheet cell holds; POI refuses a longer text and the export would fail. */
    public static final int CELL_MAX = 32_767;

    /** A text as a cell can hold it: inputs are bounded far below, this only guards against what slipped through. */
    public static String cell(String text) {
        return text == null ? "" : PlainText.Rules.truncate(text, CELL_MAX);
    }

    public static OutputStream xlsx(HttpServletResponse response, String fileName) throws IOException {
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + fileName + ".xlsx\"");
        return response.getOutputStream();
    }

    /** A plain ledger: a title row, a heading row, then one row per entry, streamed so a long list fits in memory. */
    public static void sheet(OutputStream out, String title, java.util.List<String> headings,
            Iterable<java.util.List<String>> rows) throws IOException {
        try (var workbook = new org.apache.poi.xssf.streaming.SXSSFWorkbook(100)) {
            var sheet = workbook.createSheet(title.length() > 31 ? title.substring(0, 31) : title);
            sheet.createRow(0).createCell(0).setCellValue(title);
            var head = sheet.createRow(1);
            for (int c = 0; c < headings.size(); c++) {
                head.createCell(c).setCellValue(cell(headings.get(c)));
                sheet.setColumnWidth(c, 16 * 256);
            }
            int r = 2;
            for (java.util.List<String> values : rows) {
                var row = sheet.createRow(r++);
                for (int c = 0; c < values.size(); c++) {
                    row.createCell(c).setCellValue(cell(values.get(c)));
                }
            }
            workbook.write(out);
            workbook.dispose();
        }
    }
}
