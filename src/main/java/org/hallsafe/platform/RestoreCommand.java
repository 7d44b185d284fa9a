package org.hallsafe.platform;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar hallsafe.jar --hallsafe.restore=FILE --hallsafe.data-dir=NEW-DIR}: HallSafe starts on a new, empty
 * data directory (the migrations make the tables), loads the backup made by {@code --hallsafe.backup} (see
 * {@link DatabaseBackup}), prints what it restored and stops: status 0 restored, 1 refused or failed (nothing
 * restored), 2 not the embedded database. Jobs and the web port stay off for it ({@code HallSafeApplication}).
 */
@Component
class RestoreCommand implements ApplicationRunner {

    static final String OPTION = "hallsafe.restore";

    private final ObjectProvider<EmbeddedDatabase> embedded;
    private final PersonalData personalData;
    private final ConfigurableApplicationContext context;

    RestoreCommand(ObjectProvider<EmbeddedDatabase> embedded, PersonalData personalData,
            ConfigurableApplicationContext context) {
        this.embedded = embedded;
        this.personalData = personalData;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (args.containsOption(OPTION)) {
            int status = restore(args.getOptionValues(OPTION).isEmpty() ? "" : args.getOptionValues(OPTION).get(0));
            System.exit(SpringApplication.exit(context, () -> status));
        }
    }

    int restore(String file) {
        EmbeddedDatabase db = embedded.getIfAvailable();
        if (db == null) {
            System.out.println("HallSafe runs on your own PostgreSQL: restore with that server's pg_restore "
                    + "(README, \"Backup and restore\").");
            return 2;
        }
        if (file.isBlank()) {
            System.out.println("--hallsafe.restore needs the backup file: --hallsafe.restore=/backups/hallsafe.zip");
            return 1;
        }
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), EmbeddedDatabase.SUPERUSER,
                db.passwords().superuser())) {
            DatabaseBackup.Summary s = DatabaseBackup.restore(c, Path.of(file), personalData::opens);
            System.out.printf("restored %s into %s: %d tables, %d rows (audit log: %d rows)%n", file, db.directory(),
                    s.tables(), s.rows(), s.auditRows());
            System.out.println("Check the audit log with --hallsafe.audit.verify, then start HallSafe on this data "
                    + "directory as usual.");
            return 0;
        } catch (Exception e) {
            System.out.println("restore FAILED, nothing was restored: " + e.getMessage());
            return 1;
        }
    }
}
