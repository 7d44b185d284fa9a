package org.hallsafe;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 13, item 1: the module boundaries, checked on every build without a Spring context.
 * <ul>
 * <li>No module uses a type in another module's sub-package ({@code internal}, {@code web}, ...): only a module's
 * top package is its API (ArchUnit, and Spring Modulith's own verification in {@link ModularityTests}).</li>
 * <li>No controller, repository or row type is public.</li>
 * <li>No module's SQL names a table created in another module's migration folder: a module reads another's data
 * through its facade or an event.</li>
 * </ul>
 * Each rule is also run against {@code fixture.r13} (src/test), a deliberately bad application, to show it refuses.
 */
class Issue13ModuleBoundariesTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.hallsafe");

    /** The bad fixture, which lives in src/test only. */
    private static final JavaClasses BAD_FIXTURE = new ClassFileImporter().importPackages("fixture.r13");

    /**
     * Today's SQL on other modules' tables, module to the tables it still names, each to be replaced by the owner's
     * facade or an event. Helpers of issue 13 are removing these; THE INTEGRATOR DELETES AN ENTRY as soon as its
     * branch lands ({@link #r13_1_theAllowListHoldsOnlyTodaysOffenders} names the stale ones). Never add to it: use
     * the owning module's facade instead.
     */
    private static final Map<String, Set<String>> ALLOWED_FOREIGN_TABLES = Map.of(
            // DatabaseBackup: a restore refuses a database that already holds halls or staff (AR4)
            "platform", Set.of("sites", "staff"));

    /**
     * Tables whose code moved to another module after they were created: Flyway migrations are never edited, so the
     * duty roster and the consultation log stay in appointments' first migration while the {@code duty} module owns
     * them (issue 13, item 3).
     */
    private static final Map<String, String> MOVED_WITH_THEIR_MODULE =
            Map.of("consultations", "duty", "duty_roster", "duty");

    // ---------------------------------------------------------------- the rules

    /** No class of one module depends on a type in a sub-package of another ({@code base.other.internal.X}). */
    static ArchRule noModuleReachesIntoAnothersInternals(String base) {
        return classes().that().resideInAPackage(base + "..")
                .should(new ArchCondition<JavaClass>("use another module only through its top package") {
                    @Override
                    public void check(JavaClass origin, ConditionEvents events) {
                        String from = module(base, origin.getPackageName());
                        for (Dependency d : origin.getDirectDependenciesFromSelf()) {
                            String target = d.getTargetClass().getBaseComponentType().getPackageName();
                            String to = module(base, target);
                            // shared is an OPEN module: all of it is API
                            if (to != null && !to.equals(from) && !to.equals("shared")
                                    && !target.equals(base + "." + to)) {
                                events.add(SimpleConditionEvent.violated(d, "module " + from
                                        + " reaches into module " + to + "'s internals: " + d.getDescription()));
                            }
                        }
                    }
                });
    }

    /** Controllers, repositories and row types are package-private (or in an internal package, never public). */
    static ArchRule noControllerRepositoryOrRowIsPublic(String base) {
        DescribedPredicate<JavaClass> webOrPersistence = DescribedPredicate.describe(
                "controllers, repositories or row types",
                c -> c.isMetaAnnotatedWith("org.springframework.stereotype.Controller")
                        || c.isMetaAnnotatedWith("org.springframework.stereotype.Repository")
                        || c.isAssignableTo("org.springframework.data.repository.Repository")
                        || c.isAnnotatedWith("org.springframework.data.relational.core.mapping.Table")
                        || c.getSimpleName().endsWith("Repository") || c.getSimpleName().endsWith("Row"));
        return noClasses().that().resideInAPackage(base + "..").and(webOrPersistence).should().bePublic();
    }

    /** The module a package belongs to: its first segment under {@code base}, or null outside it. */
    static String module(String base, String pkg) {
        if (!pkg.startsWith(base + ".")) {
            return null;
        }
        String rest = pkg.substring(base.length() + 1);
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    // ---------------------------------------------------------------- the application keeps them

    @Test
    void r13_1_noModuleReachesIntoAnotherModulesInternals() {
        noModuleReachesIntoAnothersInternals("org.hallsafe").check(MAIN);
    }

    @Test
    void r13_1_noControllerRepositoryOrRowTypeIsPublic() {
        noControllerRepositoryOrRowIsPublic("org.hallsafe").check(MAIN);
    }

    @Test
    void r13_1_noModuleQueriesAnotherModulesTablesBeyondTheAllowList() {
        Map<String, Set<String>> offences = foreignTablesBySqlOfEachModule();
        List<String> unexpected = new ArrayList<>();
        offences.forEach((module, tables) -> tables.stream()
                .filter(t -> !ALLOWED_FOREIGN_TABLES.getOrDefault(module, Set.of()).contains(t.split(" ")[0]))
                .forEach(t -> unexpected.add(module + " names " + t)));
        assertThat(unexpected).as("SQL on another module's tables: use its facade or an event").isEmpty();
    }

    @Test
    void r13_1_theAllowListHoldsOnlyTodaysOffenders() {
        Map<String, Set<String>> offences = foreignTablesBySqlOfEachModule();
        List<String> stale = new ArrayList<>();
        ALLOWED_FOREIGN_TABLES.forEach((module, tables) -> tables.stream()
                .filter(t -> offences.getOrDefault(module, Set.of()).stream().noneMatch(o -> o.startsWith(t + " ")))
                .forEach(t -> stale.add(module + " no longer names " + t)));
        assertThat(stale).as("delete these entries from ALLOWED_FOREIGN_TABLES").isEmpty();
    }

    /**
     * Issue 13, item 5: the public types of screening, organization, incident and audit are their facades, the records
     * and enums those take and answer, their events and their plug-in interfaces; everything else is package-private.
     * A type added here is a decision about the module's API, taken on purpose.
     */
    @Test
    void r13_5_screeningOrganizationIncidentAndAuditShowOnlyTheirApi() {
        Map<String, Set<String>> api = Map.of(
                "screening", Set.of("CitizenScreened", "StaffScreened", "ExpectedVisitors", "Gate", "GateDesk",
                        "GateForm", "Ledger", "ReadingRules", "Today", "GateVisits", "VisitCodes"),
                "organization", Set.of("DepartmentKind", "Directory", "Forms", "HallCalendar", "HallFigures", "Leadership",
                        "LeadershipRole", "MeasureStatusProvider", "Measures", "PlanMeasure", "RecordTimes", "SectionFlags",
                        "StaffDirectory", "Views", "WrittenRecords", "WindowPosts"),
                "incident", Set.of("IncidentReported", "Incidents"),
                "audit", Set.of());
        api.forEach((module, expected) -> assertThat(MAIN.stream()
                .filter(c -> c.getPackageName().startsWith("org.hallsafe." + module) && c.isTopLevelClass()
                        && c.getModifiers().contains(com.tngtech.archunit.core.domain.JavaModifier.PUBLIC))
                .map(JavaClass::getSimpleName).toList())
                .as("public types of " + module).containsExactlyInAnyOrderElementsOf(expected));
    }

    // ---------------------------------------------------------------- and refuse a bad application

    @Test
    void r13_1_theRulesRefuseAModuleThatReachesIntoAnothersInternals() {
        assertThatThrownBy(() -> noModuleReachesIntoAnothersInternals("fixture.r13").check(BAD_FIXTURE))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("module beta reaches into module alpha's internals")
                .hasMessageContaining("fixture.r13.beta.BetaReachesIn")
                .hasMessageNotContaining("fixture.r13.alpha.Alpha.");
        assertThatThrownBy(() -> noControllerRepositoryOrRowIsPublic("fixture.r13").check(BAD_FIXTURE))
                .isInstanceOf(AssertionError.class).hasMessageContaining("fixture.r13.beta.BetaPages");
        // Spring Modulith's verification, which ModularityTests runs on the application, refuses it too
        assertThatThrownBy(() -> ApplicationModules.of("fixture.r13", location -> true).verify())
                .hasMessageContaining("fixture.r13.alpha.internal.AlphaStore");
    }

    @Test
    void r13_1_theSqlScanFindsTablesByWholeNameInSqlOnly() {
        String source = """
                class X {
                    // SELECT * FROM sites: a comment is no query
                    String label = "staff.name"; /* JOIN departments */
                    String q = \"""
                            SELECT c.id FROM staff_checks c
                            JOIN staff s ON s.id = c.staff_id
                            WHERE EXISTS (SELECT 1 FROM service_windows w)\""";
                    String u = "UPDATE sites SET name = 'a \\" FROM zones'";
                    char quote = '"';
                    String i = "INSERT INTO incidents(id) VALUES (1)";
                }
                """;
        assertThat(tablesNamedBySql(source))
                .containsExactlyInAnyOrder("staff_checks", "staff", "service_windows", "sites", "zones", "incidents");
    }

    // ---------------------------------------------------------------- the SQL scan

    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
    private static final Path SOURCES = Path.of("src/main/java/org/hallsafe");
    private static final Pattern CREATED = Pattern.compile("(?i)\\bcreate\\s+table\\s+(?:if\\s+not\\s+exists\\s+)?([a-z_][a-z0-9_]*)");
    private static final Pattern DROPPED = Pattern.compile("(?i)\\bdrop\\s+table\\s+(?:if\\s+exists\\s+)?([a-z_][a-z0-9_]*)");
    private static final Pattern RENAMED = Pattern.compile("(?i)\\balter\\s+table\\s+([a-z_][a-z0-9_]*)\\s+rename\\s+to\\s+([a-z_][a-z0-9_]*)");
    /** A table name where SQL names a table: after FROM, JOIN, INTO, UPDATE or TABLE; whole words only. */
    private static final Pattern TABLE_REFERENCE = Pattern.compile("(?i)\\b(?:from|join|into|update|table)\\s+([a-z_][a-z0-9_]*)\\b");

    /**
     * Table to the module whose migration folder created it, in migration order: a later DROP removes it, a later
     * {@code ALTER TABLE .. RENAME TO ..} gives the new name to the folder that renamed it.
     */
    static Map<String, String> tableOwners() {
        record Script(String version, String module, String sql) {
        }
        List<Script> scripts = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MIGRATIONS)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".sql")).toList()) {
                scripts.add(new Script(f.getFileName().toString().split("__")[0].substring(1),
                        MIGRATIONS.relativize(f).getName(0).toString(), Files.readString(f)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        scripts.sort((a, b) -> a.version().compareTo(b.version()));
        Map<String, String> owners = new TreeMap<>();
        for (Script s : scripts) {
            Matcher m = CREATED.matcher(s.sql());
            while (m.find()) {
                owners.put(m.group(1).toLowerCase(), s.module());
            }
            m = RENAMED.matcher(s.sql());
            while (m.find()) {
                owners.remove(m.group(1).toLowerCase());
                owners.put(m.group(2).toLowerCase(), s.module());
            }
            m = DROPPED.matcher(s.sql());
            while (m.find()) {
                owners.remove(m.group(1).toLowerCase());
            }
        }
        owners.putAll(MOVED_WITH_THEIR_MODULE);
        return owners;
    }

    /** Module to "table (File.java)" for each table of another module its main sources name in SQL. */
    static Map<String, Set<String>> foreignTablesBySqlOfEachModule() {
        Map<String, String> owners = tableOwners();
        assertThat(owners).as("the migrations were found").containsEntry("sites", "organization");
        Map<String, Set<String>> found = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Path relative = SOURCES.relativize(f);
                if (relative.getNameCount() < 2) {
                    continue; // the application class
                }
                String module = relative.getName(0).toString();
                for (String table : tablesNamedBySql(Files.readString(f))) {
                    String owner = owners.get(table);
                    if (owner != null && !owner.equals(module)) {
                        found.computeIfAbsent(module, m -> new TreeSet<>()).add(table + " (" + f.getFileName() + ")");
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    /** The tables a Java source names in SQL: in its string literals and text blocks, never in comments or code. */
    static Set<String> tablesNamedBySql(String java) {
        Set<String> tables = new TreeSet<>();
        for (String literal : stringLiterals(java)) {
            Matcher m = TABLE_REFERENCE.matcher(literal);
            while (m.find()) {
                tables.add(m.group(1).toLowerCase());
            }
        }
        return tables;
    }

    /** The contents of the string literals and text blocks of a Java source, comments and char literals skipped. */
    static List<String> stringLiterals(String src) {
        List<String> literals = new ArrayList<>();
        int i = 0;
        int n = src.length();
        while (i < n) {
            if (src.startsWith("//", i)) {
                int end = src.indexOf('\n', i);
                i = end < 0 ? n : end;
            } else if (src.startsWith("/*", i)) {
                int end = src.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else if (src.startsWith("\"\"\"", i)) {
                int end = src.indexOf("\"\"\"", i + 3);
                while (end > 0 && src.charAt(end - 1) == '\\') {
                    end = src.indexOf("\"\"\"", end + 1);
                }
                end = end < 0 ? n : end;
                literals.add(src.substring(i + 3, end));
                i = end + 3;
            } else if (src.charAt(i) == '"' || src.charAt(i) == '\'') {
                char quote = src.charAt(i);
                int j = i + 1;
                while (j < n && src.charAt(j) != quote && src.charAt(j) != '\n') {
                    j += src.charAt(j) == '\\' ? 2 : 1;
                }
                if (quote == '"') {
                    literals.add(src.substring(i + 1, Math.min(j, n)));
                }
                i = j + 1;
            } else {
                i++;
            }
        }
        return literals;
    }
}
