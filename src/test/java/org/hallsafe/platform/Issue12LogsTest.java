package org.hallsafe.platform;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.hallsafe.HallSafeTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Issue #12, item 14: log files are not readable by others, and database errors carry no refused values. */
@HallSafeTest
class Issue12LogsTest {

    @Autowired JdbcClient jdbc;

    @Test
    void r12_14_databaseErrorsLeaveTheRefusedValuesOutOfTheMessage() {
        assertThatThrownBy(() -> jdbc.sql("""
                DO $$ BEGIN
                  RAISE unique_violation USING MESSAGE = 'duplicate key value violates unique constraint "bookings_code"',
                    DETAIL = 'Key (code)=(' || upper('k7q2xw9p') || ') already exists.';
                END $$""").update())
                .satisfies(e -> {
                    StringBuilder all = new StringBuilder();
                    for (Throwable t = e; t != null; t = t.getCause()) {
                        all.append(t).append('\n');
                    }
                    // the refused value exists only in the server's detail: the SQL text holds it in lower case
                    assertThat(all).contains("bookings_code").doesNotContain("K7Q2XW9P");
                });
    }

    @Test
    void r12_14_logFilesAreClosedToOtherUsers(@TempDir Path data) throws Exception {
        Path logs = Files.createDirectories(data.resolve("logs"));
        Files.setPosixFilePermissions(logs, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path file = logs.resolve("hallsafe.log");
        Path rolled = logs.resolve("hallsafe.log.2026-12-01.0.gz");
        for (Path p : new Path[] {file, rolled}) {
            Files.writeString(p, "x");
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-r--r--"));
        }
        LogFiles.restrict(file, data);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(logs))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(rolled))).isEqualTo("rw-------");
    }

    @Test
    void r12_14_aLogDirectoryOutsideTheDataDirectoryKeepsItsModeButTheFilesAreClosed(@TempDir Path tmp) throws Exception {
        Path shared = Files.createDirectories(tmp.resolve("var-log"));
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path file = shared.resolve("hallsafe.log");
        Files.writeString(file, "x");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        LogFiles.restrict(file, tmp.resolve("data"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(shared))).isEqualTo("rwxr-xr-x");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }
}
