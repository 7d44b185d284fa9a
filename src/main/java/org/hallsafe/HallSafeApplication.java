package org.hallsafe;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.hallsafe.platform.DatabaseBackup;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** 政务大厅防控与服务保障平台: one deployable, one Spring Modulith module per capability of the work plan. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class HallSafeApplication {

    public static void main(String[] args) {
        // --hallsafe.backup=FILE runs without the application, beside a running HallSafe too (issue 19, item 8)
        int backup = DatabaseBackup.command(args, System.out);
        if (backup >= 0) {
            System.exit(backup);
        }
        List<String> arguments = new ArrayList<>(Arrays.asList(args));
        if (arguments.stream().anyMatch(a -> a.startsWith("--hallsafe.restore"))) {
            // a restore runs no job and opens no port while it loads the rows
            if (arguments.stream().noneMatch(a -> a.startsWith("--hallsafe.scheduling"))) {
                arguments.add("--hallsafe.scheduling=false");
            }
            if (arguments.stream().noneMatch(a -> a.startsWith("--server.port"))) {
                arguments.add("--server.port=0");
            }
        }
        SpringApplication.run(HallSafeApplication.class, arguments.toArray(String[]::new));
    }
}
