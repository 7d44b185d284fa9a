package org.hallsafe.organization;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.hallsafe.organization.Forms.StaffForm;
import org.hallsafe.organization.StaffSheet.Line;
import org.hallsafe.organization.Views.DepartmentView;
import org.hallsafe.organization.Views.WindowView;
import org.hallsafe.platform.Accounts;
import org.hallsafe.platform.ActivityLog;
import org.hallsafe.platform.InvalidInputException;
import org.hallsafe.platform.PlainText;
import org.hallsafe.platform.Role;
import org.hallsafe.shared.IdNumber;
import org.hallsafe.shared.PhoneNumber;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff and their accounts imported from a sheet (issue 16, item 8): every row is checked before anything is stored,
 * every problem is reported with its row and column, and the rows are stored all in one transaction or none at all.
 * Accounts are made without a password: each person chooses one through a one-time sign-in link.
 */
@Service
class StaffImport {

    static final int NAME = 0, CARD = 1, SECTION = 2, WINDOW = 3, JOB = 4, PHONE = 5, ID_NUMBER = 6, USERNAME = 7,
            ROLE = 8;

    /** Administrators are never made from a sheet: only the roles of a hall's people. */
    static final List<Role> ROLES = Arrays.stream(Role.values())
            .filter(r -> r != Role.BUREAU_ADMIN && r != Role.ADMIN).toList();

    /** One problem: the row as the spreadsheet numbers it, the column (0 = A), and the message key. */
    record Problem(int row, int column, String messageKey) {

        /** The column's letter as the spreadsheet shows it. */
        public String letter() {
            return String.valueOf((char) ('A' + column));
        }
    }

    /** Whether a column must be filled on every row (the template marks it with *). */
    static boolean required(int column) {
        return column == NAME || column == CARD || column == PHONE;
    }

    /** The sheet was refused: nothing was stored. */
    static final class Refused extends RuntimeException {
        private final transient List<Problem> problems;

        Refused(List<Problem> problems) {
            super(problems.size() + " problems", null, false, false);
            this.problems = List.copyOf(problems);
        }

        List<Problem> problems() {
            return problems;
        }
    }

    /** What one import made. */
    record Imported(List<Long> staffIds, List<Long> accountIds) {
    }

    private final Directory directory;
    private final StaffDirectory staff;
    private final Accounts accounts;
    private final ActivityLog activity;
    private final MessageSource messages;

    StaffImport(Directory directory, StaffDirectory staff, Accounts accounts, ActivityLog activity,
            MessageSource messages) {
        this.directory = directory;
        this.staff = staff;
        this.accounts = accounts;
        this.activity = activity;
        this.messages = messages;
    }

    /** The accepted words of each column's heading, in either language. */
    List<Collection<String>> headings() {
        List<Collection<String>> all = new ArrayList<>();
        for (int c = 0; c < StaffSheet.COLUMNS; c++) {
            all.add(words("staffImport.col." + c).stream().map(w -> w.replace("*", "").strip()).toList());
        }
        return all;
    }

    /**
     * How the template's signature line begins, in either language: "负责人签字" since issue 20, "制表人" on templates
     * downloaded before.
     */
    List<String> endPrefixes() {
        return java.util.stream.Stream.of("spreadsheet.signature", "spreadsheet.preparedBy").flatMap(k -> words(k).stream())
                .map(w -> w.split("[:：_]", 2)[0].strip()).filter(w -> !w.isEmpty()).toList();
    }

    /**
     * Checks every row, then stores them all, in one transaction: any problem, found before or while storing, throws
     * {@link Refused} with every problem found, and the transaction stores nothing.
     */
    @Transactional
    Imported importRows(long siteId, Role importer, List<Line> lines, String fileName) {
        Map<String, DepartmentView> sections = directory.departments(siteId, null, "", false).stream()
                .collect(Collectors.toMap(DepartmentView::name, Function.identity(), (a, b) -> a));
        Map<String, WindowView> windows = directory.windows(siteId, "", false).stream()
                .collect(Collectors.toMap(w -> String.valueOf(w.number()), Function.identity(), (a, b) -> a));
        List<Problem> problems = new ArrayList<>();
        Set<String> cards = new HashSet<>();
        Set<String> usernames = new HashSet<>();
        List<Row> rows = new ArrayList<>();
        for (Line line : lines) {
            Row row = check(siteId, importer, line, sections, windows, cards, usernames, problems);
            rows.add(row);
        }
        if (!problems.isEmpty()) {
            throw new Refused(problems);
        }
        List<Long> staffIds = new ArrayList<>();
        List<Long> accountIds = new ArrayList<>();
        for (Row row : rows) {
            Line line = row.line();
            try {
                String username = line.cell(USERNAME);
                if (!username.isEmpty()) {
                    accountIds.add(accounts.createAwaitingPassword(siteId, username, line.cell(NAME), row.role()));
                }
                staffIds.add(staff.save(siteId, null, new StaffForm(line.cell(NAME), line.cell(CARD), row.sectionId(),
                        row.windowId(), line.cell(JOB), line.cell(PHONE), line.cell(ID_NUMBER), username)));
            } catch (InvalidInputException e) {
                // found only while storing (another import took the card meanwhile): the whole sheet is refused
                throw new Refused(List.of(new Problem(line.row(), column(e.field()), e.messageKey())));
            }
        }
        activity.record("STAFF_IMPORTED", "staff", null,
                PlainText.Rules.truncate(fileName, 100) + ": " + staffIds.size() + " staff, " + accountIds.size()
                        + " accounts");
        return new Imported(staffIds, accountIds);
    }

    /** A row that passed its checks, with what was looked up. */
    private record Row(Line line, Long sectionId, Long windowId, Role role) {
    }

    private Row check(long siteId, Role importer, Line line, Map<String, DepartmentView> sections,
            Map<String, WindowView> windows, Set<String> cards, Set<String> usernames, List<Problem> problems) {
        int before = problems.size();
        Problems p = (column, key) -> problems.add(new Problem(line.row(), column, key));
        String name = line.cell(NAME);
        if (name.isEmpty()) {
            p.add(NAME, "validation.required");
        } else {
            Optional.ofNullable(PlainText.Rules.problem(name, PlainText.NAME, false)).ifPresent(k -> p.add(NAME, k));
        }
        String card = line.cell(CARD);
        if (card.isEmpty()) {
            p.add(CARD, "validation.required");
        } else if (!card.matches("[A-Za-z0-9-]{1,20}")) {
            p.add(CARD, "staff.cardNo.invalid");
        } else if (!cards.add(card.toLowerCase(Locale.ROOT))) {
            p.add(CARD, "staffImport.duplicate");
        } else if (staff.byCardNo(siteId, card).isPresent()) {
            p.add(CARD, "staff.cardNo.taken");
        }
        Long sectionId = null;
        Long windowId = null;
        String section = line.cell(SECTION);
        String window = line.cell(WINDOW);
        if (section.isEmpty() && window.isEmpty()) {
            p.add(SECTION, "staff.placement.required");
        }
        if (!section.isEmpty()) {
            DepartmentView found = sections.get(section);
            if (found == null) {
                p.add(SECTION, "staffImport.section.unknown");
            } else {
                sectionId = found.id();
            }
        }
        if (!window.isEmpty()) {
            WindowView found = windows.get(window.replaceAll("\\.0+$", ""));
            if (found == null) {
                p.add(WINDOW, "staffImport.window.unknown");
            } else {
                windowId = found.id();
            }
        }
        Optional.ofNullable(PlainText.Rules.problem(line.cell(JOB), 30, false)).ifPresent(k -> p.add(JOB, k));
        String phone = line.cell(PHONE);
        if (phone.isEmpty()) {
            p.add(PHONE, "validation.required");
        } else if (!PhoneNumber.isValid(phone)) {
            p.add(PHONE, "phone.invalid");
        }
        String idNumber = line.cell(ID_NUMBER);
        if (!idNumber.isEmpty()) {
            IdNumber.Problem problem = IdNumber.check(idNumber);
            if (problem != IdNumber.Problem.NONE) {
                p.add(ID_NUMBER, idNumber.matches(".*[Ee][+]\\d+") ? "staffImport.idNumber.asNumber"
                        : "idNumber." + problem.name());
            }
        }
        String username = line.cell(USERNAME);
        String roleText = line.cell(ROLE);
        Role role = null;
        if (username.isEmpty()) {
            if (!roleText.isEmpty()) {
                p.add(ROLE, "staffImport.role.withoutAccount");
            }
        } else {
            if (!username.matches("[A-Za-z0-9._-]{3,64}")) {
                p.add(USERNAME, "account.username.invalid");
            } else if (!usernames.add(username.toLowerCase(Locale.ROOT))) {
                p.add(USERNAME, "staffImport.duplicate");
            } else if (accounts.findByUsername(username).isPresent()) {
                p.add(USERNAME, "account.username.taken");
            }
            if (roleText.isEmpty()) {
                p.add(ROLE, "staffImport.role.required");
            } else {
                role = role(roleText).orElse(null);
                if (role == null) {
                    p.add(ROLE, "staffImport.role.unknown");
                } else if (!importer.mayManage(role)) {
                    p.add(ROLE, "staffImport.role.notAllowed");
                }
            }
        }
        return problems.size() > before ? null : new Row(line, sectionId, windowId, role);
    }

    /** A role by its name on the template (either language) or its code. */
    Optional<Role> role(String text) {
        for (Role role : ROLES) {
            if (role.name().equalsIgnoreCase(text) || words(role.label()).stream().anyMatch(w -> w.equals(text))) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }

    private List<String> words(String key) {
        return List.of(messages.getMessage(key, null, Locale.SIMPLIFIED_CHINESE),
                messages.getMessage(key, null, Locale.ENGLISH));
    }

    /** The column of a field a service refused. */
    private static int column(String field) {
        return switch (field == null ? "" : field) {
            case "cardNo" -> CARD;
            case "departmentId" -> SECTION;
            case "windowId" -> WINDOW;
            case "jobTitle" -> JOB;
            case "phone" -> PHONE;
            case "idNumber" -> ID_NUMBER;
            case "username", "accountUsername" -> USERNAME;
            default -> NAME;
        };
    }

    @FunctionalInterface
    private interface Problems {
        void add(int column, String key);
    }
}
