package org.hallsafe.platform;

import java.io.IOException;
import java.io.OutputStream;

import jakarta.servlet.http.HttpServletResponse;

/** How every Excel ledger leaves HallSafe: the right type, a file name, and the stream to write it to. */
public final class Downloads {

    private Downloads() {
    }

    public static OutputStream xlsx(HttpServletResponse response, String fileName) throws IOException {
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + fileName + ".xlsx\"");
        // opened at the first byte: when the query refuses the filter before that, the error page can still be sent
        return new OutputStream() {
            private OutputStream out;

            private OutputStream out() throws IOException {
                if (out == null) {
                    out = response.getOutputStream();
                }
                return out;
            }

            @Override
            public void write(int b) throws IOException {
                out().write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out().write(b, off, len);
            }

            @Override
            public void flush() throws IOException {
                if (out != null) {
                    out.flush();
                }
            }

            @Override
            public void close() throws IOException {
                out().close();
            }
        };
    }

    /** A plain ledger: a title row, a heading row, then one row per entry, streamed so a long list fits in memory. */
    public static void sheet(OutputStream out, String title, java.util.List<String> headings,
            Iterable<java.util.List<String>> rows) throws IOException {
        try (var workbook = new org.apache.poi.xssf.streaming.SXSSFWorkbook(100)) {
            var sheet = workbook.createSheet(title.length() > 31 ? title.substring(0, 31) : title);
            sheet.createRow(0).createCell(0).setCellValue(title);
            var head = sheet.createRow(1);
            for (int c = 0; c < headings.size(); c++) {
                head.createCell(c).setCellValue(headings.get(c));
                sheet.setColumnWidth(c, 16 * 256);
            }
            int r = 2;
            for (java.util.List<String> values : rows) {
                var row = sheet.createRow(r++);
                for (int c = 0; c < values.size(); c++) {
                    row.createCell(c).setCellValue(values.get(c) == null ? "" : values.get(c));
                }
            }
            workbook.write(out);
            workbook.dispose();
        }
    }
}
