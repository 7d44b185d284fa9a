package org.hallsafe.screening;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.util.TempFile;
import org.apache.poi.util.TempFileCreationStrategy;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.hallsafe.platform.PersonalData;
import org.hallsafe.screening.Gate.Decision;
import org.hallsafe.screening.Gate.PersonType;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The screening ledger (监测台账, R-SCR-3): filtered by date, person type, decision and screener, paged by key so the
 * millionth row is as quick as the first, exported as an Excel file laid out like the paper ledger. Document and
 * phone numbers appear masked; temperatures and symptoms are opened for the page or the export, and that is logged:
 * which is why even its reads run in read-write transactions.
 */
@Service
public class Ledger {

    static final int PAGE = 50;

    private final NamedParameterJdbcTemplate streaming;
    private final PersonalData personalData;
    private final MessageSource messages;
    private final Clock clock;

    Ledger(DataSource dataSource, PersonalData personalData, MessageSource messages, Clock clock) throws IOException {
        JdbcTemplate template = new JdbcTemplate(dataSource);
        template.setFetchSize(1000);
        this.streaming = new NamedParameterJdbcTemplate(template);
        this.personalData = personalData;
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

    /** The ledger's filters; dates are days in the hall's zone, both included. */
    public record Filter(LocalDate from, LocalDate to, PersonType personType, Decision decision, String screener,
            String before) {
    }

    /** One ledger line: masked identity, opened health data. */
    public record Line(long id, Instant screenedAt, Instant recordedAt, PersonType personType, String name,
            String docMasked, String phoneMasked, BigDecimal temperature, Gate.Mask mask, List<String> symptoms,
            Decision decision, List<String> reasons, Gate.Handling handling, String screener, boolean backfilled,
            String backfillReason, Long recheckOf, Long incidentId) {

        /** The cursor of the next page: this line's time and id. */
        public String cursor() {
            return screenedAt.toEpochMilli() * 1000 + screenedAt.getNano() / 1000 % 1000 + "_" + id;
        }
    }

    /** One page, newest first, and whether there are more. */
    @Transactional
    public List<Line> page(long siteId, Filter filter) {
        List<Sealed> lines = new ArrayList<>();
        query(siteId, filter, PAGE + 1, lines::add);
        return open(lines, "ledger page");
    }

    @Transactional
    public Line line(long siteId, long id) {
        List<Sealed> lines = new ArrayList<>();
        streaming.query(SELECT + " WHERE s.site_id = :site AND s.id = :id", Map.of("site", siteId, "id", id),
                rs -> { lines.add(map(rs)); });
        if (lines.isEmpty()) {
            throw new java.util.NoSuchElementException(String.valueOf(id));
        }
        return open(lines, "ledger line " + id).get(0);
    }

    /** The questioning record of a refused person, opened for one reader; the read is logged. */
    @Transactional
    public List<String> questioning(long siteId, long id) {
        List<byte[]> rows = streaming.query("SELECT questioning_cipher FROM screenings WHERE site_id = :site AND id = :id",
                Map.of("site", siteId, "id", id), (rs, n) -> rs.getBytes(1));
        if (rows.isEmpty()) {
            throw new java.util.NoSuchElementException(String.valueOf(id));
        }
        byte[] sealed = rows.get(0);
        if (sealed == null) {
            return List.of();
        }
        return Arrays.asList(personalData.revealAll(List.of(sealed), "screening", "questioning " + id).get(0).split("\u001f", -1));
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

    @Transactional
    public int export(long siteId, Filter filter, String hallName, Locale locale, OutputStream out) throws IOException {
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
                query(siteId, new Filter(filter.from(), filter.to(), filter.personType(), filter.decision(), filter.screener(), null),
                        Integer.MAX_VALUE, line -> {
                            batch.add(line);
                            if (batch.size() == 500) {
                                writer.put(open(batch, "ledger export"));
                                batch.clear();
                            }
                        });
                if (!batch.isEmpty()) {
                    writer.put(open(batch, "ledger export"));
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

    private static final String SELECT = """
            SELECT s.id, s.screened_at, s.recorded_at, s.person_type, s.person_name, s.doc_masked, s.phone_masked,
                   s.mask, s.health_cipher, s.decision, s.reasons, s.handling, s.screener, s.backfilled,
                   s.backfill_reason, s.recheck_of, s.incident_id
            FROM screenings s""";

    private void query(long siteId, Filter f, int limit, Consumer<Sealed> each) {
        StringBuilder sql = new StringBuilder(SELECT).append(" WHERE s.site_id = :site");
        Map<String, Object> params = new HashMap<>();
        params.put("site", siteId);
        ZoneId zone = clock.getZone();
        if (f.from() != null) {
            sql.append(" AND s.screened_at >= :from");
            params.put("from", Timestamp.from(f.from().atStartOfDay(zone).toInstant()));
        }
        if (f.to() != null) {
            sql.append(" AND s.screened_at < :to");
            params.put("to", Timestamp.from(f.to().plusDays(1).atStartOfDay(zone).toInstant()));
        }
        if (f.personType() != null) {
            sql.append(" AND s.person_type = :type");
            params.put("type", f.personType().name());
        }
        if (f.decision() != null) {
            sql.append(" AND s.decision = :decision");
            params.put("decision", f.decision().name());
        }
        if (f.screener() != null && !f.screener().isBlank()) {
            sql.append(" AND s.screener = :screener");
            params.put("screener", f.screener().strip());
        }
        if (f.before() != null && f.before().matches("\\d+_\\d+")) {
            String[] cursor = f.before().split("_");
            long micros = Long.parseLong(cursor[0]);
            sql.append(" AND (s.screened_at, s.id) < (:beforeAt, :beforeId)");
            params.put("beforeAt", Timestamp.from(Instant.ofEpochSecond(micros / 1_000_000, micros % 1_000_000 * 1000)));
            params.put("beforeId", Long.parseLong(cursor[1]));
        }
        sql.append(" ORDER BY s.screened_at DESC, s.id DESC");
        if (limit != Integer.MAX_VALUE) {
            sql.append(" LIMIT ").append(limit);
        }
        streaming.query(sql.toString(), params, rs -> {
            each.accept(map(rs));
        });
    }

    /** A ledger line as read, its health data still sealed. */
    private record Sealed(Line line, byte[] health) {
    }

    /** Reads a row with its health data still sealed; {@link #open} opens a batch with one audit entry. */
    private Sealed map(ResultSet rs) throws SQLException {
        // by position, in the order of SELECT: looking columns up by name was a noticeable part of an export
        long recheckOf = rs.getLong(16);
        boolean noRecheck = rs.wasNull();
        long incident = rs.getLong(17);
        boolean noIncident = rs.wasNull();
        String handling = rs.getString(12);
        Line line = new Line(rs.getLong(1), rs.getTimestamp(2).toInstant(),
                rs.getTimestamp(3).toInstant(), PersonType.valueOf(rs.getString(4)),
                rs.getString(5), rs.getString(6), rs.getString(7),
                null, Gate.Mask.valueOf(rs.getString(8)), List.of(),
                Decision.valueOf(rs.getString(10)), Arrays.asList((String[]) rs.getArray(11).getArray()),
                handling == null ? null : Gate.Handling.valueOf(handling), rs.getString(13),
                rs.getBoolean(14), rs.getString(15), noRecheck ? null : recheckOf,
                noIncident ? null : incident);
        return new Sealed(line, rs.getBytes(9));
    }

    private List<Line> open(List<Sealed> lines, String what) {
        if (lines.isEmpty()) {
            return List.of();
        }
        List<String> plain = personalData.revealAll(lines.stream().map(Sealed::health).toList(), "screening", what);
        List<Line> opened = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            Line l = lines.get(i).line();
            Health h = Health.open(plain.get(i));
            opened.add(new Line(l.id(), l.screenedAt(), l.recordedAt(), l.personType(), l.name(), l.docMasked(),
                    l.phoneMasked(), h.temperature(), l.mask(), h.symptoms().stream().map(Enum::name).toList(),
                    l.decision(), l.reasons(), l.handling(), l.screener(), l.backfilled(), l.backfillReason(),
                    l.recheckOf(), l.incidentId()));
        }
        return opened;
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
