package org.hallsafe.duty;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.hallsafe.HallSafeApplication;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13 for appointments and duty: duty is its own module, the services are split, only the facades are public, and
 * neither module reads another module's tables. Plain tests: no Spring context, no database.
 */
class Issue13DutyModuleTest {

    private static final Path MAIN = Path.of("src/main/java/org/hallsafe");
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.hallsafe");

    @Test
    void r13_1_dutyIsItsOwnModuleAndAppointmentsDoesNotDependOnIt() {
        ApplicationModules modules = ApplicationModules.of(HallSafeApplication.class);
        ApplicationModule duty = modules.getModuleByName("duty").orElseThrow();
        assertThat(duty.contains(Duty.class)).isTrue();
        assertThat(duty.contains(DutyPages.class)).isTrue();
        noClasses().that().resideInAPackage("org.hallsafe.appointments..").should().dependOnClassesThat()
                .resideInAPackage("org.hallsafe.duty..").check(CLASSES);
    }

    @Test
    void r13_2_noClassOfAppointmentsOrDutyIsOver350Lines() throws IOException {
        Map<String, Long> over = new TreeMap<>();
        for (String module : List.of("appointments", "duty")) {
            try (Stream<Path> files = Files.list(MAIN.resolve(module))) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    long lines;
                    try (Stream<String> l = Files.lines(f)) {
                        lines = l.count();
                    }
                    if (lines > 350) {
                        over.put(f.getFileName().toString(), lines);
                    }
                }
            }
        }
        assertThat(over).isEmpty();
    }

    @Test
    void r13_4_onlyFacadesTheirRecordsEventsAndPlugInsArePublic() {
        List<String> publicTypes = new ArrayList<>();
        CLASSES.stream().filter(c -> c.getPackageName().equals("org.hallsafe.appointments")
                        || c.getPackageName().equals("org.hallsafe.duty"))
                .filter(c -> c.getModifiers().contains(com.tngtech.archunit.core.domain.JavaModifier.PUBLIC))
                .filter(c -> c.getEnclosingClass().isEmpty())
                .forEach(c -> publicTypes.add(c.getSimpleName()));
        assertThat(publicTypes).containsExactlyInAnyOrder(
                // facades
                "Bookings", "Catalogue", "Slots", "QueueBoard", "SlotPicker", "Duty", "VisitBookings",
                // their forms and records, an event, a plug-in
                "AppointmentForms", "DutyForms", "CitizenCalled", "CallOutcomes");
    }

    /**
     * Every table a module's migrations create is that module's; duty's two tables were made by appointments' first
     * migration (when duty lived there) and are duty's now.
     */
    @Test
    void r13_4_appointmentsAndDutyReadNoTableOfAnotherModule() throws IOException {
        Map<String, String> owner = new TreeMap<>();
        Pattern create = Pattern.compile("CREATE TABLE (?:IF NOT EXISTS )?(\\w+)", Pattern.CASE_INSENSITIVE);
        try (Stream<Path> folders = Files.list(Path.of("src/main/resources/db/migration"))) {
            for (Path folder : folders.toList()) {
                try (Stream<Path> sqls = Files.list(folder)) {
                    for (Path sql : sqls.toList()) {
                        Matcher m = create.matcher(Files.readString(sql));
                        while (m.find()) {
                            owner.putIfAbsent(m.group(1).toLowerCase(), folder.getFileName().toString());
                        }
                    }
                }
            }
        }
        owner.put("duty_roster", "duty");
        owner.put("consultations", "duty");
        assertThat(owner).containsEntry("service_windows", "organization").containsEntry("staff", "organization");
        List<String> reads = new ArrayList<>();
        for (String module : List.of("appointments", "duty")) {
            try (Stream<Path> files = Files.list(MAIN.resolve(module))) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    Matcher m = Pattern.compile("(?i)\\b(?:FROM|JOIN|UPDATE|INTO)\\s+(\\w+)").matcher(Files.readString(f));
                    while (m.find()) {
                        String table = m.group(1).toLowerCase();
                        String of = owner.get(table);
                        if (of != null && !of.equals(module)) {
                            reads.add(f.getFileName() + ": " + table + " (" + of + ")");
                        }
                    }
                }
            }
        }
        assertThat(reads).isEmpty();
    }
}
