package org.hallsafe.audit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.hallsafe.appointments.AppointmentForms;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 20, item 7: the audit log showed {@code ??audit.action.ARRIVED_zh_CN??}. Every action HallSafe writes to the
 * activity log has a label in both bundles: the actions are read from every {@code activity.record(..)} call in the
 * sources, and a booking's statuses (the gate's arrival records the booking's new status as its action).
 */
class AuditLabelsIssue20Test {

    private static final Pattern CALL = Pattern.compile("activity\\.record\\((.*?)\\);", Pattern.DOTALL);
    private static final Pattern ACTION = Pattern.compile("\"([A-Z][A-Z_]{2,})\"");

    private static Properties bundle(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = AuditLabelsIssue20Test.class.getResourceAsStream("/" + name)) {
            p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void r20_7_everyAuditedActionHasALabelInBothLanguages() throws IOException {
        Set<String> actions = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher call = CALL.matcher(Files.readString(f));
                while (call.find()) {
                    Matcher action = ACTION.matcher(call.group(1));
                    while (action.find()) {
                        actions.add(action.group(1));
                    }
                }
            }
        }
        Arrays.stream(AppointmentForms.Status.values()).map(Enum::name).forEach(actions::add);
        assertThat(actions).as("actions found").hasSizeGreaterThan(40).contains("INCIDENT_ACKNOWLEDGED", "ARRIVED");
        for (String name : new String[] {"messages.properties", "messages_en.properties"}) {
            Properties p = bundle(name);
            assertThat(actions.stream().filter(a -> !p.containsKey("audit.action." + a)).toList())
                    .as("actions without a label in " + name).isEmpty();
        }
    }
}
