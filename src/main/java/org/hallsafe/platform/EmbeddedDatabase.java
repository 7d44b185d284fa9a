package org.hallsafe.platform;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.Properties;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * HallSafe's own PostgreSQL, closed to the rest of the machine: it listens on 127.0.0.1 only, every role needs its
 * password ({@code scram-sha-256}), and HallSafe never connects as the superuser at run time. Three roles:
 * {@code postgres} (superuser, used only here at start), {@link #OWNER} (owns the tables, runs the migrations) and
 * {@link #APP} (the application: reads and writes rows, may only add to the audit log). Their random passwords are
 * made on first start and kept in {@code data-dir/database.secret} (mode 0600, directory 0700), beside
 * {@code hallsafe.key}. A data directory of an earlier version (no passwords, {@code trust}) is closed on start.
 */
final class EmbeddedDatabase implements AutoCloseable {

    static final String SUPERUSER = "postgres";
    static final String OWNER = "hallsafe_owner";
    static final String APP = "hallsafe_app";
    static final String DATABASE = "postgres";
    static final String SECRET_FILE = "database.secret";

    /** Client authentication: passwords only, and only from this machine. */
    static final String HBA = """
            # Written by HallSafe on every start: every role needs its password, connections only from this machine.
            local   all   all                 scram-sha-256
            host    all   all   127.0.0.1/32  scram-sha-256
            host    all   all   ::1/128       scram-sha-256
            """;

    record Passwords(String superuser, String owner, String app) {

        static Passwords random() {
            return new Passwords(randomPassword(), randomPassword(), randomPassword());
        }
    }

    private final EmbeddedPostgres postgres;
    private final Passwords passwords;
    private final Path directory;

    private EmbeddedDatabase(EmbeddedPostgres postgres, Passwords passwords, Path directory) {
        this.postgres = postgres;
        this.passwords = passwords;
        this.directory = directory;
    }

    /**
     * Starts the server. {@code persistent}: data in {@code dataDir/postgres} and the passwords in
     * {@code dataDir/database.secret}; otherwise a fresh directory and passwords that live as long as the process.
     */
    static EmbeddedDatabase start(Path dataDir, boolean persistent, int port) throws IOException {
        Path directory;
        Passwords passwords;
        if (persistent) {
            Path base = dataDir.toAbsolutePath().normalize();
            Files.createDirectories(base);
            restrict(base, "rwx------");
            directory = base.resolve("postgres");
            passwords = readOrCreate(base.resolve(SECRET_FILE));
        } else {
            directory = Files.createTempDirectory("hallsafe-pg");
            passwords = Passwords.random();
        }
        boolean fresh = !Files.exists(directory.resolve("postgresql.conf"));
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setPort(port)
                .setDataDirectory(directory)
                .setCleanDataDirectory(!persistent)
                // Spring stops it (the bean's close), after the requests in flight and the beans that write on shutdown:
                // zonky's own JVM shutdown hook stopped it at the same time, and a closing context then waited 30 s
                // for a connection (the test JVM was killed by Surefire; a stopping node failed requests in flight)
                .setRegisterShutdownHook(false)
                .setServerConfig("timezone", "UTC")
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("unix_socket_directories", "''")
                .setServerConfig("password_encryption", "scram-sha-256")
                // zonky checks the server is up as the superuser; from now on that needs the password
                .setConnectConfig("password", passwords.superuser());
        if (persistent) {
            // zonky starts postgres with "-F" (fsync off) and synchronous_commit=off, made for throwaway test
            // databases; kept data must survive a crash of PostgreSQL or of the machine. "-c fsync=on" comes after
            // "-F" on the command line and wins. A throwaway directory (persistent=false, the tests) keeps zonky's
            // speed settings: it is deleted when the process ends, so there is nothing to keep.
            builder.setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on");
        }
        Path passwordFile = null;
        try {
            if (fresh) {
                // initdb sets the superuser's password and writes a pg_hba.conf without "trust" from the start
                passwordFile = Files.createTempFile("hallsafe-pg", ".pw", PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rw-------")));
                Files.writeString(passwordFile, passwords.superuser());
                builder.setLocaleConfig("pwfile", passwordFile.toString()).setLocaleConfig("auth", "scram-sha-256");
            }
            EmbeddedPostgres postgres = builder.start();
            EmbeddedDatabase database = new EmbeddedDatabase(postgres, passwords, directory);
            database.secure();
            return database;
        } finally {
            if (passwordFile != null) {
                Files.deleteIfExists(passwordFile);
            }
        }
    }

    /** Sets the passwords, makes the two roles and hands every object to the owner; closes a "trust" directory. */
    private void secure() throws IOException {
        try (Connection c = DriverManager.getConnection(jdbcUrl(), SUPERUSER, passwords.superuser());
                Statement s = c.createStatement()) {
            s.execute("ALTER ROLE " + SUPERUSER + " PASSWORD '" + passwords.superuser() + "'");
            for (String role : new String[] {OWNER, APP}) {
                s.execute("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '" + role + "') THEN "
                        + "CREATE ROLE " + role + "; END IF; END $$");
                s.execute("ALTER ROLE " + role + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS "
                        + "PASSWORD '" + (role.equals(OWNER) ? passwords.owner() : passwords.app()) + "'");
            }
            s.execute("ALTER DATABASE " + DATABASE + " OWNER TO " + OWNER);
            s.execute("ALTER SCHEMA public OWNER TO " + OWNER);
            s.execute("REVOKE CREATE ON SCHEMA public FROM PUBLIC");
            // the tables of an earlier version were made by the superuser: the owner takes them over
            s.execute("""
                    DO $$
                    DECLARE r record;
                    BEGIN
                        FOR r IN SELECT c.oid::regclass AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                                 WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
                                   AND c.relowner = '%1$s'::regrole LOOP
                            EXECUTE format('ALTER TABLE %%s OWNER TO %2$s', r.name);
                        END LOOP;
                        FOR r IN SELECT c.oid::regclass AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                                 WHERE n.nspname = 'public' AND c.relkind = 'S' AND c.relowner = '%1$s'::regrole LOOP
                            EXECUTE format('ALTER SEQUENCE %%s OWNER TO %2$s', r.name);
                        END LOOP;
                        FOR r IN SELECT p.oid::regprocedure AS name FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                                 WHERE n.nspname = 'public' AND p.proowner = '%1$s'::regrole LOOP
                            EXECUTE format('ALTER ROUTINE %%s OWNER TO %2$s', r.name);
                        END LOOP;
                        FOR r IN SELECT t.oid::regtype AS name FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
                                 WHERE n.nspname = 'public' AND t.typowner = '%1$s'::regrole
                                   AND t.typtype IN ('e', 'd') LOOP
                            EXECUTE format('ALTER TYPE %%s OWNER TO %2$s', r.name);
                        END LOOP;
                    END $$""".formatted(SUPERUSER, OWNER));
            Path hba = directory.resolve("pg_hba.conf");
            if (!HBA.equals(Files.readString(hba))) {
                Files.writeString(hba, HBA);
                s.execute("SELECT pg_reload_conf()");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot sign in to the embedded PostgreSQL in " + directory + " as "
                    + SUPERUSER + " (is " + SECRET_FILE + " the one made with this data directory?)", e);
        }
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + DATABASE;
    }

    int port() {
        return postgres.getPort();
    }

    Path directory() {
        return directory;
    }

    Passwords passwords() {
        return passwords;
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }

    static Passwords readOrCreate(Path file) {
        try {
            Properties p = new Properties();
            if (Files.exists(file)) {
                try (Reader in = Files.newBufferedReader(file)) {
                    p.load(in);
                }
                restrict(file, "rw-------");
                return new Passwords(p.getProperty("superuser"), p.getProperty("owner"), p.getProperty("app"));
            }
            Passwords made = Passwords.random();
            p.setProperty("superuser", made.superuser());
            p.setProperty("owner", made.owner());
            p.setProperty("app", made.app());
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try (Writer out = Files.newBufferedWriter(file)) {
                p.store(out, "Passwords of the embedded PostgreSQL's roles " + SUPERUSER + ", " + OWNER + " and " + APP
                        + ". Keep with hallsafe.key; only HallSafe's own user may read it.");
            }
            return made;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write the database passwords " + file, e);
        } catch (UnsupportedOperationException e) {
            throw new IllegalStateException("the data directory must be on a POSIX file system: " + file, e);
        }
    }

    private static void restrict(Path path, String mode) throws IOException {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(mode));
        } catch (UnsupportedOperationException ignored) {
            // not a POSIX file system: the directory's own protection applies
        }
    }

    private static String randomPassword() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
