package org.hallsafe.agency;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CreationHelper;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.hallsafe.agency.AgencyLedger.Filter;
import org.hallsafe.agency.AgencyLedger.Line;
import org.hallsafe.platform.Downloads;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The agency ledger as a spreadsheet laid out like the paper one (UX.md): the hall and the ledger's name merged in
 * row 1, the period and who exported it when in row 2, frozen headings in row 3 repeated on every printed page, one
 * row per case with dates as date cells and days as numbers, A4 landscape fitted to the width, "第 1 页 共 N 页" in the
 * footer and the signature line after the last row. Written the platform's way: a streaming workbook and every text
 * through {@link Downloads#text}.
 */
@Component
class AgencyLedgerExport {

    static final String[] HEADINGS = {"agency.ledger.col.no", "agency.ledger.col.code", "agency.ledger.col.opened",
            "agency.ledger.col.channel", "agency.ledger.col.item", "agency.ledger.col.section",
            "agency.ledger.col.applicant", "agency.ledger.col.company", "agency.ledger.col.state",
            "agency.ledger.col.accepted", "agency.ledger.col.due", "agency.ledger.col.done",
            "agency.ledger.col.days", "agency.ledger.col.onTime", "agency.ledger.col.sent"};
    private static final int[] WIDTHS = {6, 12, 12, 10, 24, 18, 10, 24, 10, 12, 12, 12, 10, 10, 12};

    private final MessageSource messages;
    private final Clock clock;

    AgencyLedgerExport(MessageSource messages, Clock clock) {
        this.messages = messages;
        this.clock = clock;
    }

    void write(List<Line> lines, Filter filter, String hallName, String exportedBy, Locale locale, OutputStream out)
            throws IOException {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(100)) {
            String title = text("agency.ledger.title", locale);
            SXSSFSheet sheet = workbook.createSheet(title);
            CreationHelper help = workbook.getCreationHelper();
            Font bold = workbook.createFont();
            bold.setBold(true);
            bold.setFontHeightInPoints((short) 14);
            CellStyle heading = workbook.createCellStyle();
            heading.setFont(bold);
            heading.setAlignment(HorizontalAlignment.CENTER);
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(help.createDataFormat().getFormat("yyyy-mm-dd"));
            Font headFont = workbook.createFont();
            headFont.setBold(true);
            CellStyle head = workbook.createCellStyle();
            head.setFont(headFont);

            Cell titleCell = sheet.createRow(0).createCell(0);
            Downloads.text(titleCell, hallName + " " + title);
            titleCell.setCellStyle(heading);
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, HEADINGS.length - 1));
            Downloads.text(sheet.createRow(1).createCell(0), text("agency.ledger.export.sub", locale,
                    filter.from().toString(), filter.to().toString(), exportedBy,
                    LocalDateTime.ofInstant(clock.instant(), clock.getZone()).withNano(0).toString().replace('T', ' ')));
            sheet.addMergedRegion(new CellRangeAddress(1, 1, 0, HEADINGS.length - 1));
            Row headRow = sheet.createRow(2);
            for (int i = 0; i < HEADINGS.length; i++) {
                Cell c = headRow.createCell(i);
                Downloads.text(c, text(HEADINGS[i], locale));
                c.setCellStyle(head);
                sheet.setColumnWidth(i, WIDTHS[i] * 256 + 512);
            }
            sheet.createFreezePane(0, 3);
            sheet.setRepeatingRows(new CellRangeAddress(2, 2, 0, HEADINGS.length - 1));
            PrintSetup print = sheet.getPrintSetup();
            print.setLandscape(true);
            print.setPaperSize(PrintSetup.A4_PAPERSIZE);
            print.setFitWidth((short) 1);
            print.setFitHeight((short) 0);
            sheet.setFitToPage(true);
            sheet.getFooter().setCenter(text("agency.ledger.export.footer", locale, "&P", "&N"));

            int r = 3;
            for (Line l : lines) {
                Row row = sheet.createRow(r);
                row.createCell(0).setCellValue(r - 2);
                Downloads.text(row.createCell(1), l.code());
                dateCell(row, 2, l.openedOn(), date);
                Downloads.text(row.createCell(3), text("agency.channel." + l.channel().name(), locale));
                Downloads.text(row.createCell(4), l.itemName());
                Downloads.text(row.createCell(5), l.sectionName());
                Downloads.text(row.createCell(6), l.applicantMasked());
                Downloads.text(row.createCell(7), l.company());
                Downloads.text(row.createCell(8), text("agency.state." + l.state().name(), locale));
                dateCell(row, 9, l.acceptedOn(), date);
                dateCell(row, 10, l.dueOn(), date);
                dateCell(row, 11, l.doneOn(), date);
                if (l.workingDays() != null) {
                    row.createCell(12).setCellValue(l.workingDays());
                }
                Downloads.text(row.createCell(13), text("agency.ledger.timing." + l.timing().name(), locale));
                dateCell(row, 14, l.sentOn(), date);
                r++;
            }
            r++;
            Downloads.text(sheet.createRow(r).createCell(1), text("agency.ledger.sign", locale));
            workbook.write(out);
            workbook.dispose();
        }
    }

    private static void dateCell(Row row, int col, java.time.LocalDate day, CellStyle style) {
        if (day != null) {
            Cell c = row.createCell(col);
            c.setCellValue(day);
            c.setCellStyle(style);
        }
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
