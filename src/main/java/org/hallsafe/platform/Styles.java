package org.hallsafe.platform;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormat;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Workbook;

/** The cell styles of a {@link LedgerWorkbook}, made once per workbook (a workbook holds at most 64,000). */
final class Styles {
    final CellStyle plain;
    final CellStyle titleStyle;
    final CellStyle headingStyle;
    final CellStyle dateStyle;
    final CellStyle dateTimeStyle;
    final CellStyle timeStyle;
    final CellStyle wrapStyle;

    Styles(Workbook workbook) {
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
        DataFormat formats = workbook.createDataFormat();
        dateStyle = dated(workbook, formats, "yyyy-mm-dd");
        dateTimeStyle = dated(workbook, formats, "yyyy-mm-dd hh:mm");
        timeStyle = dated(workbook, formats, "hh:mm");
        wrapStyle = workbook.createCellStyle();
        wrapStyle.setWrapText(true);
    }

    private static CellStyle dated(Workbook workbook, DataFormat formats, String format) {
        CellStyle style = workbook.createCellStyle();
        style.setDataFormat(formats.getFormat(format));
        style.setAlignment(HorizontalAlignment.LEFT);
        return style;
    }
}
