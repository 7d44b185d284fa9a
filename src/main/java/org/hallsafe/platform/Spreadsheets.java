package org.hallsafe.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import org.apache.poi.util.TempFile;
import org.apache.poi.util.TempFileCreationStrategy;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The one way HallSafe writes a spreadsheet (issue 13, item 6): every export opens a {@link LedgerWorkbook} here,
 * laid out like the signed paper ledger. POI's settings live here and nowhere else: streaming workbooks keep 100 rows
 * in memory and spill the rest to compressed temporary files in a directory of HallSafe's own, made once for the
 * process (POI's temporary-file setting is process-wide).
 * <pre>{@code
 * try (LedgerWorkbook book = spreadsheets.workbook(locale)) {
 *     LedgerWorkbook.Sheet sheet = book.sheet(title, hallName, book.period(from, to), headings);
 *     rows.forEach(r -> sheet.row(r.day(), r.at(), book.person(r.recordedBy()), r.temperature()));
 *     book.write(Downloads.xlsx(response, fileName));
 * }
 * }</pre>
 */
@Component
public class Spreadsheets {

    /** The most rows a ledger shows in its print view; past that the page says so and points to the export. */
    public static final int PRINT_LIMIT = 2000;

    private final MessageSource messages;
    private final Clock clock;
    private final PersonNames names;

    Spreadsheets(MessageSource messages, Clock clock, PersonNames names) {
        this.messages = messages;
        this.clock = clock;
        this.names = names;
        PoiTemp.ensure();
    }

    /**
     * A new workbook whose words (period, signature line) are in the reader's language, exported by the signed-in
     * person (by name) now.
     */
    public LedgerWorkbook workbook(Locale locale) {
        PoiTemp.ensure(); // again: until no other code sets POI's process-wide setting, ours is put back here
        return open(locale, 0);
    }

    /**
     * The same ledger for the print view: the rows are kept (at most {@link #PRINT_LIMIT} per ledger) for
     * {@link LedgerWorkbook#printout()} instead of written as cells. Every ledger prints through the code that
     * exports it, so paper and file show the same columns.
     */
    public LedgerWorkbook printout(Locale locale) {
        return open(locale, PRINT_LIMIT);
    }

    /** The view every ledger prints with ({@code templates/ledger-print.html}). */
    public static final String PRINT_VIEW = "ledger-print";

    /** Writes a ledger into its workbook: the one thing an export and its print view differ in is what comes after. */
    @FunctionalInterface
    public interface Filling {
        void fill(LedgerWorkbook book) throws IOException;
    }

    /** An export: the ledger as an XLSX download named {@code fileName}.xlsx. */
    public void download(HttpServletResponse response, String fileName, Locale locale, Filling filling)
            throws IOException {
        try (LedgerWorkbook book = workbook(locale)) {
            filling.fill(book);
            book.write(Downloads.xlsx(response, fileName));
        }
    }

    /** A print view: the same ledger on A4 landscape paper; answers the view to show. */
    public String print(Model model, Locale locale, Filling filling) throws IOException {
        try (LedgerWorkbook book = printout(locale)) {
            filling.fill(book);
            model.addAttribute("printout", book.printout());
        }
        return PRINT_VIEW;
    }

    /** "导出人：张建国　导出时间：2026-11-28 14:05" for a print view that lays out its own table. */
    public String exported(Locale locale) {
        return open(locale, 1).exported();
    }

    private LedgerWorkbook open(Locale locale, int printLimit) {
        String by = CurrentUser.find().map(CurrentUser::displayName).filter(n -> n != null && !n.isBlank())
                .orElseGet(SignedIn::actor);
        return new LedgerWorkbook(messages, locale, clock.getZone(), by, ZonedDateTime.now(clock), names.resolver(),
                printLimit);
    }

    /** POI's temporary files: HallSafe's own directory, made once per process, set before every workbook. */
    static final class PoiTemp {
        private static Path dir;
        private static TempFileCreationStrategy strategy;

        private PoiTemp() {
        }

        static synchronized Path ensure() {
            if (dir == null) {
                try {
                    Path made = Files.createTempDirectory("hallsafe-poi");
                    strategy = new TempFileCreationStrategy() {
                        @Override
                        public java.io.File createTempFile(String prefix, String suffix) throws IOException {
                            return Files.createTempFile(made, prefix, suffix).toFile();
                        }

                        @Override
                        public java.io.File createTempDirectory(String prefix) throws IOException {
                            return Files.createTempDirectory(made, prefix).toFile();
                        }
                    };
                    dir = made;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            TempFile.setTempFileCreationStrategy(strategy);
            return dir;
        }
    }
}
