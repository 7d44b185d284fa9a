package org.hallsafe.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.apache.poi.util.TempFile;
import org.apache.poi.util.TempFileCreationStrategy;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The one way HallSafe writes a spreadsheet (issue 13, item 6): every export opens a {@link LedgerWorkbook} here,
 * laid out like the signed paper ledger. POI's settings live here and nowhere else: streaming workbooks keep 100 rows
 * in memory and spill the rest to compressed temporary files in a directory of HallSafe's own, made once for the
 * process (POI's temporary-file setting is process-wide).
 * <pre>{@code
 * try (LedgerWorkbook book = spreadsheets.workbook(locale)) {
 *     LedgerWorkbook.Sheet sheet = book.sheet(title, hallName, book.period(from, to), headings);
 *     rows.forEach(r -> sheet.row(r.date(), r.name(), r.temperature()));
 *     book.write(Downloads.xlsx(response, fileName));
 * }
 * }</pre>
 */
@Component
public class Spreadsheets {

    private final MessageSource messages;

    Spreadsheets(MessageSource messages) {
        this.messages = messages;
        PoiTemp.ensure();
    }

    /** A new workbook whose words (period, signature lines) are in the reader's language. */
    public LedgerWorkbook workbook(Locale locale) {
        PoiTemp.ensure(); // again: until no other code sets POI's process-wide setting, ours is put back here
        return new LedgerWorkbook(messages, locale);
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
