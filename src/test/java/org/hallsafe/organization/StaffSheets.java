package org.hallsafe.organization;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Staff sheets as a person fills them in, for the import tests (issue 16, item 8). */
final class StaffSheets {

    static final String[] HEADINGS = {"姓名*", "工作证号*", "科室", "窗口号", "职务", "手机号*", "身份证号", "用户名", "角色"};
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private StaffSheets() {
    }

    /** A unique suffix for card numbers and user names. */
    static String unique() {
        return System.nanoTime() % 1_000_000 + "x" + SEQUENCE.incrementAndGet();
    }

    /** An XLSX with the headings on the first row and then these rows, every cell text. */
    static byte[] xlsx(String[]... rows) throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSSFSheet sheet = book.createSheet("人员导入");
            XSSFRow head = sheet.createRow(0);
            for (int c = 0; c < HEADINGS.length; c++) {
                head.createCell(c).setCellValue(HEADINGS[c]);
            }
            for (int r = 0; r < rows.length; r++) {
                XSSFRow row = sheet.createRow(r + 1);
                for (int c = 0; c < rows[r].length; c++) {
                    row.createCell(c).setCellValue(rows[r][c]);
                }
            }
            book.write(out);
            return out.toByteArray();
        }
    }

    /** A valid 18-digit ID number (GB 11643 check digit), different each time. */
    static String idNumber() {
        return DemoBureau.idNumber(new java.util.Random(SEQUENCE.incrementAndGet() * 7919L + System.nanoTime()));
    }
}
