package org.hallsafe.screening;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.util.TempFile;
import org.apache.poi.util.TempFileCreationStrategy;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.hallsafe.screening.Ledger.Filter;
import org.hallsafe.screening.Ledger.Line;
import org.hallsafe.screening.LedgerLines.Sealed;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The ledger as an Excel file laid out like the paper ledger: rows flow from a database cursor into a streaming
 * workbook, one thread reading and opening them, another writing them to the sheet.
 */
@Component
class LedgerExport {

    private final LedgerLines lines;
    private final MessageSource messages;
    private final Clock clock;

    LedgerExport(LedgerLines lines, MessageSource messages, Clock clock) throws IOException {
        this.lines = lines;
        this.messages = messages;
        this.clock = clock;
        Path poiTemp = Files.createTempDirectory("hallsafe-poi");
        TempFile.setTempFileCreationStrategy(new TempFileCreationStrategy() {
            @Override
            public java.io.File createTempFile(String prefix, String suffix) throws IOException {
                return Files.createTempFile(poiTemp, prefix, suffix).toFile();
            }

            @Override
            public java.io.File createTempDirectory(String prefix) throws IOException {
                return Files.createTempDirectory(poiTemp, prefix).toFile();
            }
        });
    }

    /**
     * Writes the filtered ledger as XLSX while reading it: rows flow from a database cursor into a streaming
     * workbook that keeps 100 rows in memory, so a year of records exports in bounded memory.
     */
    /** Ledger lines per sheet of an export: under the 1,048,576 rows an XLSX sheet can hold, with its headings. */
    private int rowsPerSheet = 1_000_000;

    /** For tests: a smaller sheet, to see a ledger go on in a second sheet without a million rows. */
    void rowsPerSheet(int rows) {
        this.rowsPerSheet = rows;
    }

    int export(long siteId, Filter filter, String hallName, Locale locale, OutputStream out) throws IOException {
        ZoneId zone = clock.getZone();
        DateTimeFormatter date = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(zone);
        DateTimeFormatter time = DateTimeFormatter.ofPattern("HH:mm").withZone(zone);
        try (SXSSFWorkbook workbook = new FastWorkbook()) {
            workbook.setCompressTempFiles(true);
            String heading = text("ledger.export.heading", locale, hallName,
                    filter.from() == null ? "" : filter.from().toString(), filter.to() == null ? "" : filter.to().toString());
            String[] headers = {"ledger.col.date", "ledger.col.time", "ledger.col.name", "ledger.col.type",
                    "ledger.col.doc", "ledger.col.phone", "ledger.col.temperature", "ledger.col.mask",
                    "ledger.col.symptoms", "ledger.col.result", "ledger.col.handling", "ledger.col.screener",
                    "ledger.col.note"};
            // an XLSX sheet holds 1,048,576 rows: a longer ledger goes on in further sheets, each with its headings
            java.util.function.IntFunction<SXSSFSheet> sheets = n -> {
                SXSSFSheet sheet = workbook.createSheet(text("ledger.title", locale) + (n == 0 ? "" : " (" + (n + 1) + ")"));
                org.hallsafe.platform.Downloads.text(sheet.createRow(0).createCell(0), heading);
                Row head = sheet.createRow(2);
                for (int i = 0; i < headers.length; i++) {
                    org.hallsafe.platform.Downloads.text(head.createCell(i), text(headers[i], locale));
                }
                return sheet;
            };
            List<SXSSFSheet> pages = new ArrayList<>(List.of(sheets.apply(0)));
            int perSheet = rowsPerSheet;
            int[] count = {0};
            Labels labels = new Labels(locale);
            // Two cores at work: this thread reads, maps and opens the rows (and logs the reads, in this transaction);
            // a writer thread lays them out in the workbook. A short queue keeps memory bounded.
            SheetWriter writer = new SheetWriter(lines -> write(pages, sheets, perSheet, lines, count, date, time, labels));
            try {
                List<Sealed> batch = new ArrayList<>(500);
                lines.query(siteId, new Filter(filter.from(), filter.to(), filter.personType(), filter.decision(), filter.screener(), null),
                        Integer.MAX_VALUE, line -> {
                            batch.add(line);
                            if (batch.size() == 500) {
                                writer.put(lines.open(batch, "ledger export"));
                                batch.clear();
                            }
                        });
                if (!batch.isEmpty()) {
                    writer.put(lines.open(batch, "ledger export"));
                }
                writer.finish();
            } finally {
                writer.stop();
            }
            workbook.write(out);
            workbook.dispose();
            return count[0];
        }
    }

    /**
     * The words of the export, looked up once per export rather than once per cell. Every cell gets the workbook's
     * default style explicitly: the file is the same, but POI no longer searches the sheet's column styles through
     * XMLBeans for each cell, which was the largest single cost of an export.
     */
    private final class Labels {
        final Locale locale;
        final Map<String, String> words = new HashMap<>();

        Labels(Locale locale) {
            this.locale = locale;
        }

        String get(String key) {
            return words.computeIfAbsent(key, k -> text(k, locale));
        }
    }

    private void write(List<SXSSFSheet> pages, java.util.function.IntFunction<SXSSFSheet> sheets, int perSheet,
            List<Line> lines, int[] count, DateTimeFormatter date, DateTimeFormatter time, Labels labels) {
        org.apache.poi.ss.usermodel.CellStyle plain = pages.get(0).getWorkbook().getCellStyleAt(0);
        for (Line l : lines) {
            int page = count[0] / perSheet;
            if (page == pages.size()) {
                pages.add(sheets.apply(page));
            }
            Row row = pages.get(page).createRow(3 + count[0]++ % perSheet);
            String[] values = {date.format(l.screenedAt()), time.format(l.screenedAt()), l.name(),
                    labels.get("gate.personType." + l.personType()), l.docMasked() == null ? "" : l.docMasked(),
                    l.phoneMasked() == null ? "" : l.phoneMasked(), null, labels.get("gate.mask." + l.mask()),
                    l.temperature() == null ? labels.get("retention.anonymised")
                            : l.symptoms().isEmpty() ? labels.get("gate.symptoms.none")
                            : String.join("、", l.symptoms().stream().map(s -> labels.get("gate.symptom." + s)).toList()),
                    labels.get("gate.decision." + l.decision()),
                    l.handling() == null ? "" : labels.get("gate.handling." + l.handling()), l.screener(),
                    l.backfilled() ? labels.get("ledger.backfilled") + "：" + l.backfillReason() : ""};
            for (int i = 0; i < values.length; i++) {
                if (i != 6 && values[i].isEmpty()) {
                    continue; // an empty cell is left out: the sheet looks the same and is quicker to write
                }
                org.apache.poi.ss.usermodel.Cell cell = row.createCell(i);
                cell.setCellStyle(plain);
                if (i == 6 && l.temperature() == null) {
                    cell.setCellValue(labels.get("retention.anonymised")); // removed after the retention period
                } else if (i == 6) {
                    cell.setCellValue(l.temperature().doubleValue());
                } else {
                    org.hallsafe.platform.Downloads.text(cell, values[i]);
                }
            }
        }
    }

    /** The export's writer thread: takes batches of opened lines from a short queue and writes them to the sheet. */
    private static final class SheetWriter {
        private static final List<Line> END = new ArrayList<>();
        private final java.util.concurrent.BlockingQueue<List<Line>> queue = new java.util.concurrent.ArrayBlockingQueue<>(4);
        private final java.util.concurrent.atomic.AtomicReference<Throwable> failure = new java.util.concurrent.atomic.AtomicReference<>();
        private final Thread thread;

        SheetWriter(Consumer<List<Line>> write) {
            thread = new Thread(() -> {
                try {
                    for (List<Line> lines = queue.take(); lines != END; lines = queue.take()) {
                        write.accept(lines);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (Throwable e) {
                    failure.set(e);
                }
            }, "ledger-export-writer");
            thread.setDaemon(true);
            thread.start();
        }

        void put(List<Line> lines) {
            try {
                while (!queue.offer(lines, 100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                    check();
                    if (!thread.isAlive()) {
                        throw new IllegalStateException("the export's writer stopped");
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("export interrupted", e);
            }
        }

        /** Waits until every line is in the sheet; rethrows what went wrong in the writer. */
        void finish() {
            put(END);
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("export interrupted", e);
            }
            check();
        }

        void stop() {
            if (thread.isAlive()) {
                thread.interrupt();
                try {
                    thread.join(10_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        private void check() {
            Throwable e = failure.get();
            if (e instanceof RuntimeException r) {
                throw r;
            } else if (e instanceof Error err) {
                throw err;
            } else if (e != null) {
                throw new IllegalStateException(e);
            }
        }
    }

    /**
     * A streaming workbook that keeps 100 rows in memory and compresses with the fastest deflate level, both its
     * temporary sheet file and the XLSX it writes: the export spends its time writing XML, and the default level
     * made it compress each byte twice at a slower setting for a file a few per cent smaller.
     */
    private static final class FastWorkbook extends SXSSFWorkbook {

        FastWorkbook() {
            super(100);
        }

        @Override
        protected org.apache.poi.xssf.streaming.SheetDataWriter createSheetDataWriter() throws IOException {
            return new org.apache.poi.xssf.streaming.GZIPSheetDataWriter(getSharedStringSource()) {
                @Override
                protected OutputStream decorateOutputStream(java.io.FileOutputStream fos) throws IOException {
                    return new java.util.zip.GZIPOutputStream(fos, 64 * 1024) {
                        {
                            def.setLevel(java.util.zip.Deflater.BEST_SPEED);
                        }
                    };
                }
            };
        }

        @Override
        protected org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream createArchiveOutputStream(OutputStream stream) {
            org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream zip = super.createArchiveOutputStream(stream);
            zip.setLevel(java.util.zip.Deflater.BEST_SPEED);
            return zip;
        }
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
