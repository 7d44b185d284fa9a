package org.hallsafe.screening;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import org.hallsafe.platform.LedgerWorkbook;
import org.hallsafe.platform.Spreadsheets;
import org.hallsafe.screening.Ledger.Filter;
import org.hallsafe.screening.Ledger.Line;
import org.hallsafe.screening.LedgerLines.Sealed;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The ledger as an Excel file laid out like the signed paper ledger (platform's {@link LedgerWorkbook}): rows flow
 * from a database cursor into the streaming workbook, this thread reading and opening them, another writing them.
 */
@Component
class LedgerExport {

    private static final List<String> HEADINGS = List.of("ledger.col.date", "ledger.col.time", "ledger.col.name",
            "ledger.col.type", "ledger.col.doc", "ledger.col.phone", "ledger.col.temperature", "ledger.col.mask",
            "ledger.col.symptoms", "ledger.col.result", "ledger.col.handling", "ledger.col.screener", "ledger.col.note");

    private final LedgerLines lines;
    private final Spreadsheets spreadsheets;
    private final MessageSource messages;
    private final Clock clock;
    /** For tests: ledger lines per sheet; 0 leaves it to the workbook (under the rows an XLSX sheet holds). */
    private int rowsPerSheet;

    LedgerExport(LedgerLines lines, Spreadsheets spreadsheets, MessageSource messages, Clock clock) {
        this.lines = lines;
        this.spreadsheets = spreadsheets;
        this.messages = messages;
        this.clock = clock;
    }

    void rowsPerSheet(int rows) {
        this.rowsPerSheet = rows;
    }

    /** Writes the filtered ledger while reading it, in bounded memory however long it is; answers the lines written. */
    int export(long siteId, Filter filter, String hallName, Locale locale, OutputStream out) throws IOException {
        ZoneId zone = clock.getZone();
        try (LedgerWorkbook book = spreadsheets.workbook(locale)) {
            if (rowsPerSheet > 0) {
                book.rowsPerSheet(rowsPerSheet);
            }
            Labels labels = new Labels(locale);
            LedgerWorkbook.Sheet sheet = book.sheet(labels.get("ledger.title"), hallName,
                    book.period(filter.from(), filter.to()), HEADINGS.stream().map(labels::get).toList());
            // Two cores at work: this thread reads, maps and opens the rows (and logs the reads, in this transaction);
            // a writer thread lays them out in the workbook. A short queue keeps memory bounded.
            SheetWriter writer = new SheetWriter(batch -> batch.forEach(l -> sheet.row(values(l, zone, book, labels))));
            try {
                List<Sealed> batch = new ArrayList<>(500);
                lines.query(siteId, new Filter(filter.from(), filter.to(), filter.personType(), filter.decision(),
                        filter.screener(), null, filter.person()), Integer.MAX_VALUE, line -> {
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
            book.write(out);
            return sheet.rows();
        }
    }

    /**
     * One line's cells, in the order of the headings: the day and time as date cells, the temperature a number (or a
     * word once anonymised), the screener by name.
     */
    private static List<Object> values(Line l, ZoneId zone, LedgerWorkbook book, Labels labels) {
        ZonedDateTime at = l.screenedAt().atZone(zone);
        return Arrays.asList(at.toLocalDate(), at.toLocalTime().truncatedTo(ChronoUnit.MINUTES), l.name(),
                labels.get("gate.personType." + l.personType()), l.docMasked(), l.phoneMasked(),
                l.temperature() == null ? labels.get("retention.anonymised") : l.temperature(),
                labels.get("gate.mask." + l.mask()),
                l.temperature() == null ? labels.get("retention.anonymised")
                        : l.symptoms().isEmpty() ? labels.get("gate.symptoms.none")
                        : String.join("、", l.symptoms().stream().map(s -> labels.get("gate.symptom." + s)).toList()),
                labels.get("gate.decision." + l.decision()),
                l.handling() == null ? "" : labels.get("gate.handling." + l.handling()), book.person(l.screener()),
                l.backfilled() ? labels.get("ledger.backfilled") + "：" + l.backfillReason() : "");
    }

    /** The words of the export, looked up once per export rather than once per cell. */
    private final class Labels {
        final Locale locale;
        final Map<String, String> words = new HashMap<>();

        Labels(Locale locale) {
            this.locale = locale;
        }

        String get(String key) {
            return words.computeIfAbsent(key, k -> messages.getMessage(k, null, locale));
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

}
