package org.hallsafe.staffhealth;

import java.io.IOException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.hallsafe.organization.Directory;
import org.hallsafe.organization.StaffDirectory;
import org.hallsafe.organization.Views.StaffView;
import org.hallsafe.platform.FormSubmission;
import org.hallsafe.platform.InvalidInputException;
import org.hallsafe.platform.NotFoundException;
import org.hallsafe.platform.Permissions;
import org.hallsafe.platform.RequiresPermission;
import org.hallsafe.platform.SignedIn;
import org.hallsafe.screening.Gate;
import org.hallsafe.screening.ReadingRules;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Staff health pages: my day on my phone (one screen: check, leave and return, mask, hand hygiene), the section
 * head's live board, recording for someone else, the day's compliance, and the schedules.
 */
@Controller
class StaffHealthPages {

    private final StaffHealth health;
    private final Compliance compliance;
    private final StaffDirectory staff;
    private final Directory directory;
    private final ReadingRules gate;
    private final Schedules schedules;
    private final DayRecords records;
    private final ReminderInbox inbox;
    private final java.time.Clock clock;
    private final org.hallsafe.platform.Spreadsheets spreadsheets;

    StaffHealthPages(StaffHealth health, Compliance compliance, StaffDirectory staff, Directory directory, ReadingRules gate,
            Schedules schedules, DayRecords records, ReminderInbox inbox, java.time.Clock clock,
            org.hallsafe.platform.Spreadsheets spreadsheets) {
        this.spreadsheets = spreadsheets;
        this.schedules = schedules;
        this.records = records;
        this.inbox = inbox;
        this.clock = clock;
        this.health = health;
        this.compliance = compliance;
        this.staff = staff;
        this.directory = directory;
        this.gate = gate;
    }

    // ---- my day

    @GetMapping("/staffhealth/me")
    @RequiresPermission(Permissions.HEALTH_SELF)
    String me(SignedIn who, Model model) {
        model.addAttribute("form", CheckForm.empty());
        return mePage(who, model);
    }

    @PostMapping("/staffhealth/me/check")
    @RequiresPermission(Permissions.HEALTH_SELF)
    String recordMine(SignedIn who, @Valid @ModelAttribute("form") CheckForm form, BindingResult binding, Model model, RedirectAttributes redirect) {
        Optional<StaffView> me = myself(who);
        if (me.isEmpty()) {
            return "redirect:/staffhealth/me";
        }
        return record(who, me.get().id(), form, binding, true, redirect, "redirect:/staffhealth/me")
                .orElseGet(() -> mePage(who, model));
    }

    @PostMapping("/staffhealth/me/{action}")
    @RequiresPermission(Permissions.HEALTH_SELF)
    String act(SignedIn who, @PathVariable String action, @RequestParam(required = false) Gate.Mask maskType, RedirectAttributes redirect) {
        long me = myself(who).orElseThrow(() -> NotFoundException.of("staff member")).id();
        try {
            switch (action) {
                case "left" -> records.left(who.siteId(), me);
                case "returned" -> records.returned(who.siteId(), me);
                case "mask" -> records.mask(who.siteId(), me, "PUT_ON", maskType);
                case "disinfected" -> records.mask(who.siteId(), me, "DISINFECTED", maskType);
                case "service" -> records.hand(who.siteId(), me, "SERVICE");
                case "sanitised" -> records.hand(who.siteId(), me, "SANITISE");
                default -> throw NotFoundException.of("action", action);
            }
            redirect.addFlashAttribute("done", "staffhealth.done." + action);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("problem", e.messageKey());
        }
        return "redirect:/staffhealth/me";
    }

    private String mePage(SignedIn who, Model model) {
        Optional<StaffView> me = myself(who);
        if (me.isPresent()) {
            model.addAttribute("day", health.day(who.siteId(), me.get().id()));
            model.addAttribute("reminders", inbox.unreadReminders(who.siteId(), me.get().id()));
            inbox.readReminders(who.siteId(), me.get().id());
        }
        model.addAttribute("symptoms", gate.of(who.siteId()).symptoms());
        model.addAttribute("masks", List.of(Gate.Mask.DISPOSABLE_MEDICAL, Gate.Mask.N95_KN95, Gate.Mask.OTHER));
        return "staffhealth/me";
    }

    // ---- the board

    @GetMapping("/staffhealth")
    @RequiresPermission(Permissions.HEALTH_BOARD)
    String board(SignedIn who, @RequestParam(required = false) Long dept, Model model,
            @RequestParam(required = false) Long window, @RequestParam(required = false) LocalDate day,
            @RequestHeader(name = "HX-Request", required = false) String htmx) {
        Long department = window != null ? null
                : dept != null ? (dept == 0 ? null : dept) : myself(who).map(StaffView::departmentId).orElse(null);
        // a past day and one window: the staff a cell of the responsibility matrix counted (issue 16 item 2)
        LocalDate shown = day == null ? LocalDate.now(clock) : day;
        if (window != null) {
            directory.window(who.siteId(), window); // another hall's window is a not-found
        }
        model.addAttribute("days", health.board(who.siteId(), department, shown).stream()
                .filter(d -> window == null || window.equals(d.staff().windowId())).toList());
        // the numbers only for those who need them; everyone else on the board sees how each check stands
        model.addAttribute("readings", who.may(Permissions.HEALTH_READINGS)
                ? health.readings(who.siteId(), shown) : java.util.Map.of());
        model.addAttribute("day", day);
        model.addAttribute("shownDay", shown);
        model.addAttribute("window", window);
        model.addAttribute("dept", department);
        model.addAttribute("departments", directory.departments(who.siteId(), null, "", false));
        return htmx != null ? "staffhealth/board :: rows" : "staffhealth/board";
    }

    @GetMapping("/staffhealth/staff/{id}/check")
    @RequiresPermission(Permissions.HEALTH_RECORD_FOR)
    String recordFor(SignedIn who, @PathVariable long id, Model model) {
        model.addAttribute("form", CheckForm.empty());
        return checkPage(who, id, model);
    }

    @PostMapping("/staffhealth/staff/{id}/check")
    @RequiresPermission(Permissions.HEALTH_RECORD_FOR)
    String saveFor(SignedIn who, @PathVariable long id, @Valid @ModelAttribute("form") CheckForm form, BindingResult binding, Model model,
            RedirectAttributes redirect) {
        return record(who, id, form, binding, false, redirect, "redirect:/staffhealth").orElseGet(() -> checkPage(who, id, model));
    }

    private String checkPage(SignedIn who, long id, Model model) {
        model.addAttribute("person", staff.get(who.siteId(), id));
        model.addAttribute("symptoms", gate.of(who.siteId()).symptoms());
        return "staffhealth/check";
    }

    /**
     * One path, validated once: {@code @Valid} has checked the form's shape (each message beside its field, with the
     * limit it states); the service checks the hall's rules (reading them once). A form of the wrong shape hears of
     * the rules too, and nothing is stored.
     */
    private Optional<String> record(SignedIn who, long staffId, CheckForm form, BindingResult binding, boolean self,
            RedirectAttributes redirect, String next) {
        long site = who.siteId();
        // a form that could not be bound (letters for a temperature) was not validated by @Valid: its shape is
        // checked here with the rules, so every problem is named; otherwise only the rules, and only when @Valid refused
        boolean unbound = binding.getFieldErrors().stream().anyMatch(org.springframework.validation.FieldError::isBindingFailure);
        java.util.Map<String, String> problems = unbound ? health.problems(site, form)
                : binding.hasErrors() ? health.ruleProblems(site, form) : java.util.Map.of();
        return FormSubmission.save(binding, problems,
                () -> health.recordCheckShaped(site, staffId, form, self)).map(r -> {
                    redirect.addFlashAttribute(r.abnormal() ? "abnormal" : "recorded", staff.get(site, staffId).name());
                    redirect.addFlashAttribute("temperature", form.temperature().toPlainString());
                    return next;
                });
    }

    // ---- compliance and schedules

    @GetMapping("/staffhealth/compliance")
    @RequiresPermission(Permissions.HEALTH_BOARD)
    String compliance(SignedIn who, @RequestParam(required = false) java.time.LocalDate day, Model model) {
        java.time.LocalDate d = day == null ? java.time.LocalDate.now(clock) : day;
        model.addAttribute("day", d);
        model.addAttribute("sections", compliance.sections(who.siteId(), d));
        model.addAttribute("windows", compliance.windows(who.siteId(), d));
        return "staffhealth/compliance";
    }

    @GetMapping("/staffhealth/compliance/export.xlsx")
    @RequiresPermission(Permissions.HEALTH_BOARD)
    void export(SignedIn who, @RequestParam(required = false) java.time.LocalDate day, HttpServletResponse response) throws IOException  {
        java.time.LocalDate d = day == null ? java.time.LocalDate.now(clock) : day;
        java.util.Locale locale = LocaleContextHolder.getLocale();
        spreadsheets.download(response, "staff-health-compliance-" + d, locale,
                book -> compliance.fill(book, who.siteId(), d, directory.site(who.siteId()).name(), locale));
    }

    /** The day's compliance on A4 landscape paper: the same ledgers as the export (issue 20, item 4). */
    @GetMapping("/staffhealth/compliance/print")
    @RequiresPermission(Permissions.HEALTH_BOARD)
    String print(SignedIn who, @RequestParam(required = false) java.time.LocalDate day, Model model) throws IOException {
        java.time.LocalDate d = day == null ? java.time.LocalDate.now(clock) : day;
        java.util.Locale locale = LocaleContextHolder.getLocale();
        return spreadsheets.print(model, locale,
                book -> compliance.fill(book, who.siteId(), d, directory.site(who.siteId()).name(), locale));
    }

    @GetMapping("/staffhealth/schedules")
    @RequiresPermission(Permissions.HEALTH_SETTINGS)
    String schedules(SignedIn who, Model model) {
        model.addAttribute("schedules", schedules.schedules(who.siteId()));
        model.addAttribute("groups", StaffDay.Group.values());
        model.addAttribute("weekdays", DayOfWeek.values());
        return "staffhealth/schedules";
    }

    @PostMapping("/staffhealth/schedules/{group}")
    @RequiresPermission(Permissions.HEALTH_SETTINGS)
    String saveSchedule(SignedIn who, @PathVariable StaffDay.Group group, @RequestParam LocalTime morningStart,
            @RequestParam LocalTime morningEnd, @RequestParam LocalTime afternoonStart, @RequestParam LocalTime afternoonEnd,
            @RequestParam(name = "day", required = false) List<DayOfWeek> days, RedirectAttributes redirect) {
        try {
            schedules.saveSchedule(who.siteId(), group, new StaffDay.Schedule(morningStart, morningEnd, afternoonStart, afternoonEnd,
                    org.hallsafe.platform.Choices.of(DayOfWeek.class, days)));
            redirect.addFlashAttribute("savedGroup", group);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("problem", e.messageKey());
        }
        return "redirect:/staffhealth/schedules";
    }

    private Optional<StaffView> myself(SignedIn who) {
        return staff.byAccount(who.siteId(), who.accountId());
    }
}
