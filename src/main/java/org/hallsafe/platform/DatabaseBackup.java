package org.hallsafe.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import static org.hallsafe.platform.DatabaseCatalog.columns;
import static org.hallsafe.platform.DatabaseCatalog.last;
import static org.hallsafe.platform.DatabaseCatalog.list;
import static org.hallsafe.platform.DatabaseCatalog.migrations;
import static org.hallsafe.platform.DatabaseCatalog.one;
import static org.hallsafe.platform.DatabaseCatalog.quote;
import static org.hallsafe.platform.DatabaseCatalog.sealedSample;
import static org.hallsafe.platform.DatabaseCatalog.sequences;
import static org.hallsafe.platform.DatabaseCatalog.split;
import static org.hallsafe.platform.DatabaseCatalog.tables;

/**
 * Backup and restore of HallSafe's embedded PostgreSQL (issue 19, item 8). The embedded server ships no
 * {@code pg_dump} (only {@code initdb}, {@code pg_ctl} and {@code postgres}), and the Debian {@code pg_dump} 15 refuses
 * a PostgreSQL 17 server, so HallSafe writes the backup itself, the way {@code pg_dump} does: one read-only
 * {@code REPEATABLE READ} snapshot, every table with {@code COPY … TO STDOUT}, every sequence's position, and the list
 * of migrations the schema is at; all in one zip file. A restore goes into a new HallSafe whose migrations are the
 * same: it empties every table, loads the rows with the triggers off (the audit log keeps its ids and hash chain
 * exactly), sets the sequences, checks the row counts and that the key opens the sealed values, in one transaction.
 *
 * <p>The backup holds no key and no password: {@code hallsafe.key} (or {@code HALLSAFE_CRYPTO_KEY}) must be kept
 * apart from it, and is needed to read ID and phone numbers after a restore.
 */
public final class DatabaseBackup {

    static final String MANIFEST = "hallsafe-backup.properties";
    static final String FORMAT = "hallsafe-backup-1";

    private DatabaseBackup() {
    }

    /** What a backup or restore did. */
    public record Summary(int tables, long rows, long auditRows, List<String> migrations) {
    }

    /**
     * {@code java -jar hallsafe.jar --hallsafe.backup=FILE [--hallsafe.data-dir=DIR]}: backs up the embedded database
     * of {@code DIR} without starting HallSafe ({@link BackupCommand}).
     *
     * @return the exit status, or -1 when the arguments ask for no backup
     */
    public static int command(String[] args, PrintStream out) {
        return BackupCommand.run(args, out);
    }

    /** Writes every table and sequence of the database, seen in one snapshot, to {@code file} (made 0600). */
    public static Summary backup(Connection c, Path file) throws SQLException, IOException {
        Path target = file.toAbsolutePath().normalize();
        Files.createDirectories(target.getParent());
        Path partial = Files.createTempFile(target.getParent(), ".hallsafe-backup", ".part");
        restrict(partial);
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            s.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
            Properties manifest = new Properties();
            manifest.setProperty("format", FORMAT);
            manifest.setProperty("created", Instant.now().toString());
            manifest.setProperty("server", one(c, "SHOW server_version"));
            List<String> migrations = migrations(c);
            manifest.setProperty("migrations", String.join(",", migrations));
            List<String> tables = tables(c);
            manifest.setProperty("tables", String.join(",", tables));
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            long rows = 0;
            long auditRows = 0;
            try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(partial))) {
                for (String table : tables) {
                    List<String> columns = columns(c, table);
                    zip.putNextEntry(new ZipEntry("tables/" + table + ".copy"));
                    long n = copy.copyOut("COPY (SELECT " + list(columns) + " FROM " + quote(table) + ") TO STDOUT",
                            new UnclosedStream(zip));
                    zip.closeEntry();
                    manifest.setProperty("table." + table + ".columns", String.join(",", columns));
                    manifest.setProperty("table." + table + ".rows", Long.toString(n));
                    rows += n;
                    if (table.equals("audit_log")) {
                        auditRows = n;
                    }
                }
                List<String> sequences = sequences(c);
                manifest.setProperty("sequences", String.join(",", sequences));
                for (String sequence : sequences) {
                    try (ResultSet r = s.executeQuery("SELECT last_value, is_called FROM " + quote(sequence))) {
                        r.next();
                        manifest.setProperty("sequence." + sequence, r.getLong(1) + "," + r.getBoolean(2));
                    }
                }
                zip.putNextEntry(new ZipEntry(MANIFEST));
                manifest.store(new UnclosedStream(zip), "HallSafe backup. It holds no key: hallsafe.key is kept apart.");
                zip.closeEntry();
            }
            c.commit();
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return new Summary(tables.size(), rows, auditRows, migrations);
        } finally {
            Files.deleteIfExists(partial);
            if (!c.isClosed()) {
                c.rollback();
                c.setAutoCommit(autoCommit);
            }
        }
    }

    /**
     * Loads a backup into this database, which must be new (no staff, no hall but the first) and be at the same migrations. {@code opens}
     * says whether the key opens a sealed value; a restore whose sealed values this key cannot open is refused.
     * {@code c} must be a superuser's connection: the triggers (the audit log's chain) stay off while rows are loaded.
     */
    public static Summary restore(Connection c, Path file, Predicate<byte[]> opens) throws SQLException, IOException {
        try (ZipFile zip = new ZipFile(file.toFile(), StandardCharsets.UTF_8)) {
            ZipEntry entry = zip.getEntry(MANIFEST);
            if (entry == null) {
                throw new IllegalArgumentException(file + " is not a HallSafe backup");
            }
            Properties manifest = new Properties();
            try (Reader in = new java.io.InputStreamReader(zip.getInputStream(entry), StandardCharsets.ISO_8859_1)) {
                manifest.load(in);
            }
            if (!FORMAT.equals(manifest.getProperty("format"))) {
                throw new IllegalArgumentException(file + " is a backup of another format: " + manifest.getProperty("format"));
            }
            List<String> migrations = migrations(c);
            List<String> theirs = split(manifest.getProperty("migrations"));
            if (!migrations.equals(theirs)) {
                throw new IllegalStateException("the backup's database is at migration " + last(theirs)
                        + ", this HallSafe at " + last(migrations) + ": restore with the HallSafe version that made the "
                        + "backup, then start the new version, which upgrades the restored database");
            }
            List<String> tables = split(manifest.getProperty("tables"));
            if (!new TreeSet<>(tables).equals(new TreeSet<>(tables(c)))) {
                throw new IllegalStateException("the backup's tables differ from this database's");
            }
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                // a new HallSafe has the first hall its migration makes, and perhaps its first administrator
                if (Long.parseLong(one(c, "SELECT (SELECT count(*) FROM sites) + (SELECT count(*) FROM staff)")) > 1) {
                    throw new IllegalStateException("this database is in use (it holds halls or staff): restore only "
                            + "into a new, empty HallSafe (a new data directory)");
                }
                s.execute("SET LOCAL session_replication_role = replica");
                s.execute("TRUNCATE " + list(tables));
                CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
                long rows = 0;
                for (String table : tables) {
                    List<String> columns = split(manifest.getProperty("table." + table + ".columns"));
                    long expected = Long.parseLong(manifest.getProperty("table." + table + ".rows"));
                    long n;
                    try (InputStream in = zip.getInputStream(zip.getEntry("tables/" + table + ".copy"))) {
                        n = copy.copyIn("COPY " + quote(table) + " (" + list(columns) + ") FROM STDIN", in);
                    }
                    if (n != expected) {
                        throw new IllegalStateException(table + ": " + n + " rows loaded, the backup lists " + expected);
                    }
                    rows += n;
                }
                for (String sequence : split(manifest.getProperty("sequences"))) {
                    String[] value = manifest.getProperty("sequence." + sequence).split(",");
                    try (PreparedStatement p = c.prepareStatement("SELECT setval(?::regclass, ?, ?)")) {
                        p.setString(1, quote(sequence));
                        p.setLong(2, Long.parseLong(value[0]));
                        p.setBoolean(3, Boolean.parseBoolean(value[1]));
                        p.execute();
                    }
                }
                byte[] sample = sealedSample(c);
                if (sample != null && !opens.test(sample)) {
                    throw new IllegalStateException("the key of this HallSafe does not open the backup's sealed ID and "
                            + "phone numbers: start it with the key the backup's HallSafe used (hallsafe.key or "
                            + "HALLSAFE_CRYPTO_KEY); nothing was restored");
                }
                c.commit();
                long audit = Long.parseLong(manifest.getProperty("table.audit_log.rows", "0"));
                return new Summary(tables.size(), rows, audit, migrations);
            } catch (SQLException | IOException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
            }
        }
    }

    private static void restrict(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException ignored) {
            // not a POSIX file system: the directory's own protection applies
        }
    }

    /** Lets COPY and Properties write into one zip entry without closing the zip. */
    private static final class UnclosedStream extends java.io.FilterOutputStream {

        UnclosedStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
