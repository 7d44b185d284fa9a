package org.hallsafe.organization;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.parsers.ParserConfigurationException;

import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.hallsafe.platform.InvalidInputException;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * Reads the staff sheet of an uploaded XLSX, safely (issue 16, item 8). A file of a stranger's making must end in a
 * clear "this file cannot be read" and never in a server error or an exhausted memory, so before POI sees it the
 * file is bounded ({@link #MAX_BYTES}), checked to be a ZIP whose entries inflate to at most {@link #MAX_UNZIPPED}
 * bytes in at most {@link #MAX_ENTRIES} entries (a "zip bomb" stops there), and then read as a stream of SAX events
 * by POI's secure XML reader (no DTDs, no external entities), never as a whole workbook in memory. Only the first
 * sheet is read; at most {@link #MAX_ROWS} rows are kept.
 */
final class StaffSheet {

    static final int MAX_BYTES = 1024 * 1024;
    static final int MAX_ROWS = 500;
    static final long MAX_UNZIPPED = 20L * 1024 * 1024;
    static final int MAX_ENTRIES = 200;
    /** 姓名, 工号, 科室, 窗口号, 职务, 手机号, 身份证号, 账号, 角色. */
    static final int COLUMNS = 9;
    /** The heading row is looked for in the first rows only (the template puts it on the fourth). */
    private static final int HEADING_SEARCH = 10;

    /** A data row: its number as the spreadsheet shows it (1 = the first row), and its {@link #COLUMNS} cells. */
    record Line(int row, List<String> cells) {

        String cell(int column) {
            return cells.get(column);
        }
    }

    private StaffSheet() {
    }

    /**
     * The data rows under the heading row, blank rows left out, up to the signature lines of the template.
     *
     * @param headings the accepted words of each column's heading (either language)
     * @param endPrefixes how a row that ends the data begins (the template's "制表人：")
     */
    static List<Line> read(byte[] bytes, List<Collection<String>> headings, Collection<String> endPrefixes) {
        if (bytes.length == 0) {
            throw new InvalidInputException("file", "staffImport.file.empty");
        }
        if (bytes.length > MAX_BYTES) {
            throw new InvalidInputException("file", "staffImport.file.tooBig");
        }
        if (bytes.length >= 4 && (bytes[0] & 0xff) == 0xD0 && (bytes[1] & 0xff) == 0xCF && (bytes[2] & 0xff) == 0x11
                && (bytes[3] & 0xff) == 0xE0) {
            throw new InvalidInputException("file", "staffImport.file.xls");
        }
        checkZip(bytes);
        Collector collector = new Collector(headings, endPrefixes);
        try (OPCPackage pkg = OPCPackage.open(new ByteArrayInputStream(bytes))) {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
            var sheets = reader.getSheetsData();
            if (!sheets.hasNext()) {
                throw new InvalidInputException("file", "staffImport.file.unreadable");
            }
            try (InputStream sheet = sheets.next()) {
                XMLReader parser = XMLHelper.newXMLReader();
                parser.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(), null, strings, collector,
                        new DataFormatter(Locale.ROOT), false));
                parser.parse(new InputSource(sheet));
            }
        } catch (InvalidInputException e) {
            throw e;
        } catch (IOException | OpenXML4JException | SAXException | ParserConfigurationException
                | RuntimeException e) {
            // whatever POI or the XML parser refused: a malformed file, not a server error
            throw new InvalidInputException("file", "staffImport.file.unreadable");
        }
        return collector.finish();
    }

    /** A ZIP, within bounds when inflated; read through once without keeping anything. */
    private static void checkZip(byte[] bytes) {
        int entries = 0;
        long inflated = 0;
        byte[] buffer = new byte[16 * 1024];
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                if (++entries > MAX_ENTRIES) {
                    throw new InvalidInputException("file", "staffImport.file.tooBig");
                }
                int n;
                while ((n = zip.read(buffer)) > 0) {
                    inflated += n;
                    if (inflated > MAX_UNZIPPED) {
                        throw new InvalidInputException("file", "staffImport.file.tooBig");
                    }
                }
                entry.getName(); // read, so a broken entry fails here
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new InvalidInputException("file", "staffImport.file.unreadable");
        }
        if (entries == 0) {
            throw new InvalidInputException("file", "staffImport.file.unreadable");
        }
    }

    /** Collects the rows of the sheet as POI streams them. */
    private static final class Collector implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final List<Collection<String>> headings;
        private final Collection<String> endPrefixes;
        private final List<Line> lines = new ArrayList<>();
        private String[] current;
        private int nextColumn;
        private boolean headingFound;
        private boolean ended;
        private boolean tooMany;

        Collector(List<Collection<String>> headings, Collection<String> endPrefixes) {
            this.headings = headings;
            this.endPrefixes = endPrefixes;
        }

        @Override
        public void startRow(int rowNum) {
            current = new String[COLUMNS];
            Arrays.fill(current, "");
            nextColumn = 0;
        }

        @Override
        public void cell(String reference, String value, XSSFComment comment) {
            int column = reference == null ? nextColumn : new CellReference(reference).getCol();
            nextColumn = column + 1;
            if (column < COLUMNS && value != null) {
                current[column] = value.strip();
            }
        }

        @Override
        public void endRow(int rowNum) {
            if (ended) {
                return;
            }
            List<String> cells = List.of(current);
            if (!headingFound) {
                if (rowNum >= HEADING_SEARCH) {
                    ended = true;
                } else if (matches(cells)) {
                    headingFound = true;
                }
                return;
            }
            if (cells.stream().allMatch(String::isEmpty)) {
                return;
            }
            if (endPrefixes.stream().anyMatch(p -> cells.get(0).startsWith(p))) {
                ended = true;
                return;
            }
            if (lines.size() >= MAX_ROWS) {
                tooMany = true;
                ended = true;
                return;
            }
            lines.add(new Line(rowNum + 1, cells));
        }

        private boolean matches(List<String> cells) {
            for (int c = 0; c < COLUMNS; c++) {
                String cell = cells.get(c).replace("*", "").strip();
                if (headings.get(c).stream().noneMatch(h -> h.equalsIgnoreCase(cell))) {
                    return false;
                }
            }
            return true;
        }

        List<Line> finish() {
            if (!headingFound) {
                throw new InvalidInputException("file", "staffImport.file.notTemplate");
            }
            if (tooMany) {
                throw new InvalidInputException("file", "staffImport.file.tooManyRows");
            }
            if (lines.isEmpty()) {
                throw new InvalidInputException("file", "staffImport.file.noRows");
            }
            return lines;
        }
    }
}
