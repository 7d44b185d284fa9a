package org.hallsafe.platform;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;

/** The backup as a command line, run before Spring starts (see {@link DatabaseBackup#command}). */
final class BackupCommand {

    private BackupCommand() {
    }

    /**
     * {@code java -jar hallsafe.jar --hallsafe.backup=FILE [--hallsafe.data-dir=DIR]}: backs up the embedded database
     * of {@code DIR} (default {@code HALLSAFE_DATA_DIR} or {@code ./data}) without starting HallSafe, so it runs beside
     * a running HallSafe (it connects to its server) as well as on a stopped one (it starts the server and stops it).
     *
     * @return the exit status, or -1 when the arguments ask for no backup
     */
    static int run(String[] args, PrintStream out) {
        String file = option(args, "hallsafe.backup");
        if (file == null) {
            return -1;
        }
        // no Spring here: the embedded server's start-up chatter stays out of what the command prints
        if (org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME) instanceof ch.qos.logback.classic.Logger root) {
            root.setLevel(ch.qos.logback.classic.Level.WARN);
        }
        String url = option(args, "spring.datasource.url");
        if (url == null) {
            url = System.getenv().getOrDefault("HALLSAFE_DB_URL", "");
        }
        if (!url.isBlank()) {
            out.println("HallSafe runs on your own PostgreSQL: back it up with that server's pg_dump -Fc, or "
                    + "pg_basebackup and WAL archiving (README, \"Backup and restore\").");
            return 2;
        }
        if (file.isBlank()) {
            out.println("--hallsafe.backup needs a file name: --hallsafe.backup=/backups/hallsafe-2026-12-01.zip");
            return 2;
        }
        String dir = option(args, "hallsafe.data-dir");
        if (dir == null) {
            dir = System.getenv().getOrDefault("HALLSAFE_DATA_DIR", "./data");
        }
        Path dataDir = Path.of(dir).toAbsolutePath().normalize();
        Path secret = dataDir.resolve(EmbeddedDatabase.SECRET_FILE);
        if (!Files.exists(secret)) {
            out.println("no HallSafe database in " + dataDir + " (" + EmbeddedDatabase.SECRET_FILE
                    + " is missing); give --hallsafe.data-dir");
            return 1;
        }
        try {
            EmbeddedDatabase.Passwords passwords = EmbeddedDatabase.readOrCreate(secret);
            Integer port = runningPort(dataDir.resolve("postgres"));
            DatabaseBackup.Summary summary;
            if (port != null) {
                try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/"
                        + EmbeddedDatabase.DATABASE, EmbeddedDatabase.SUPERUSER, passwords.superuser())) {
                    summary = DatabaseBackup.backup(c, Path.of(file));
                }
            } else {
                try (EmbeddedDatabase db = EmbeddedDatabase.start(dataDir, true, 0);
                        Connection c = DriverManager.getConnection(db.jdbcUrl(), EmbeddedDatabase.SUPERUSER,
                                passwords.superuser())) {
                    summary = DatabaseBackup.backup(c, Path.of(file));
                }
            }
            out.printf("backup written to %s: %d tables, %d rows (audit log: %d rows), schema at migration %s%n",
                    Path.of(file).toAbsolutePath(), summary.tables(), summary.rows(), summary.auditRows(),
                    summary.migrations().isEmpty() ? "-" : summary.migrations().get(summary.migrations().size() - 1));
            out.println("The backup does NOT contain the key of the sealed ID and phone numbers: keep "
                    + dataDir.resolve("hallsafe.key") + " (or HALLSAFE_CRYPTO_KEY) safe, apart from the backup.");
            return 0;
        } catch (IOException | SQLException | RuntimeException e) {
            out.println("backup FAILED: " + e.getMessage());
            return 1;
        }
    }

    /** The port of the embedded server running on this data directory, or null when none runs. */
    private static Integer runningPort(Path directory) {
        try {
            List<String> lines = Files.readAllLines(directory.resolve("postmaster.pid"));
            long pid = Long.parseLong(lines.get(0).strip());
            if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                return Integer.parseInt(lines.get(3).strip());
            }
        } catch (IOException | RuntimeException e) {
            // no pid file, or one left by a crash: the server is not running
        }
        return null;
    }

    private static String option(String[] args, String name) {
        for (String arg : args) {
            if (arg.equals("--" + name)) {
                return "";
            }
            if (arg.startsWith("--" + name + "=")) {
                return arg.substring(name.length() + 3);
            }
        }
        return null;
    }
}
