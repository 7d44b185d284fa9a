package org.hallsafe;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13 for canteen, hygiene and staff health: a small public surface, no SQL on organization's tables, no main
 * class over 350 lines, and the other modules reached through their facades.
 */
class Issue13HealthModulesShapeTest {

    private static final List<String> MODULES = List.of("canteen", "hygiene", "staffhealth");

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(location -> !location.matches(java.util.regex.Pattern.compile(".*Tests?(\\$.*)?\\.class")))
            .importPackages("org.hallsafe.canteen", "org.hallsafe.hygiene", "org.hallsafe.staffhealth");

    @Test
    void r13_1_onlyTheFacadesAndTheFormsAndRecordsTheyTakeArePublic() {
        List<String> publicTypes = CLASSES.stream()
                .filter(c -> c.isTopLevelClass() && c.getModifiers().contains(JavaModifier.PUBLIC))
                .map(JavaClass::getName).filter(n -> !n.endsWith("package-info")).sorted().toList();
        assertThat(publicTypes).containsExactlyInAnyOrder(
                "org.hallsafe.canteen.Canteen", "org.hallsafe.canteen.CanteenForms", "org.hallsafe.canteen.CanteenSittings",
                "org.hallsafe.hygiene.Hygiene", "org.hallsafe.hygiene.HygieneForms",
                "org.hallsafe.staffhealth.StaffHealth", "org.hallsafe.staffhealth.CheckForm",
                "org.hallsafe.staffhealth.StaffDay");
    }

    @Test
    void r13_1_staffHealthReadsTheGateThroughItsSmallFacadeNotTheGateDesk() {
        noClasses().that().resideInAPackage("org.hallsafe.staffhealth..")
                .should().dependOnClassesThat().haveFullyQualifiedName("org.hallsafe.screening.GateDesk")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.hallsafe.screening.GateForm")
                .check(CLASSES);
    }

    @Test
    void r13_1_noSqlOnTheTablesOfOrganizationsMigrations() throws IOException {
        Pattern organizations = Pattern.compile("(?i)\\b(FROM|JOIN)\\s+(staff|departments|service_windows|sites|leadership_members|measure_owners)\\b");
        for (Path file : sources()) {
            assertThat(organizations.matcher(Files.readString(file)).find()).as(file.toString()).isFalse();
        }
    }

    @Test
    void r13_3_noMainClassOver350Lines() throws IOException {
        for (Path file : sources()) {
            assertThat(Files.readAllLines(file)).as(file.toString()).hasSizeLessThanOrEqualTo(350);
        }
    }

    @Test
    void r13_5_pagesNameTheirPermissionAndTakeTheSignedInPersonAsAnArgument() {
        noClasses().that().resideInAnyPackage("org.hallsafe.canteen..", "org.hallsafe.hygiene..", "org.hallsafe.staffhealth..")
                .should().dependOnClassesThat().haveFullyQualifiedName("org.hallsafe.platform.CurrentUser")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.springframework.security.access.prepost.PreAuthorize")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.util.NoSuchElementException")
                .check(CLASSES);
    }

    @Test
    void r13_6_exportsGoThroughTheOneSpreadsheetComponent() {
        noClasses().that().resideInAnyPackage("org.hallsafe.canteen..", "org.hallsafe.hygiene..", "org.hallsafe.staffhealth..")
                .should().dependOnClassesThat().resideInAPackage("org.apache.poi..")
                .check(CLASSES);
    }

    private static List<Path> sources() throws IOException {
        List<Path> all = new java.util.ArrayList<>();
        for (String module : MODULES) {
            try (Stream<Path> files = Files.list(Path.of("src/main/java/org/hallsafe", module))) {
                all.addAll(files.filter(f -> f.toString().endsWith(".java")).toList());
            }
        }
        assertThat(all).hasSizeGreaterThan(20);
        return all;
    }
}
