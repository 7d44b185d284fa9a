package org.hallsafe.staffhealth;

import java.io.IOException;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;

import org.hallsafe.organization.Directory;
import org.hallsafe.platform.FormSubmission;
import org.hallsafe.organization.StaffDirectory;
import org.hallsafe.organization.Views.StaffView;
import org.hallsafe.platform.CurrentUser;
import org.hallsafe.platform.InvalidInputException;
import org.hallsafe.screening.Gate;
import org.hallsafe.screening.ReadingRules;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
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

    private static final String SELF = "hasAuthority(T(org.hallsafe.platform.Permissions).HEALTH_SELF)";
    private static final String BOARD = "hasAuthority(T(org.hallsafe.platform.Permissions).HEALTH_BOARD)";
    private static final String FOR = "hasAuthority(T(org.hallsafe.platform.Permissions).HEALTH_RECORD_FOR)";

    private final StaffHealth health;
    private final Compliance compliance;
    private final StaffDirectory staff;
    private final Directory directory;
    private final ReadingRules gate;
    private final Schedules schedules;
    private final DayRecords records;
    private final ReminderInbox inbox;
    private final java.time.Clock clock;

    StaffHealthPages(StaffHealth health, Compliance compliance, StaffDirectory staff, Directory directory, ReadingRules gate,
            Schedules schedules, DayRecords records, ReminderInbox inbox, java.time.Clock clock) {
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
    @PreAuthorize(SELF)
    String me(Model model) {
        model.addAttribute("form", CheckForm.empty());
        return mePage(model);
    }

    @PostMapping("/staffhealth/me/check")
    @PreAuthorize(SELF)
    String recordMine(@ModelAttribute("form") CheckForm form, BindingResult binding, Model model, RedirectAttributes redirect) {
        Optional<StaffView> me = myself();
        if (me.isEmpty()) {
            return "redirect:/staffhealth/me";
        }
        return record(me.get().id(), form, binding, true, redirect, "redirect:/staffhealth/me")
                .orElseGet(() -> mePage(model));
    }

    @PostMapping("/staffhealth/me/{action}")
    @PreAuthorize(SELF)
    String act(@PathVariable String action, @RequestParam(required = false) Gate.Mask maskType, RedirectAttributes redirect) {
        long me = myself().orElseThrow().id();
        try {
            switch (action) {
                case "left" -> records.left(site(), me);
                case "returned" -> records.returned(site(), me);
                case "mask" -> records.mask(site(), me, "PUT_ON", maskType);
                case "disinfected" -> records.mask(site(), me, "DISINFECTED", maskType);
                case "service" -> records.hand(site(), me, "SERVICE");
                case "sanitised" -> records.hand(site(), me, "SANITISE");
                default -> throw new java.util.NoSuchElementException(action);
            }
            redirect.addFlashAttribute("done", "staffhealth.done." + action);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("problem", e.messageKey());
        }
        return "redirect:/staffhealth/me";
    }

    private String mePage(Model model) {
        Optional<StaffView> me = myself();
        if (me.isPresent()) {
            model.addAttribute("day", health.day(site(), me.get().id()));
            model.addAttribute("reminders", inbox.unreadReminders(site(), me.get().id()));
            inbox.readReminders(site(), me.get().id());
        }
        model.addAttribute("symptoms", gate.of(site()).symptoms());
        model.addAttribute("masks", List.of(Gate.Mask.DISPOSABLE_MEDICAL, Gate.Mask.N95_KN95, Gate.Mask.OTHER));
        return "staffhealth/me";
    }

    // ---- the board

    @GetMapping("/staffhealth")
    @PreAuthorize(BOARD)
    String board(@RequestParam(required = false) Long dept, Model model,
            @RequestHeader(name = "HX-Request", required = false) String htmx) {
        Long department = dept != null ? (dept == 0 ? null : dept) : myself().map(StaffView::departmentId).orElse(null);
        model.addAttribute("days", health.board(site(), department));
        // the numbers only for those who need them; everyone else on the board sees how each check stands
        model.addAttribute("readings", CurrentUser.get().getAuthorities().stream()
                .anyMatch(a -> a.getAuthority().equals(org.hallsafe.platform.Permissions.HEALTH_READINGS))
                ? health.readings(site(), java.time.LocalDate.now(clock)) : java.util.Map.of());
        model.addAttribute("dept", department);
        model.addAttribute("departments", directory.departments(site(), null, "", false));
        return htmx != null ? "staffhealth/board :: rows" : "staffhealth/board";
    }

    @GetMapping("/staffhealth/staff/{id}/check")
    @PreAuthorize(FOR)
    String recordFor(@PathVariable long id, Model model) {
        model.addAttribute("form", CheckForm.empty());
        return checkPage(id, model);
    }

    @PostMapping("/staffhealth/staff/{id}/check")
    @PreAuthorize(FOR)
    String saveFor(@PathVariable long id, @ModelAttribute("form") CheckForm form, BindingResult binding, Model model,
            RedirectAttributes redirect) {
        return record(id, form, binding, false, redirect, "redirect:/staffhealth").orElseGet(() -> checkPage(id, model));
    }

    private String checkPage(long id, Model model) {
        model.addAttribute("person", staff.get(site(), id));
        model.addAttribute("symptoms", gate.of(site()).symptoms());
        return "staffhealth/check";
    }

    /**
     * One path: the service checks the form's shape and the hall's rules once (reading the hall's rules once) and puts
     * every problem beside its field; only what could not be bound at all (letters for a temperature) stops here.
     */
    private Optional<String> record(long staffId, CheckForm form, BindingResult binding, boolean self,
            RedirectAttributes redirect, String next) {
        return FormSubmission.save(binding, () -> health.recordCheck(site(), staffId, form, self)).map(r -> {
            redirect.addFlashAttribute(r.abnormal() ? "abnormal" : "recorded", staff.get(site(), staffId).name());
            redirect.addFlashAttribute("temperature", form.temperature().toPlainString());
            return next;
        });
    }

    // ---- compliance and schedules

    @GetMapping("/staffhealth/compliance")
    @PreAuthorize(BOARD)
    String compliance(@RequestParam(required = false) java.time.LocalDate day, Model model) {
        java.time.LocalDate d = day == null ? java.time.LocalDate.now(clock) : day;
        model.addAttribute("day", d);
        model.addAttribute("sections", compliance.sections(site(), d));
        model.addAttribute("windows", compliance.windows(site(), d));
        return "staffhealth/compliance";
    }

    @GetMapping("/staffhealth/compliance/export.xlsx")
    @PreAuthorize(BOARD)
    void export(@RequestParam(required = false) java.time.LocalDate day, HttpServletResponse response) throws IOException {
        java.time.LocalDate d = day == null ? java.time.LocalDate.now(clock) : day;
        compliance.export(site(), d, LocaleContextHolder.getLocale(),
                org.hallsafe.platform.Downloads.xlsx(response, "staff-health-compliance-" + d));
    }

    @GetMapping("/staffhealth/schedules")
    @PreAuthorize("hasAuthority(T(org.hallsafe.platform.Permissions).HEALTH_SETTINGS)")
    String schedules(Model model) {
        model.addAttribute("schedules", schedules.schedules(site()));
        model.addAttribute("groups", StaffDay.Group.values());
        model.addAttribute("weekdays", DayOfWeek.values());
        return "staffhealth/schedules";
    }

    @PostMapping("/staffhealth/schedules/{group}")
    @PreAuthorize("hasAuthority(T(org.hallsafe.platform.Permissions).HEALTH_SETTINGS)")
    String saveSchedule(@PathVariable StaffDay.Group group, @RequestParam LocalTime morningStart,
            @RequestParam LocalTime morningEnd, @RequestParam LocalTime afternoonStart, @RequestParam LocalTime afternoonEnd,
            @RequestParam(name = "day", required = false) List<DayOfWeek> days, RedirectAttributes redirect) {
        try {
            schedules.saveSchedule(site(), group, new StaffDay.Schedule(morningStart, morningEnd, afternoonStart, afternoonEnd,
                    org.hallsafe.platform.Choices.of(DayOfWeek.class, days)));
            redirect.addFlashAttribute("savedGroup", group);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("problem", e.messageKey());
        }
        return "redirect:/staffhealth/schedules";
    }

    private Optional<StaffView> myself() {
        return staff.byAccount(site(), CurrentUser.get().accountId());
    }

    private static long site() {
        return CurrentUser.get().siteId();
    }
}
