package org.hallsafe.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * HallSafe logs to the console by default. When an operator adds a log file ({@code logging.file.name} or
 * {@code logging.file.path}), the log files there are made {@code 0600} at start, and a log directory inside
 * HallSafe's data directory {@code 0700}, so no other user of the machine reads them (issue #12, item 14). A
 * directory elsewhere (say {@code /var/log}) is left as it is: it is not HallSafe's to close. Files rolled over later
 * are made with the process's umask: start HallSafe with {@code umask 077} (systemd {@code UMask=0077}).
 */
@Component
class LogFiles {

    private static final Logger log = LoggerFactory.getLogger(LogFiles.class);

    private final Environment environment;
    private final HallSafeProperties properties;

    LogFiles(Environment environment, HallSafeProperties properties) {
        this.environment = environment;
        this.properties = properties;
    }

    @EventListener(ApplicationStartedEvent.class)
    void closeToOthers() {
        String name = environment.getProperty("logging.file.name");
        String path = environment.getProperty("logging.file.path");
        if (isBlank(name) && isBlank(path)) {
            return;
        }
        Path file = !isBlank(name) ? Path.of(name) : Path.of(path, "spring.log");
        try {
            restrict(file.toAbsolutePath().normalize(), properties.dataDir().toAbsolutePath().normalize());
        } catch (IOException | UnsupportedOperationException e) {
            log.warn("Could not make the log files {}* private to HallSafe's user: {}", file, e.getMessage());
        }
    }

    /** The log file and its rolled-over siblings to 0600; their directory to 0700 when it lies in the data directory. */
    static void restrict(Path file, Path dataDir) throws IOException {
        Path dir = file.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            return;
        }
        if (dir.startsWith(dataDir)) {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        }
        String prefix = file.getFileName().toString();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                if (Files.isRegularFile(f) && f.getFileName().toString().startsWith(prefix)) {
                    Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-------"));
                }
            }
        }
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
