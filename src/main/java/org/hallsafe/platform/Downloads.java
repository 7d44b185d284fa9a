package org.hallsafe.platform;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletResponse;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Workbook;

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
        startedCookie(response);
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

    /** The export button's token (js/downloads.js), when it is one: letters and digits, at most 40. */
    static final java.util.regex.Pattern TOKEN = java.util.regex.Pattern.compile("[A-Za-z0-9]{1,40}");

    /**
     * Tells the page that asked for this download that the file has started to arrive: a cookie carrying the token the
     * export button sent, sent with the first byte of the file. The button then stops saying 正在生成… (issue 20, item 4).
     */
    private static void startedCookie(HttpServletResponse response) {
        if (!(org.springframework.web.context.request.RequestContextHolder.getRequestAttributes()
                instanceof org.springframework.web.context.request.ServletRequestAttributes attributes)) {
            return;
        }
        String token = attributes.getRequest().getParameter("downloadToken");
        if (token != null && TOKEN.matcher(token).matches()) {
            response.addHeader("Set-Cookie", org.springframework.http.ResponseCookie.from("hallsafe-download", token)
                    .path("/").maxAge(60).sameSite("Strict").build().toString());
        }
    }

    /**
     * A plain ledger: a title row, a heading row, then one row per entry, streamed so a long list fits in memory.
     *
     * @deprecated write through {@link Spreadsheets} and {@link LedgerWorkbook} (issue 13, item 6): the same rows with
     *     the hall, the period and the signature lines of the paper ledger
     */
    @Deprecated
    public static void sheet(OutputStream out, String title, java.util.List<String> headings,
            Iterable<java.util.List<String>> rows) throws IOException {
        try (var workbook = new org.apache.poi.xssf.streaming.SXSSFWorkbook(100)) {
            var sheet = workbook.createSheet(title.length() > 31 ? title.substring(0, 31) : title);
            text(sheet.createRow(0).createCell(0), title);
            var head = sheet.createRow(1);
            for (int c = 0; c < headings.size(); c++) {
                text(head.createCell(c), headings.get(c));
                sheet.setColumnWidth(c, 16 * 256);
            }
            int r = 2;
            for (java.util.List<String> values : rows) {
                var row = sheet.createRow(r++);
                for (int c = 0; c < values.size(); c++) {
                    text(row.createCell(c), values.get(c));
                }
            }
            workbook.write(out);
            workbook.dispose();
        }
    }

    /**
     * Puts text into a cell so that no spreadsheet takes it for a formula. A string cell is never evaluated by Excel,
     * but a value that begins with {@code = + - @} (or a tab or line break) becomes one as soon as someone edits the
     * cell or saves the sheet as CSV and opens it again ("CSV injection": {@code =HYPERLINK(..)} sends data away). Such
     * a cell gets a quote-prefixed style, Excel's own leading apostrophe: the text stays exactly as typed and is shown
     * and re-saved as text. Every ledger export writes its text through here.
     */
    public static void text(Cell cell, String value) {
        cell.setCellValue(cell(value));
        if (formulaLike(value)) {
            cell.setCellStyle(quotePrefixed(cell.getSheet().getWorkbook(), cell.getCellStyle()));
        }
    }

    static boolean formulaLike(String value) {
        if (value == null || value.isEmpty()) {
            return false;
        }
        char c = value.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' || c == '\n';
    }

    /** One quote-prefixed copy of each style per workbook (a workbook holds at most 64,000 styles). */
    private static final Map<Workbook, Map<Short, CellStyle>> QUOTED = Collections.synchronizedMap(new WeakHashMap<>());

    private static CellStyle quotePrefixed(Workbook workbook, CellStyle style) {
        if (style.getQuotePrefixed()) {
            return style;
        }
        return QUOTED.computeIfAbsent(workbook, w -> new ConcurrentHashMap<>()).computeIfAbsent(style.getIndex(), i -> {
            CellStyle quoted = workbook.createCellStyle();
            quoted.cloneStyleFrom(style);
            quoted.setQuotePrefixed(true);
            return quoted;
        });
    }
}
